package org.carrierhost.host;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Polls for a condition until a deadline: behavioural waits without timing-fragile sleeps.
 */
public final class Await {

    private Await() {
    }

    /** Waits until {@code condition} holds, failing with {@code state} after {@code limit}. */
    public static void until(Duration limit, BooleanSupplier condition, Supplier<String> state) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within " + limit.toMillis() + " ms: " + state.get());
            }
            pause(20);
        }
    }

    /** Sleeps {@code millis}. */
    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
