package org.carrierhost.examples.platform;

import java.util.Map;
import java.util.Set;

/**
 * What one run of the {@link NumberPlatform} saw.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param acquired      the number acquired and its state
 * @param versionBefore the mock carrier's version before the upgrade
 * @param versionAfter  its version after
 * @param searches      searches the platform's threads made while the carrier was swapped
 * @param failures      of those, the ones that threw, answered an error or a short page
 * @param events        the host events received, by type
 * @param threadsLeft   host threads still alive after {@code close()}
 */
public record PlatformReport(String acquired, String versionBefore, String versionAfter, long searches, long failures,
        Map<String, Long> events, Set<String> threadsLeft) {

    /** Whether everything went as a platform needs: swapped under load with no failed search, nothing left behind. */
    public boolean ok() {
        return acquired.endsWith("IN_SERVICE") && !versionBefore.equals(versionAfter) && versionAfter.equals("1.0.1")
                && searches > 0 && failures == 0 && threadsLeft.isEmpty() && events.getOrDefault("CarrierEvent", 0L) > 0;
    }
}
