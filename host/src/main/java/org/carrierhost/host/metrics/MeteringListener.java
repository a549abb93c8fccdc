package org.carrierhost.host.metrics;

import org.carrierhost.host.events.CallCompleted;
import org.carrierhost.host.events.CarrierEvent;
import org.carrierhost.host.events.CarrierStateChanged;
import org.carrierhost.host.events.CircuitEvent;
import org.carrierhost.host.events.HostEvent;
import org.carrierhost.host.events.HostEventListener;

/**
 * The host's typed events, turned into meters: one more {@link HostEventListener}. A completed call feeds
 * its carrier's meters; a lifecycle step feeds the lifecycle's and brings the carriers' gauges up to date
 * (a carrier loaded or removed); a circuit's change does the latter.
 *
 * <p>Thread-safe: the meters it feeds are.
 */
final class MeteringListener implements HostEventListener {

    private final CarrierMeters carriers;
    private final LifecycleMeters lifecycle;

    MeteringListener(CarrierMeters carriers, LifecycleMeters lifecycle) {
        this.carriers = carriers;
        this.lifecycle = lifecycle;
    }

    @Override
    public void onEvent(HostEvent event) {
        if (event instanceof CallCompleted call) {
            carriers.called(call);
        } else if (event instanceof CarrierEvent step) {
            lifecycle.record(step);
            carriers.sync();
        } else if (event instanceof CarrierStateChanged || event instanceof CircuitEvent) {
            // A carrier listed, changed or gone: its gauges follow.
            carriers.sync();
        }
        // A NumberEvent is the audit log's: its call into the carrier was metered as a CallCompleted.
    }

    @Override
    public String toString() {
        return "metrics";
    }
}
