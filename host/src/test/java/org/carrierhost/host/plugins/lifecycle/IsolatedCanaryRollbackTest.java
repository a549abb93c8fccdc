package org.carrierhost.host.plugins.lifecycle;

import org.carrierhost.host.RunsAlone;
import org.carrierhost.host.TestHosts;
import org.junit.jupiter.api.BeforeEach;

/**
 * {@link CanaryRollbacks} with every carrier in a process of its own, as the product runs them by default: v1 and the
 * canary v2 each serve from a process of their own, and a v2 that faults or returns no numbers is rolled back while
 * v1's process serves on.
 */
@RunsAlone
class IsolatedCanaryRollbackTest extends CanaryRollbacks {

    @BeforeEach
    void everyCarrierIsolated() {
        settings.putAll(TestHosts.ISOLATED);
    }
}
