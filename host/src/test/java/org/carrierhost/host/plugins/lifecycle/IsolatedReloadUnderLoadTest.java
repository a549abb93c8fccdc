package org.carrierhost.host.plugins.lifecycle;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.carrierhost.host.RunsAlone;
import org.carrierhost.host.TestHosts;

/**
 * {@link ReloadUnderLoadTest} with the mock in a process of its own, as the product runs every carrier by default:
 * each reload starts the new version's process beside the old one, serves from it, then drains and ends the old one,
 * and no search fails. Four reloads, not fifty (two by the API, two by the watcher): each starts a JVM, some
 * five seconds on two cores under this load.
 */
@RunsAlone
class IsolatedReloadUnderLoadTest extends ReloadUnderLoadTest {

    @Override
    Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>(super.settings());
        settings.putAll(TestHosts.ISOLATED);
        return settings;
    }

    @Override
    int reloads() {
        return 4;
    }

    @Override
    Duration watcherReload() {
        return Duration.ofSeconds(15);
    }
}
