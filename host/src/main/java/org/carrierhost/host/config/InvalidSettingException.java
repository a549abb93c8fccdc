package org.carrierhost.host.config;

/**
 * A setting that is missing or wrong, naming the key, the value and what was expected. The launcher
 * prints it and exits; an embedding application gets it from {@code start}.
 *
 * <p>Thread-safe: immutable.
 */
public final class InvalidSettingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;

    public InvalidSettingException(String key, String message) {
        super(key + ": " + message);
        this.key = key;
    }

    /** The key at fault. */
    public String key() {
        return key;
    }
}
