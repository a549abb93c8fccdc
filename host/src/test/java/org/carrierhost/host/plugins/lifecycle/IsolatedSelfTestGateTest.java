package org.carrierhost.host.plugins.lifecycle;

import org.carrierhost.host.RunsAlone;
import org.carrierhost.host.TestHosts;
import org.junit.jupiter.api.BeforeEach;

/**
 * {@link SelfTestRefusals} with the mock in a process of its own, as the product runs every carrier by default: a v2
 * whose self-test fails in its new process is refused, and v1's process serves on under load with no failed search.
 */
@RunsAlone
class IsolatedSelfTestGateTest extends SelfTestRefusals {

    @BeforeEach
    void everyCarrierIsolated() {
        settings.putAll(TestHosts.ISOLATED);
    }
}
