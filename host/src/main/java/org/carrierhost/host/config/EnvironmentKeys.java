package org.carrierhost.host.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps environment variables to setting keys: {@code CARRIER_HOST_HTTP_PORT} is {@code http.port}, each
 * by the key of {@link Settings} it spells ({@code CARRIER_HOST_HTTP_TLS_KEYSTORE} is
 * {@code http.tls.keystore}, {@code CARRIER_HOST_SEARCH_TIMEOUT_MS} is {@code search.timeout_ms}). In a
 * pattern a placeholder is one word and the last one the rest: {@code CARRIER_HOST_CARRIER_BANDWIDTH_BASE_URL}
 * is {@code carrier.bandwidth.base_url}, {@code CARRIER_HOST_AUTH_TOKEN_CI} is {@code auth.token.ci}.
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

    /**
     * The key {@code name} (without the prefix) sets: the setting of {@link Settings} whose variable it is,
     * placeholders standing for one word each ({@code CARRIER_BW_BREAKER_WINDOW} is
     * {@code carrier.bw.breaker.window}) and a last one for the rest, underscores kept. A name no setting has
     * becomes {@code section.rest}, so the start can name it unknown.
     */
    static String keyOf(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (Setting<?> setting : Settings.all()) {
            if (!setting.isPattern() && lower.equals(setting.key().replace('.', '_'))) {
                return setting.key();
            }
        }
        for (Setting<?> setting : Settings.patterns()) {
            Matcher m = variablePattern(setting.key()).matcher(lower);
            if (m.matches()) {
                String[] values = new String[m.groupCount()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = m.group(i + 1);
                }
                return setting.keyFor(values);
            }
        }
        int first = lower.indexOf('_');
        return first < 0 ? lower : lower.substring(0, first) + "." + lower.substring(first + 1);
    }

    /** {@code carrier.<id>.breaker.window} as the variable's pattern {@code carrier_([^_]+)_breaker_window}. */
    private static Pattern variablePattern(String key) {
        String[] segments = key.split("\\.");
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                regex.append('_');
            }
            if (segments[i].startsWith("<")) {
                regex.append(i == segments.length - 1 ? "(.+)" : "([^_]+)");
            } else {
                regex.append(Pattern.quote(segments[i].replace('.', '_')));
            }
        }
        return Pattern.compile(regex.toString());
    }

    /** The variable that sets {@code key}, for messages: {@code http.port} gives {@code CARRIER_HOST_HTTP_PORT}. */
    public static String variableOf(String key) {
        return PREFIX + key.replace('.', '_').toUpperCase(Locale.ROOT);
    }
}
