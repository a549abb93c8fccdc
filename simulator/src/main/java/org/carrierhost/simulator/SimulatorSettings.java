package org.carrierhost.simulator;

import java.util.List;
import java.util.Objects;

/**
 * How a {@link BandwidthSimulator} is set up.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param bind               the address to listen on, for example {@code 127.0.0.1}
 * @param port               the port to listen on; 0 picks a free one
 * @param account            the only account id the API answers for
 * @param username           the Basic auth user every API request must carry
 * @param password           that user's password
 * @param stock              the numbers offered at start
 * @param pollsUntilComplete how many status reads an order or disconnect answers RECEIVED before COMPLETE
 * @param rateLimitResetMs   how far ahead a throttled reply's {@code X-RateLimit-Reset} points
 */
public record SimulatorSettings(String bind, int port, String account, String username, String password,
                                List<StockEntry> stock, int pollsUntilComplete, long rateLimitResetMs) {

    public SimulatorSettings {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        stock = List.copyOf(stock);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (pollsUntilComplete < 0 || rateLimitResetMs < 0) {
            throw new IllegalArgumentException("polls and reset delay must not be negative");
        }
    }

    /** Loopback, a free port, account {@code 9900000}, user {@code carrier}/{@code secret}, the default stock. */
    public static SimulatorSettings defaults() {
        return new SimulatorSettings("127.0.0.1", 0, "9900000", "carrier", "secret", Stock.defaultEntries(), 2, 1000);
    }

    public SimulatorSettings withBind(String newBind) {
        return new SimulatorSettings(newBind, port, account, username, password, stock, pollsUntilComplete,
                rateLimitResetMs);
    }

    public SimulatorSettings withPort(int newPort) {
        return new SimulatorSettings(bind, newPort, account, username, password, stock, pollsUntilComplete,
                rateLimitResetMs);
    }

    public SimulatorSettings withAccount(String newAccount) {
        return new SimulatorSettings(bind, port, newAccount, username, password, stock, pollsUntilComplete,
                rateLimitResetMs);
    }

    public SimulatorSettings withCredentials(String newUsername, String newPassword) {
        return new SimulatorSettings(bind, port, account, newUsername, newPassword, stock, pollsUntilComplete,
                rateLimitResetMs);
    }

    public SimulatorSettings withStock(List<StockEntry> newStock) {
        return new SimulatorSettings(bind, port, account, username, password, newStock, pollsUntilComplete,
                rateLimitResetMs);
    }

    public SimulatorSettings withPollsUntilComplete(int polls) {
        return new SimulatorSettings(bind, port, account, username, password, stock, polls, rateLimitResetMs);
    }

    public SimulatorSettings withRateLimitResetMs(long resetMs) {
        return new SimulatorSettings(bind, port, account, username, password, stock, pollsUntilComplete, resetMs);
    }

    /** Masks the password. */
    @Override
    public String toString() {
        return "SimulatorSettings[bind=" + bind + ", port=" + port + ", account=" + account + ", username="
                + username + ", password=****, stock=" + stock.size() + " numbers, pollsUntilComplete="
                + pollsUntilComplete + ", rateLimitResetMs=" + rateLimitResetMs + "]";
    }
}
