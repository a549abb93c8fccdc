package org.carrierhost.plugins.faulty.hostile;

import java.io.IOException;
import java.io.InputStream;

import org.carrierhost.api.CarrierException;
import org.carrierhost.api.SearchOptions;
import org.carrierhost.api.SearchResult;
import org.carrierhost.plugins.faulty.QuietCarrier;

/**
 * On a search, defines a class from the bytes of its resource {@code ExitPayload.bin} (a class file under another
 * name, which no bytecode screen reads) and initialises it: the class ends the process with status 11.
 *
 * <p>Thread-safe: each search defines the class in a loader of its own.
 */
public class ClassFromResourceExitCarrier extends QuietCarrier {

    /** Where the payload's bytes are, beside this class. */
    public static final String RESOURCE = "ExitPayload.bin";

    /** The payload's name, as text: no reference to it is in this class's constants. */
    private static final String PAYLOAD = "org.carrierhost.plugins.faulty.hostile.ExitPayload";

    @Override
    public SearchResult findNumbers(String e164Prefix, int quantity, SearchOptions options) throws CarrierException {
        try (InputStream in = ClassFromResourceExitCarrier.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            byte[] bytes = in.readAllBytes();
            Class.forName(PAYLOAD, true, new Definer(bytes));
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return super.findNumbers(e164Prefix, quantity, options);
    }

    /** Defines the payload from its bytes, and nothing else. */
    private static final class Definer extends ClassLoader {

        private final byte[] bytes;

        Definer(byte[] bytes) {
            super(ClassFromResourceExitCarrier.class.getClassLoader());
            this.bytes = bytes;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.equals(PAYLOAD)) {
                synchronized (getClassLoadingLock(name)) {
                    Class<?> known = findLoadedClass(name);
                    return known != null ? known : defineClass(name, bytes, 0, bytes.length);
                }
            }
            return super.loadClass(name, resolve);
        }
    }
}
