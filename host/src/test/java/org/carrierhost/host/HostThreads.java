package org.carrierhost.host;

import java.util.Set;
import java.util.stream.Collectors;

/** The live threads by name, for checking that a closed host left none behind; the JDK's own are ignored. */
public final class HostThreads {

    /** Threads the JDK and the test runtime start on their own, which no host owns. */
    private static final Set<String> JDK_PREFIXES = Set.of("ForkJoinPool.commonPool-", "Common-Cleaner", "process reaper",
            "Attach Listener", "Signal Dispatcher", "Reference Handler", "Finalizer", "Notification Thread",
            "HttpClient-", "surefire-", "JFR ", "Keep-Alive-");

    private HostThreads() {
    }

    /** The names of the live threads. */
    public static Set<String> names() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .collect(Collectors.toSet());
    }

    /** The live threads not in {@code before} and not the JDK's. */
    public static Set<String> newSince(Set<String> before) {
        return names().stream().filter(n -> !before.contains(n))
                .filter(n -> JDK_PREFIXES.stream().noneMatch(n::startsWith)).collect(Collectors.toSet());
    }
}
