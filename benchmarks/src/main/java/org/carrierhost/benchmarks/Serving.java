package org.carrierhost.benchmarks;

import java.util.List;

import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.events.CarrierState;
import org.carrierhost.host.parts.HostParts;
import org.carrierhost.host.plugins.lifecycle.CarrierView;

/**
 * The harnesses' guard against measuring a carrier that is not there: each one a harness measures must be
 * serving ({@code STARTED}) before it measures, or the harness stops with the carrier's state and failure,
 * rather than timing "carrier X is not loaded" answers.
 *
 * <p>Thread-safe: stateless.
 */
public final class Serving {

    private Serving() {
    }

    /** Throws unless every carrier of {@code ids} is serving on {@code host}. */
    public static void require(CarrierHost host, List<String> ids) {
        for (String id : ids) {
            CarrierView view = HostParts.of(host).carriers().view(id)
                    .orElseThrow(() -> new IllegalStateException("carrier " + id + " is not loaded: nothing to measure"));
            if (view.state() != CarrierState.STARTED) {
                throw new IllegalStateException("carrier " + id + " is " + view.state() + ", not serving"
                        + (view.error() == null ? "" : ": " + view.error()));
            }
        }
    }
}
