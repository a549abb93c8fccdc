package org.carrierhost.host.plugins.load;

/**
 * The one swap of the thread's context class loader around plugin code, for try-with-resources:
 * {@code try (ContextLoader ignored = ContextLoader.use(loader)) { ... }} puts the previous one back.
 *
 * <p>Not shared between threads: it belongs to the thread that opened it.
 */
public final class ContextLoader implements AutoCloseable {

    private final Thread thread;
    private final ClassLoader previous;

    private ContextLoader(Thread thread, ClassLoader previous) {
        this.thread = thread;
        this.previous = previous;
    }

    /** Makes {@code loader} the current thread's context class loader until the result is closed. */
    public static ContextLoader use(ClassLoader loader) {
        Thread thread = Thread.currentThread();
        ContextLoader swap = new ContextLoader(thread, thread.getContextClassLoader());
        thread.setContextClassLoader(loader);
        return swap;
    }

    @Override
    public void close() {
        thread.setContextClassLoader(previous);
    }
}
