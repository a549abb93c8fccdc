package org.carrierhost.host.config;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Who may call the API: {@code admin.token} and the named {@code auth.token.<name>} tokens.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param adminToken {@code admin.token}, when set; otherwise one is generated in the data directory
 * @param tokens     {@code auth.token.<name>=<role>:<secret>}, by name
 */
public record AccessSettings(Optional<String> adminToken, Map<String, String> tokens) {

    public AccessSettings {
        tokens = Map.copyOf(tokens);
    }

    static AccessSettings from(HostConfiguration values) {
        Map<String, String> tokens = new TreeMap<>();
        values.each(Settings.AUTH_TOKEN).forEach((key, token) -> {
            String name = key.substring("auth.token.".length());
            if (!name.matches("[A-Za-z0-9_.-]+")) {
                throw new InvalidSettingException(key, "token names are letters, digits, '.', '_' and '-'");
            }
            if (name.equals("admin")) {
                throw new InvalidSettingException(key, "'admin' is the name of admin.token; choose another name");
            }
            tokens.put(name, token);
        });
        return new AccessSettings(values.optional(Settings.ADMIN_TOKEN), tokens);
    }

    @Override
    public String toString() {
        return "AccessSettings[adminToken=" + adminToken.map(t -> Setting.MASK) + ", tokens=" + tokens.keySet() + "]";
    }
}
