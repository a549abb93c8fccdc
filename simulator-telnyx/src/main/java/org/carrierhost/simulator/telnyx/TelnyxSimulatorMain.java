package org.carrierhost.simulator.telnyx;

import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the Telnyx simulator from the command line:
 * {@code java -jar telnyx-simulator.jar [--port N] [--bind ADDR] [--api-key KEY] [--polls N] [--reset-secs N]}.
 *
 * <p>Thread-safe: only {@link #main(String[])}, which runs once.
 */
public final class TelnyxSimulatorMain {

    private TelnyxSimulatorMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
        TelnyxSimulatorSettings settings;
        try {
            settings = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("telnyx-simulator: " + e.getMessage());
            usage(System.err);
            System.exit(2);
            return;
        }
        TelnyxSimulator simulator = TelnyxSimulator.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }));
        String admin = simulator.baseUrl().replaceFirst("/v2$", "/_sim/failures");
        System.out.println("Telnyx simulator listening on " + simulator.baseUrl());
        System.out.println("  api_key=" + settings.apiKey());
        System.out.println("  failures: curl -X POST '" + admin + "?on=never_complete'  (see " + admin + ")");
        stopped.await();
    }

    static TelnyxSimulatorSettings parse(String[] args) {
        TelnyxSimulatorSettings settings = TelnyxSimulatorSettings.defaults();
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
                case "--api-key" -> settings.withApiKey(value);
                case "--polls" -> settings.withPollsUntilSettled(number(flag, value));
                case "--reset-secs" -> settings.withRateLimitResetSecs(number(flag, value));
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
        out.println("usage: java -jar telnyx-simulator.jar [--port N] [--bind ADDR] [--api-key KEY] [--polls N]"
                + " [--reset-secs N]");
    }
}
