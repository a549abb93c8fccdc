package org.carrierhost.host.plugins.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the threads a plugin started and left running, by their context class loader: a thread inherits it
 * from the thread that made it, and the host runs plugin code with the plugin's loader as context loader.
 * After a plugin is unloaded they are interrupted and given a short while to end.
 *
 * <p>Thread-safe: stateless.
 */
final class PluginThreads {

    private PluginThreads() {
    }

    /**
     * Interrupts the live threads whose context class loader is {@code loader} and waits up to {@code wait}
     * for them to end.
     */
    static Sweep sweep(ClassLoader loader, Duration wait) {
        if (loader == null) {
            return new Sweep(List.of(), List.of(), List.of());
        }
        List<Thread> found = new ArrayList<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread != Thread.currentThread() && thread.isAlive() && thread.getContextClassLoader() == loader) {
                found.add(thread);
            }
        }
        found.forEach(Thread::interrupt);
        long deadline = System.nanoTime() + wait.toNanos();
        List<Thread> survivors = new ArrayList<>();
        for (Thread thread : found) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            try {
                // Past the deadline, no more waiting: 10,000 threads at 1 ms each would take 10 s.
                if (left > 0) {
                    thread.join(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                survivors.add(thread);
            }
        }
        return new Sweep(found.stream().map(Thread::getName).toList(), survivors.stream().map(Thread::getName).toList(),
                survivors.stream().map(Thread::getId).toList());
    }

    /**
     * What a sweep found.
     *
     * @param found     the names of the plugin's threads still running at unload
     * @param survivors those still running after the interrupt and the wait: the plugin leaks
     * @param survivorIds the ids of those threads, to watch what they still cost
     */
    record Sweep(List<String> found, List<String> survivors, List<Long> survivorIds) {

        /** One line for the unload event; null when the plugin left no thread. */
        String describe() {
            if (found.isEmpty()) {
                return null;
            }
            return "threads left running " + found + (survivors.isEmpty() ? ", interrupted and ended"
                    : "; leaking: " + survivors + " still run after the interrupt");
        }
    }
}
