package org.carrierhost.host.http;

/**
 * Who is calling: the token's name (the actor in the audit log) and role.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param name the token's name, {@code admin} for the admin token
 * @param role what it may do
 */
public record Principal(String name, Role role) {

    /** The actor recorded in the audit log, {@code api:<name>}. */
    public String actor() {
        return "api:" + name;
    }
}
