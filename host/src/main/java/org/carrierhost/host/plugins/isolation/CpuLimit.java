package org.carrierhost.host.plugins.isolation;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * How a carrier's process is held to {@code isolation.cpus} processors, as far as the platform allows without
 * cgroups: the JVM is told it has that many ({@code -XX:ActiveProcessorCount}, which sizes its GC, compiler and
 * common pool), and on Linux, where {@code taskset} is on the {@code PATH}, the process is started under
 * {@code taskset -c <list>}, so its threads run on those processors only: a plugin that spins every thread it can
 * still burns at most that many. Which of the host's own processors ({@code Cpus_allowed_list} in
 * {@code /proc/self/status}) it gets is chosen by its carrier id, so carriers spread over them. Elsewhere only the
 * JVM's count applies.
 *
 * <p>Thread-safe: stateless.
 */
final class CpuLimit {

    private CpuLimit() {
    }

    /** The JVM options for {@code cpus} processors: none for 0 (all). */
    static List<String> jvmOptions(int cpus) {
        return cpus > 0 ? List.of("-XX:ActiveProcessorCount=" + cpus) : List.of();
    }

    /**
     * What the command starts with, {@code taskset -c <list>}, for carrier {@code id} on {@code cpus} processors;
     * none when {@code cpus} is 0, is as many as the host has, or when {@code taskset} or the host's processor list
     * cannot be found.
     */
    static List<String> pinning(String id, int cpus) {
        if (cpus <= 0) {
            return List.of();
        }
        Optional<Path> taskset = onPath("taskset");
        List<Integer> allowed = allowedProcessors();
        if (taskset.isEmpty() || allowed.size() <= cpus) {
            return List.of();
        }
        return List.of(taskset.get().toString(), "-c", list(choose(allowed, cpus, Math.floorMod(id.hashCode(), allowed.size()))));
    }

    /** {@code cpus} of {@code allowed}, from index {@code from} on, around the end. */
    static List<Integer> choose(List<Integer> allowed, int cpus, int from) {
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < Math.min(cpus, allowed.size()); i++) {
            chosen.add(allowed.get((from + i) % allowed.size()));
        }
        return chosen;
    }

    /** A processor list as Linux writes it ({@code 0-3,6,8-9}) as its processors, in order; empty when malformed. */
    static List<Integer> parse(String list) {
        List<Integer> processors = new ArrayList<>();
        try {
            for (String part : list.trim().split(",")) {
                String[] range = part.trim().split("-");
                int first = Integer.parseInt(range[0]);
                int last = range.length > 1 ? Integer.parseInt(range[1]) : first;
                for (int cpu = first; cpu <= last && processors.size() <= 4096; cpu++) {
                    processors.add(cpu);
                }
            }
        } catch (NumberFormatException e) {
            return List.of();
        }
        return processors;
    }

    private static String list(List<Integer> processors) {
        StringJoiner joined = new StringJoiner(",");
        processors.forEach(cpu -> joined.add(Integer.toString(cpu)));
        return joined.toString();
    }

    /** The processors the host may run on; empty where {@code /proc/self/status} does not say (not Linux). */
    private static List<Integer> allowedProcessors() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Cpus_allowed_list:")) {
                    return parse(line.substring(line.indexOf(':') + 1));
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux.
        }
        return List.of();
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        for (String dir : (path == null ? "/usr/bin:/bin" : path).split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate.toAbsolutePath());
            }
        }
        return Optional.empty();
    }
}
