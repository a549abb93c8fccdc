package org.carrierhost.host.plugins.call;

import java.util.Optional;

/**
 * The small port through which the call path reaches carriers: by id, the {@link CallTarget} to call, or
 * empty for an id the host does not know. The lifecycle's carrier table implements it, so the call path
 * imports nothing above it.
 *
 * <p>Implementations are thread-safe.
 */
@FunctionalInterface
public interface CallPort {

    /** Carrier {@code id}'s target, or empty when the host does not know it. */
    Optional<CallTarget> target(String id);
}
