package org.carrierhost.plugins.faulty;

/**
 * A carrier that behaves, to pair with {@link ThrowingStartPlugin} so only the PF4J plugin misbehaves.
 *
 * <p>Thread-safe: stateless.
 */
public class WorkingCarrier extends QuietCarrier {
}
