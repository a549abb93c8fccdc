package org.carrierhost.examples.platform;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * The live threads by name, so the platform can check that a closed host left none of its threads behind.
 * Threads the JDK starts on its own (the common pool, the cleaner, ...) belong to no host and are ignored.
 *
 * <p>Thread-safe: stateless.
 */
final class PlatformThreads {

    private static final Set<String> JDK_PREFIXES = Set.of("ForkJoinPool.commonPool-", "Common-Cleaner", "process reaper",
            "Attach Listener", "Signal Dispatcher", "Reference Handler", "Finalizer", "Notification Thread", "surefire-",
            "JFR ", "Keep-Alive-");

    private PlatformThreads() {
    }

    static Set<String> names() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .collect(Collectors.toSet());
    }

    /**
     * Waits up to {@code millis} for every thread started since {@code before} to end (idle plugin-call
     * threads end a couple of seconds after their last call), and returns those still alive.
     */
    static Set<String> awaitNoneNewSince(Set<String> before, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        Set<String> left = newSince(before);
        while (!left.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            left = newSince(before);
        }
        return left;
    }

    private static Set<String> newSince(Set<String> before) {
        return names().stream().filter(n -> !before.contains(n) && !n.startsWith("platform-searcher-"))
                .filter(n -> JDK_PREFIXES.stream().noneMatch(n::startsWith)).collect(Collectors.toSet());
    }
}
