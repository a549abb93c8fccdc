package org.carrierhost.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator from the command line:
 * {@code java -jar bandwidth-simulator.jar [--port N] [--bind ADDR] [--account ID] [--username U]
 * [--password P] [--stock FILE] [--polls N]}.
 *
 * <p>Thread-safe: only {@link #main(String[])}, which runs once.
 */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        // Jetty's start and stop lines say nothing the listening line below does not.
        System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
        SimulatorSettings settings;
        try {
            settings = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bandwidth-simulator: " + e.getMessage());
            usage(System.err);
            System.exit(2);
            return;
        }
        BandwidthSimulator simulator = BandwidthSimulator.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }));
        String admin = simulator.baseUrl().replaceFirst("/api$", "/_sim/failures");
        System.out.println("Bandwidth simulator listening on " + simulator.baseUrl());
        System.out.println("  account_id=" + settings.account() + "  username=" + settings.username()
                + "  password=" + settings.password());
        System.out.println("  failures: curl -X POST '" + admin + "?on=order_failed'  (see " + admin + ")");
        stopped.await();
    }

    static SimulatorSettings parse(String[] args) throws IOException {
        SimulatorSettings settings = SimulatorSettings.defaults();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                usage(System.out);
                System.exit(0);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String value = args[++i];
            settings = switch (flag) {
                case "--port" -> settings.withPort(number(flag, value));
                case "--bind" -> settings.withBind(value);
                case "--account" -> settings.withAccount(value);
                case "--username" -> settings.withCredentials(value, settings.password());
                case "--password" -> settings.withCredentials(settings.username(), value);
                case "--stock" -> settings.withStock(Stock.readFile(Path.of(value)));
                case "--polls" -> settings.withPollsUntilComplete(number(flag, value));
                default -> throw new IllegalArgumentException("unknown flag " + flag);
            };
        }
        return settings;
    }

    private static int number(String flag, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " must be a whole number, got '" + value + "'");
        }
    }

    private static void usage(PrintStream out) {
        out.println("usage: java -jar bandwidth-simulator.jar [--port N] [--bind ADDR] [--account ID]"
                + " [--username U] [--password P] [--stock FILE] [--polls N]");
        out.println("  stock file lines: NUMBER,City,RateCenter,LATA,State[,count]"
                + "  (NUMBER: ten digits, or six NPA-NXX digits for a block)");
    }
}
