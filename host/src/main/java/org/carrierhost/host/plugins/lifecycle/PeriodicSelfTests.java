package org.carrierhost.host.plugins.lifecycle;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.carrierhost.api.CarrierConfig;
import org.carrierhost.host.config.Settings;
import org.carrierhost.host.events.CarrierState;
import org.carrierhost.host.plugins.load.Generation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Periodic self-tests: the version that serves a carrier whose section sets {@code selftest.interval_ms} (above 0) is
 * self-tested that often, with purpose {@code periodic}, through {@link SelfTests} (so each run is the carrier's last
 * {@code selftest}, a {@code selftest} event and a {@code selftest} call in the metrics). The interval is read again
 * at each tick, so a settings change applies without a reload; the first run comes one interval after the carrier
 * was first seen serving, and a new version starts the count again. It changes no carrier state: a periodic
 * self-test that fails is shown and told, and the version serves on.
 *
 * <p>Thread-safe: one scheduler thread does every check and every run, and alone reads and writes the due times.
 */
public final class PeriodicSelfTests implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PeriodicSelfTests.class);
    private static final Duration TICK = Duration.ofMillis(250);

    private final CarrierTable table;
    private final SelfTests tests;
    private final Function<String, CarrierConfig> sections;
    private final Map<String, Due> due = new HashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "selftest-periodic");
        thread.setDaemon(true);
        return thread;
    });

    /** When a carrier's serving version is self-tested next. */
    private record Due(Generation generation, long atNanos) {
    }

    PeriodicSelfTests(CarrierTable table, SelfTests tests, Function<String, CarrierConfig> sections) {
        this.table = table;
        this.tests = tests;
        this.sections = sections;
    }

    /** Checks every tick from now on. */
    public PeriodicSelfTests start() {
        scheduler.scheduleWithFixedDelay(this::tickQuietly, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void tickQuietly() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.warn("a periodic self-test failed to run: {}", e.toString());
        }
    }

    /** Self-tests each serving version whose interval has passed. */
    void tick() {
        Map<String, Due> seen = new HashMap<>();
        for (CarrierSlot slot : table.all()) {
            Generation live = slot.live();
            Duration every = slot.state() == CarrierState.STARTED && live != null ? interval(slot.id()) : Duration.ZERO;
            if (every.isZero()) {
                continue;
            }
            Due next = due.get(slot.id());
            long now = System.nanoTime();
            if (next == null || next.generation() != live) {
                seen.put(slot.id(), new Due(live, now + every.toNanos()));
            } else if (now - next.atNanos() >= 0) {
                tests.periodic(live);
                seen.put(slot.id(), new Due(live, System.nanoTime() + every.toNanos()));
            } else {
                seen.put(slot.id(), next);
            }
        }
        due.clear();
        due.putAll(seen);
    }

    /** Carrier {@code id}'s {@code selftest.interval_ms}; zero (never) when unset or not a valid value. */
    private Duration interval(String id) {
        try {
            return Settings.SELFTEST_INTERVAL.inSection(id, sections.apply(id));
        } catch (RuntimeException e) {
            return Duration.ZERO;
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
