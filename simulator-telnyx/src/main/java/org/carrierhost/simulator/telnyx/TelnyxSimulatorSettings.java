package org.carrierhost.simulator.telnyx;

import java.util.Objects;

/**
 * How a {@link TelnyxSimulator} listens and behaves.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param bind               the address to listen on
 * @param port               the port, 0 for a free one
 * @param apiKey             the Bearer key every {@code /v2} request must send
 * @param pollsUntilSettled  how many reads of an order answer {@code pending} before its numbers settle
 * @param rateLimitResetSecs how far ahead a 429's {@code x-ratelimit-reset} points, in seconds
 */
public record TelnyxSimulatorSettings(String bind, int port, String apiKey, int pollsUntilSettled, int rateLimitResetSecs) {

    public TelnyxSimulatorSettings {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(apiKey, "apiKey");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be from 0 to 65535, got " + port);
        }
        if (pollsUntilSettled < 0 || rateLimitResetSecs < 0) {
            throw new IllegalArgumentException("polls and the rate-limit reset must not be negative");
        }
    }

    /** Loopback, a free port, the key {@code KEYsim}, two pending reads, a reset one second ahead. */
    public static TelnyxSimulatorSettings defaults() {
        return new TelnyxSimulatorSettings("127.0.0.1", 0, "KEYsim", 2, 1);
    }

    public TelnyxSimulatorSettings withPort(int newPort) {
        return new TelnyxSimulatorSettings(bind, newPort, apiKey, pollsUntilSettled, rateLimitResetSecs);
    }

    public TelnyxSimulatorSettings withBind(String newBind) {
        return new TelnyxSimulatorSettings(newBind, port, apiKey, pollsUntilSettled, rateLimitResetSecs);
    }

    public TelnyxSimulatorSettings withApiKey(String newKey) {
        return new TelnyxSimulatorSettings(bind, port, newKey, pollsUntilSettled, rateLimitResetSecs);
    }

    public TelnyxSimulatorSettings withPollsUntilSettled(int polls) {
        return new TelnyxSimulatorSettings(bind, port, apiKey, polls, rateLimitResetSecs);
    }

    public TelnyxSimulatorSettings withRateLimitResetSecs(int secs) {
        return new TelnyxSimulatorSettings(bind, port, apiKey, pollsUntilSettled, secs);
    }
}
