package org.carrierhost.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Facts about this version of the carrier api.
 *
 * <p>Thread-safe: holds only constants.
 */
public final class CarrierApi {

    /**
     * The api's semantic version. The host passes it to PF4J as the system version, so a plugin's
     * {@code Plugin-Requires} is checked against it.
     */
    public static final String VERSION = readVersion();

    private CarrierApi() {
    }

    private static String readVersion() {
        try (InputStream in = CarrierApi.class.getResourceAsStream("api.properties")) {
            if (in == null) {
                throw new IllegalStateException("api.properties is missing from the carrier api jar");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
