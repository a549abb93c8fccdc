package org.carrierhost.host.plugins.lifecycle;

import org.carrierhost.host.RunsAlone;
import org.carrierhost.host.TestHosts;
import org.junit.jupiter.api.BeforeEach;

/**
 * {@link SelfTestGateTest} with the mock in a process of its own, as the product runs every carrier by default: a v2
 * whose self-test fails in its new process is refused and its process ended, while v1's process serves on under load
 * with no failed search; one that passes takes over.
 */
@RunsAlone
class IsolatedSelfTestGateTest extends SelfTestGateTest {

    @BeforeEach
    void everyCarrierIsolated() {
        settings.putAll(TestHosts.ISOLATED);
    }
}
