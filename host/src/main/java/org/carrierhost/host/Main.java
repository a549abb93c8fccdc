package org.carrierhost.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

import org.carrierhost.host.config.CommandLine;
import org.carrierhost.host.config.HostConfiguration;
import org.carrierhost.host.config.HostSettings;
import org.carrierhost.host.config.InvalidSettingException;
import org.carrierhost.host.http.PortInUseException;
import org.carrierhost.host.parts.HostParts;
import org.carrierhost.host.plugins.lifecycle.CarrierView;
import org.carrierhost.host.plugins.load.ZipDeclarations;
import org.slf4j.LoggerFactory;

/**
 * The launcher {@code bin/carrier-host} runs: reads flags and settings, starts the host, prints the URL it
 * serves, and stops cleanly on SIGTERM or Ctrl-C.
 *
 * <p>Thread-safe: runs once, on the main thread.
 */
public final class Main {

    /** Exit code for a bad flag or setting, or a port in use. */
    static final int BAD_SETTINGS = 2;
    /** Exit code for a host that could not start. */
    static final int START_FAILED = 1;

    private Main() {
    }

    /** {@code --help}: every setting, and with {@code --plugins-dir}, the keys its carriers' zips declare. */
    static String help(CommandLine commandLine) {
        Optional<Path> dir = commandLine.pluginsDir().map(Path::of).filter(Files::isDirectory);
        if (dir.isEmpty()) {
            return CommandLine.USAGE;
        }
        try {
            ZipDeclarations read = ZipDeclarations.read(dir.get());
            return CommandLine.usage(read.carriers(), read.unread());
        } catch (IOException e) {
            return CommandLine.usage(List.of(), List.of(dir.get() + ": cannot be listed: " + e.getMessage()));
        }
    }

    public static void main(String[] args) throws InterruptedException {
        StartTimeline timeline = StartTimeline.sinceLaunch("launcher and JVM to main");
        PrintStream out = System.out;
        HostSettings settings;
        try {
            CommandLine commandLine = CommandLine.parse(Arrays.asList(args));
            if (commandLine.help()) {
                out.println(help(commandLine));
                return;
            }
            if (commandLine.version()) {
                out.println("carrier-host " + version());
                return;
            }
            Path home = Path.of(System.getProperty("carrier-host.home", "."));
            Optional<Path> configFile = commandLine.configFile().map(Path::of);
            Map<String, String> system = new HashMap<>();
            System.getProperties().forEach((k, v) -> system.put(String.valueOf(k), String.valueOf(v)));
            HostConfiguration configuration = HostConfiguration.load(configFile, configFile.isPresent(), home, System.getenv(),
                    system, commandLine.settings());
            settings = configuration.settings();
            LoggerFactory.getLogger(Main.class).info("settings (secrets masked, defaults left out): {}", configuration.shown());
            timeline.mark("settings");
        } catch (InvalidSettingException e) {
            System.err.println("carrier-host: " + e.getMessage());
            System.exit(BAD_SETTINGS);
            return;
        }
        CarrierHost host;
        try {
            host = CarrierHost.start(settings);
        } catch (InvalidSettingException | PortInUseException e) {
            System.err.println("carrier-host: cannot start: " + e.getMessage());
            System.exit(BAD_SETTINGS);
            return;
        } catch (RuntimeException e) {
            System.err.println("carrier-host: cannot start: " + e.getMessage());
            System.exit(START_FAILED);
            return;
        }
        // SIGTERM and Ctrl-C: stop taking requests, drain, close, say so, and exit 0 rather than 143. Any other
        // exit that runs the hooks (one the host did not ask for) leaves non-zero, so the unit restarts the host.
        ExitStatus.watchSignals();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            long began = System.nanoTime();
            String signal = ExitStatus.signal();
            if (signal == null) {
                System.err.println("carrier-host: an exit the host did not ask for; stopping with status " + ExitStatus.UNASKED);
            }
            host.close();
            out.println("Carrier Host stopped in " + (System.nanoTime() - began) / 1_000_000 + " ms"
                    + (signal == null ? "" : " (" + signal + ")"));
            out.flush();
            Runtime.getRuntime().halt(ExitStatus.onShutdown());
        }, "carrier-host-shutdown"));
        for (CarrierView carrier : HostParts.of(host).carriers().views()) {
            out.println("carrier " + carrier.id() + " " + (carrier.facts() == null ? "" : carrier.facts().version() + " ")
                    + carrier.state().wireName() + (carrier.error() == null ? "" : ": " + carrier.error().describe()));
        }
        host.adminTokenFile().ifPresent(file -> out.println("admin token: " + file.toAbsolutePath()));
        out.println("plugins directory: " + settings.plugins().dir().toAbsolutePath());
        out.println("Carrier Host listening on " + host.url());
        out.flush();
        timeline.append(host.startTimeline());
        LoggerFactory.getLogger(Main.class).info("{}", timeline.summary());
        markServed();
        new CountDownLatch(1).await();
    }

    /**
     * Tells the launcher that this run served, so the list of classes its JVM recorded is worth archiving (see
     * {@code bin/carrier-host}): the file named by {@code carrier-host.cds.served}, when set, is created.
     */
    private static void markServed() {
        String served = System.getProperty("carrier-host.cds.served");
        if (served != null) {
            try {
                Files.write(Path.of(served), new byte[0]);
            } catch (IOException | RuntimeException e) {
                LoggerFactory.getLogger(Main.class).debug("cannot mark {}; the classes this run loaded will not be archived", served, e);
            }
        }
    }

    /** The host's version, from the jar. */
    static String version() {
        Properties properties = new Properties();
        try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return properties.getProperty("version", "unknown");
    }
}
