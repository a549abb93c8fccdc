package org.carrierhost.plugins.faulty;

import org.pf4j.Plugin;

/**
 * A PF4J plugin class whose {@code start} throws.
 *
 * <p>Thread-safe: stateless.
 */
public class ThrowingStartPlugin extends Plugin {

    @Override
    public void start() {
        throw new IllegalStateException("faulty plugin start");
    }
}
