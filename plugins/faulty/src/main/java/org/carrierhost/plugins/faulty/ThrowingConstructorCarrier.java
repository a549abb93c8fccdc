package org.carrierhost.plugins.faulty;

/**
 * A carrier whose constructor throws.
 *
 * <p>Thread-safe: never built.
 */
public class ThrowingConstructorCarrier extends QuietCarrier {

    public ThrowingConstructorCarrier() {
        throw new IllegalStateException("faulty constructor");
    }
}
