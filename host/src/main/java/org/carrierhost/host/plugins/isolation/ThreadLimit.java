package org.carrierhost.host.plugins.isolation;

/**
 * In a carrier's process, {@code isolation.max_threads}: a daemon thread counts the process's threads (every
 * thread group's, the JVM's own included) every {@value #CHECK_MS} ms, and past the limit says so on stderr and ends
 * the process at once with {@link ProcessEnd#OVER_THREAD_LIMIT}, which the host shows as that and counts as a
 * crash. A plugin may start threads faster than they are counted: the limit bounds how long a flood lasts, not
 * its height.
 *
 * <p>Thread-safe: its state is the limit, final; the count is read anew each time.
 */
final class ThreadLimit implements Runnable {

    /** How often the threads are counted. */
    static final int CHECK_MS = 50;

    private final int max;

    private ThreadLimit(int max) {
        this.max = max;
    }

    /** Starts watching this process for more than {@code max} threads; nothing for 0, no limit. */
    static void watch(int max) {
        if (max <= 0) {
            return;
        }
        Thread watcher = new Thread(new ThreadLimit(max), "carrier-process-thread-limit");
        watcher.setDaemon(true);
        watcher.start();
    }

    @Override
    public void run() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        while (true) {
            int threads = root.activeCount();
            if (threads > max) {
                System.err.println("carrier process: " + threads + " threads, over its limit of " + max
                        + " (isolation.max_threads); ending");
                System.err.flush();
                Runtime.getRuntime().halt(ProcessEnd.OVER_THREAD_LIMIT);
            }
            try {
                Thread.sleep(CHECK_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
