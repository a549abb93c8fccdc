package org.carrierhost.host.manager;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

import org.carrierhost.api.CarrierConfig;
import org.carrierhost.host.config.InvalidSettingException;

/**
 * Whether a carrier's disconnected numbers wait in aging, and for how long: {@code numbers.aging_ms} (zero is
 * off) and each carrier's {@code carrier.<id>.disconnect_policy} ({@code after_aging}, the default, or
 * {@code immediate}).
 *
 * <p>Thread-safe: an immutable value over the host's immutable settings.
 *
 * @param agingFor how long a disconnected number waits; zero is off
 * @param sections each carrier's own settings section, by carrier id
 */
public record NumberAging(Duration agingFor, Function<String, CarrierConfig> sections) {

    /** The carrier's own key naming its policy. */
    public static final String POLICY_KEY = "disconnect_policy";
    private static final String AFTER_AGING = "after_aging";
    private static final String IMMEDIATE = "immediate";

    /** No aging: a disconnected number is free at once. */
    public static final NumberAging OFF = new NumberAging(Duration.ZERO, id -> CarrierConfig.empty());

    /** Whether aging is on at all. */
    public boolean on() {
        return !agingFor.isZero();
    }

    /** Whether carrier {@code carrierId}'s disconnected numbers wait in aging. */
    public boolean appliesTo(String carrierId) {
        return on() && AFTER_AGING.equals(policy(carrierId, sections.apply(carrierId)));
    }

    /**
     * Carrier {@code id}'s {@code disconnect_policy} in its section {@code config}: {@code after_aging} (the
     * default) or {@code immediate}. It is one of the carrier's own keys ({@code carrier.<id>.<key>}) that the host
     * reads too, as it reads {@code reconcile_every_ms}.
     *
     * @throws InvalidSettingException naming the key when its value is neither
     */
    public static String policy(String id, CarrierConfig config) {
        String value = config.get(POLICY_KEY).map(v -> v.strip().toLowerCase(Locale.ROOT)).orElse(AFTER_AGING);
        if (!value.equals(AFTER_AGING) && !value.equals(IMMEDIATE)) {
            throw new InvalidSettingException("carrier." + id + "." + POLICY_KEY,
                    "must be " + AFTER_AGING + " or " + IMMEDIATE + ", got '" + value + "'");
        }
        return value;
    }
}
