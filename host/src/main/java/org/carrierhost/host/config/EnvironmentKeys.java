package org.carrierhost.host.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Maps environment variables to setting keys: {@code CARRIER_HOST_HTTP_PORT} is {@code http.port}.
 * The first underscore after the prefix separates the section; the rest stay underscores
 * ({@code CARRIER_HOST_SEARCH_TIMEOUT_MS} is {@code search.timeout_ms}). {@code CARRIER_*} and
 * {@code AUTH_TOKEN_*} have one level more: {@code CARRIER_HOST_CARRIER_BANDWIDTH_BASE_URL} is
 * {@code carrier.bandwidth.base_url}, {@code CARRIER_HOST_AUTH_TOKEN_CI} is {@code auth.token.ci}.
 *
 * <p>Thread-safe: stateless.
 */
public final class EnvironmentKeys {

    /** The prefix every variable of ours has. */
    public static final String PREFIX = "CARRIER_HOST_";

    private EnvironmentKeys() {
    }

    /** The settings given by {@code environment}, by key. */
    public static Map<String, String> settings(Map<String, String> environment) {
        Map<String, String> settings = new LinkedHashMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith(PREFIX) && name.length() > PREFIX.length()) {
                settings.put(keyOf(name.substring(PREFIX.length())), value);
            }
        });
        return settings;
    }

    static String keyOf(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        int sections = lower.startsWith("carrier_") || lower.startsWith("auth_token_") ? 2 : 1;
        StringBuilder key = new StringBuilder(lower);
        int dots = 0;
        for (int i = 0; i < key.length() && dots < sections; i++) {
            if (key.charAt(i) == '_') {
                key.setCharAt(i, '.');
                dots++;
            }
        }
        return key.toString();
    }

    /** The variable that sets {@code key}, for messages: {@code http.port} gives {@code CARRIER_HOST_HTTP_PORT}. */
    public static String variableOf(String key) {
        return PREFIX + key.replace('.', '_').toUpperCase(Locale.ROOT);
    }
}
