package org.carrierhost.benchmarks.hotpath;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.carrierhost.benchmarks.PluginZips;

/**
 * Writes the plugin directories that {@code benchmarks/hotpath.sh} starts the packaged host with:
 * {@code search} holds the mock and local zips plus the mock carrier as {@code mock2} .. {@code mock10};
 * {@code hung} holds the mock zip plus the faulty carriers' {@code StubbornHangingCarrier} as {@code hung}.
 *
 * <p>Usage: {@code HotPathPlugins <search|hung> <dir> [plugins dir to take mock and local from]}.
 *
 * <p>Thread-safe: stateless; a command-line tool.
 */
public final class HotPathPlugins {

    private HotPathPlugins() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[1]));
        Path mock = PluginZips.built("carrier-mock-1.0.0.zip");
        switch (args[0]) {
            case "search" -> {
                PluginZips.withId(mock, dir, "mock");
                PluginZips.withId(PluginZips.built("carrier-local-1.0.0.zip"), dir, "local");
                for (int i = 2; i <= 10; i++) {
                    PluginZips.withId(mock, dir, "mock" + i);
                }
            }
            case "hung" -> {
                PluginZips.withId(mock, dir, "mock");
                PluginZips.faulty(dir, "hung", "StubbornHangingCarrier");
            }
            default -> throw new IllegalArgumentException("expected search or hung, got " + args[0]);
        }
        System.out.println(String.join(" ", List.of(dir.toFile().list())));
    }
}
