package org.carrierhost.host.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The bearer tokens the API accepts: the admin token, and the named {@code auth.token.<name>} ones.
 *
 * <p>Thread-safe: immutable. Secrets are compared in constant time.
 */
public final class AccessTokens {

    private final Map<String, Principal> bySecret;

    private AccessTokens(Map<String, Principal> bySecret) {
        this.bySecret = Map.copyOf(bySecret);
    }

    /**
     * @param adminToken the admin's secret
     * @param named      {@code <name> -> <role>:<secret>}, as in {@code auth.token.<name>}
     */
    public static AccessTokens of(String adminToken, Map<String, String> named) {
        Map<String, Principal> bySecret = new LinkedHashMap<>();
        bySecret.put(adminToken, new Principal("admin", Role.ADMIN));
        named.forEach((name, value) -> {
            int colon = value.indexOf(':');
            Role role = Role.valueOf(value.substring(0, colon).toUpperCase(java.util.Locale.ROOT));
            bySecret.put(value.substring(colon + 1), new Principal(name, role));
        });
        return new AccessTokens(bySecret);
    }

    /** Who an {@code Authorization} header names, if it carries a known bearer token. */
    public Optional<Principal> authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        byte[] offered = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        Principal found = null;
        for (Map.Entry<String, Principal> entry : bySecret.entrySet()) {
            if (MessageDigest.isEqual(offered, entry.getKey().getBytes(StandardCharsets.UTF_8))) {
                found = entry.getValue();
            }
        }
        return Optional.ofNullable(found);
    }
}
