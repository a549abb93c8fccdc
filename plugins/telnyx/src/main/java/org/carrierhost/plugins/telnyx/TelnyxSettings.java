package org.carrierhost.plugins.telnyx;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.carrierhost.api.CarrierConfig;
import org.carrierhost.api.CarrierSetting;
import org.carrierhost.api.CarrierException;
import org.carrierhost.api.ErrorCode;

/**
 * The carrier's configuration ({@code carrier.telnyx.*}), checked once at start.
 *
 * <p>Thread-safe: an immutable value. {@link #toString()} masks the key so the record can be logged.
 *
 * @param baseUrl            the API root, {@code https://api.telnyx.com/v2} unless set, no trailing slash
 * @param apiKey             the Bearer key
 * @param connectionId       the connection ordered numbers are put on, or empty
 * @param messagingProfileId the messaging profile ordered numbers are put on, or empty
 * @param timeout            how long one HTTP request may take; also the most a search waits out 429s in all
 * @param orderPollInterval  how long to wait between reads of a pending order
 * @param orderTimeout       how long an order may stay pending
 * @param maxRetries         how many times a throttled search is tried again
 */
public record TelnyxSettings(URI baseUrl, String apiKey, String connectionId, String messagingProfileId,
                             Duration timeout, Duration orderPollInterval, Duration orderTimeout, int maxRetries) {

    /** Where Telnyx's Numbers API v2 lives. */
    public static final String DEFAULT_BASE_URL = "https://api.telnyx.com/v2";

    /** The keys of {@code carrier.telnyx.*}, as {@link TelnyxCarrier#settings()} declares them to the host. */
    public static final List<CarrierSetting> DECLARED = List.of(
            CarrierSetting.url("base_url", "Telnyx's Numbers API v2").withDefault(DEFAULT_BASE_URL),
            CarrierSetting.text("api_key", "the Telnyx API key (V2)").asRequired().asSecret(),
            CarrierSetting.text("connection_id", "the connection new numbers are assigned to"),
            CarrierSetting.text("messaging_profile_id", "the messaging profile new numbers are assigned to"),
            CarrierSetting.millis("timeout_ms", 1, 3_600_000, 10_000, "the deadline of one HTTP request"),
            CarrierSetting.millis("order_poll_interval_ms", 1, 3_600_000, 1_000, "how often a pending order is polled"),
            CarrierSetting.millis("order_timeout_ms", 1, 3_600_000, 30_000, "how long an order may stay pending"),
            CarrierSetting.whole("max_retries", 0, 10, 2, "retries of a throttled or failed read"));

    /**
     * Reads and checks the configuration.
     *
     * @throws CarrierException {@link ErrorCode#CARRIER_UNAVAILABLE} naming what is missing or malformed
     */
    public static TelnyxSettings from(CarrierConfig config) throws CarrierException {
        if (config.get("api_key").isEmpty()) {
            throw new CarrierException(ErrorCode.CARRIER_UNAVAILABLE, "telnyx is not configured",
                    "not configured: api_key is required; missing api_key (carrier.telnyx.api_key)");
        }
        return new TelnyxSettings(baseUrl(config.get("base_url", DEFAULT_BASE_URL)), config.get("api_key", ""),
                config.get("connection_id", ""), config.get("messaging_profile_id", ""),
                millis(config, "timeout_ms", 10_000), millis(config, "order_poll_interval_ms", 1_000),
                millis(config, "order_timeout_ms", 30_000), (int) whole(config, "max_retries", 2, 0, 10));
    }

    private static URI baseUrl(String text) throws CarrierException {
        try {
            URI uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getQuery() == null
                    && uri.getUserInfo() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // Reported below, with the key.
        }
        throw misconfigured("base_url must be an http(s) URL without query or user info, like " + DEFAULT_BASE_URL);
    }

    private static Duration millis(CarrierConfig config, String key, long fallback) throws CarrierException {
        return Duration.ofMillis(whole(config, key, fallback, 1, 3_600_000));
    }

    private static long whole(CarrierConfig config, String key, long fallback, long min, long max)
            throws CarrierException {
        long value;
        try {
            value = config.getLong(key, fallback);
        } catch (CarrierException e) {
            throw misconfigured(e.detail());
        }
        if (value < min || value > max) {
            throw misconfigured(key + " must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    private static CarrierException misconfigured(String detail) {
        return new CarrierException(ErrorCode.CARRIER_UNAVAILABLE, "telnyx is misconfigured", detail);
    }

    /** Masks the key. */
    @Override
    public String toString() {
        return "TelnyxSettings[baseUrl=" + baseUrl + ", apiKey=****, connectionId=" + connectionId
                + ", messagingProfileId=" + messagingProfileId + ", timeout=" + timeout.toMillis()
                + "ms, orderPollInterval=" + orderPollInterval.toMillis() + "ms, orderTimeout=" + orderTimeout.toMillis()
                + "ms, maxRetries=" + maxRetries + "]";
    }
}
