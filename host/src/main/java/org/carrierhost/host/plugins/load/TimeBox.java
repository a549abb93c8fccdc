package org.carrierhost.host.plugins.load;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs plugin code (constructors, {@code start}, {@code stop}) on a separate thread with a time limit and
 * the plugin's context class loader, so that code that hangs or throws cannot stall or break the host.
 *
 * <p>Thread-safe: runs on {@link CarrierCalls}' daemon threads; a call that overruns is interrupted and abandoned.
 */
public final class TimeBox {

    /** The same threads as number calls: one pool for all plugin code. */
    private static final ExecutorService EXECUTOR = PluginPool.EXECUTOR;

    private TimeBox() {
    }

    /**
     * Runs {@code work} with {@code loader} as context class loader, waiting at most {@code limit}.
     *
     * @param what names the step in the failure, for example {@code start()}
     * @throws PluginLoadException when it throws or overruns, naming the step and the reason
     */
    public static <T> T call(String what, Duration limit, ClassLoader loader, Callable<T> work) throws PluginLoadException {
        Future<T> future = EXECUTOR.submit(() -> {
            try (ContextLoader ignored = ContextLoader.use(loader)) {
                return work.call();
            }
        });
        try {
            return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new PluginLoadException(what + " did not return within " + limit.toMillis() + " ms", (String) null);
        } catch (ExecutionException e) {
            throw new PluginLoadException(what + " failed", e.getCause());
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new PluginLoadException(what + " was interrupted", (String) null);
        }
    }

    /** A throwable as one readable line: its type and message, and its root cause's. */
    public static String describe(Throwable t) {
        if (t == null) {
            return null;
        }
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        if (root != t) {
            text += " (caused by " + root.getClass().getSimpleName()
                    + (root.getMessage() == null ? "" : ": " + root.getMessage()) + ")";
        }
        return text;
    }
}
