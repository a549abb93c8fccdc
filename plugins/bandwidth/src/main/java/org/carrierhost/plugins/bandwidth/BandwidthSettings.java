package org.carrierhost.plugins.bandwidth;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.carrierhost.api.CarrierConfig;
import org.carrierhost.api.CarrierSetting;
import org.carrierhost.api.CarrierException;
import org.carrierhost.api.ErrorCode;

/**
 * The carrier's configuration ({@code carrier.bandwidth.*}), checked once at start.
 *
 * <p>Thread-safe: an immutable value. {@link #toString()} masks the password so the record can be logged.
 *
 * @param baseUrl           the API root, for example {@code https://dashboard.bandwidth.com/api}, no trailing slash
 * @param accountId         the Bandwidth account id
 * @param username          the API user, or empty for none
 * @param password          the API user's password, or empty
 * @param siteId            the site (sub-account) numbers are ordered into, or empty
 * @param peerId            the SIP peer (location) numbers are ordered into, or empty
 * @param timeout           how long one HTTP request may take
 * @param orderPollInterval how long to wait between reads of a pending order
 * @param orderTimeout      how long an order or disconnect may stay pending
 * @param maxSearchQuantity the most numbers one search asks for
 * @param maxRetries        how many times a throttled search is tried again
 */
public record BandwidthSettings(URI baseUrl, String accountId, String username, String password, String siteId,
                                String peerId, Duration timeout, Duration orderPollInterval, Duration orderTimeout,
                                int maxSearchQuantity, int maxRetries) {

    /** The keys of {@code carrier.bandwidth.*}, as {@link BandwidthCarrier#settings()} declares them to the host. */
    public static final List<CarrierSetting> DECLARED = List.of(
            CarrierSetting.url("base_url", "Bandwidth's Dashboard API, for example https://dashboard.bandwidth.com/api").asRequired(),
            CarrierSetting.text("account_id", "the Bandwidth account id").asRequired(),
            CarrierSetting.text("username", "the API user's name"),
            CarrierSetting.text("password", "the API user's password").asSecret(),
            CarrierSetting.text("site_id", "the site (sub-account) orders go to; required to acquire"),
            CarrierSetting.text("peer_id", "the SIP peer (location) orders go to"),
            CarrierSetting.millis("timeout_ms", 1, 3_600_000, 10_000, "the deadline of one HTTP request"),
            CarrierSetting.millis("order_poll_interval_ms", 1, 3_600_000, 1_000, "how often a pending order is polled"),
            CarrierSetting.millis("order_timeout_ms", 1, 3_600_000, 30_000, "how long an order may stay pending"),
            CarrierSetting.whole("max_search_quantity", 1, 5_000, 500, "the most numbers one search asks for"),
            CarrierSetting.whole("max_retries", 0, 10, 2, "retries of a throttled or failed read"));

    /**
     * Reads and checks the configuration.
     *
     * @throws CarrierException {@link ErrorCode#CARRIER_UNAVAILABLE} naming what is missing or malformed
     */
    public static BandwidthSettings from(CarrierConfig config) throws CarrierException {
        List<String> missing = new ArrayList<>();
        if (config.get("base_url").isEmpty()) {
            missing.add("base_url");
        }
        if (config.get("account_id").isEmpty()) {
            missing.add("account_id");
        }
        if (!missing.isEmpty()) {
            throw new CarrierException(ErrorCode.CARRIER_UNAVAILABLE, "bandwidth is not configured",
                    "not configured: base_url and account_id are required; missing " + String.join(" and ", missing));
        }
        return new BandwidthSettings(baseUrl(config.get("base_url", "")), config.get("account_id", ""),
                config.get("username", ""), config.get("password", ""), config.get("site_id", ""),
                config.get("peer_id", ""), millis(config, "timeout_ms", 10_000), millis(config, "order_poll_interval_ms", 1_000),
                millis(config, "order_timeout_ms", 30_000), (int) whole(config, "max_search_quantity", 500, 1, 5_000),
                (int) whole(config, "max_retries", 2, 0, 10));
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
            // Reported below, with the key; the parser's text would repeat the value.
        }
        throw misconfigured("base_url must be an http(s) URL without query or user info, like "
                + "https://dashboard.bandwidth.com/api");
    }

    private static Duration millis(CarrierConfig config, String key, long fallback) throws CarrierException {
        return Duration.ofMillis(whole(config, key, fallback, 1, 3_600_000));
    }

    private static long whole(CarrierConfig config, String key, long fallback, long min, long max)
            throws CarrierException {
        long value = config.getLong(key, fallback);
        if (value < min || value > max) {
            throw misconfigured(key + " must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    private static CarrierException misconfigured(String detail) {
        return new CarrierException(ErrorCode.CARRIER_UNAVAILABLE, "bandwidth is misconfigured", detail);
    }

    /** Masks the password. */
    @Override
    public String toString() {
        return "BandwidthSettings[baseUrl=" + baseUrl + ", accountId=" + accountId + ", username=" + username
                + ", password=" + (password.isEmpty() ? "" : "****") + ", siteId=" + siteId + ", peerId=" + peerId
                + ", timeout=" + timeout.toMillis() + "ms, orderPollInterval=" + orderPollInterval.toMillis()
                + "ms, orderTimeout=" + orderTimeout.toMillis() + "ms, maxSearchQuantity=" + maxSearchQuantity
                + ", maxRetries=" + maxRetries + "]";
    }
}
