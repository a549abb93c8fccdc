package org.carrierhost.host.metrics;

import java.lang.management.ManagementFactory;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;

/**
 * The JVM's and the process's meters, Micrometer's binders: memory, garbage collection, threads, class
 * loading, processors, uptime and file descriptors. {@link #close()} ends the garbage collection
 * binder's listening on the JVM's collectors, which would otherwise keep the registry (and through its
 * gauges the host) reachable.
 *
 * <p>Two of {@link ProcessorMetrics}' meters break the Prometheus naming rules {@code promtool check metrics}
 * enforces, so they are changed before they register: {@code system.cpu.count} ({@code system_cpu_count}, a gauge
 * with a histogram's {@code _count} suffix) is renamed {@code system.cpus} ({@code system_cpus}), and
 * {@code process.cpu.time} ({@code process_cpu_time_ns_total}, a unit abbreviation) is left out for
 * {@code process_cpu_seconds_total}, the process's CPU time in seconds, the name Prometheus' own clients use.
 *
 * <p>Thread-safe: bound once at construction; {@link #close()} may be called from any thread.
 */
final class JvmMeters implements AutoCloseable {

    private final JvmGcMetrics gc = new JvmGcMetrics();

    /** ProcessorMetrics' meter of the processors, renamed. */
    static final String CPUS = "system.cpus";

    JvmMeters(MeterRegistry registry) {
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                return id.getName().equals("system.cpu.count") ? id.withName(CPUS) : id;
            }
        }).meterFilter(MeterFilter.deny(id -> id.getName().equals("process.cpu.time")));
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            FunctionCounter.builder("process.cpu", os, bean -> bean.getProcessCpuTime() / 1e9)
                    .baseUnit("seconds").description("The CPU time the JVM process has used").register(registry);
        }
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
    }

    @Override
    public void close() {
        gc.close();
    }
}
