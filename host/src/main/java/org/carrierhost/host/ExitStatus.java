package org.carrierhost.host;

import java.util.concurrent.atomic.AtomicReference;

import sun.misc.Signal;

/**
 * Tells the shutdown hook which status the host leaves with: 0 only when a signal asked it to stop (SIGTERM from
 * systemd or {@code kill}, Ctrl-C, a hang-up); {@link #UNASKED} for any other exit that runs the hooks, such as a
 * {@code System.exit(0)} the host did not make (a plugin's, reached by a route no bytecode screen sees). The
 * service manager then restarts a host that ended by surprise and leaves alone one that was stopped.
 *
 * <p>Thread-safe: the signal is recorded in an atomic reference, read once by the shutdown hook.
 */
final class ExitStatus {

    /** The status of an exit no signal asked for: EX_SOFTWARE (sysexits.h), never 0. */
    static final int UNASKED = 70;

    private static final AtomicReference<String> SIGNAL = new AtomicReference<>();

    private ExitStatus() {
    }

    /**
     * Replaces the JVM's handlers of TERM, INT and HUP with ones that record the signal, then exit as the JVM's own
     * do (running the shutdown hooks). A signal the JVM cannot take (with {@code -Xrs}) keeps its default handling.
     */
    static void watchSignals() {
        for (String name : new String[] {"TERM", "INT", "HUP"}) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    SIGNAL.compareAndSet(null, "SIG" + signal.getName());
                    System.exit(128 + signal.getNumber());
                });
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // This JVM does not let us handle it (-Xrs, or a platform without it): its default stands.
            }
        }
    }

    /** The signal that asked the host to stop, such as {@code SIGTERM}; null when none did. */
    static String signal() {
        return SIGNAL.get();
    }

    /** The status the shutdown hook halts with: 0 after a signal, {@link #UNASKED} otherwise. */
    static int onShutdown() {
        return signal() == null ? UNASKED : 0;
    }
}
