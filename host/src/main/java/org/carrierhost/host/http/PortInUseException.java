package org.carrierhost.host.http;

/**
 * The address the server should listen on is taken.
 *
 * <p>Thread-safe: immutable after construction.
 */
public final class PortInUseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PortInUseException(String bind, int port, Throwable cause) {
        super(bind + ":" + port + " is already in use", cause);
    }
}
