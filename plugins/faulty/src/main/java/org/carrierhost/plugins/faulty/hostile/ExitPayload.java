package org.carrierhost.plugins.faulty.hostile;

/**
 * Ends its process with status 11 as soon as it is initialised. Tests never zip it as a class: its bytes travel as
 * a {@code .bin} resource for {@link ClassFromResourceExitCarrier}, where no bytecode screen reads them.
 *
 * <p>Thread-safe: no state.
 */
public final class ExitPayload {

    static {
        System.exit(11);
    }

    private ExitPayload() {
    }
}
