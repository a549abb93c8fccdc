package org.carrierhost.plugins.mock;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.carrierhost.api.CarrierConfig;
import org.carrierhost.api.CarrierException;
import org.carrierhost.api.CarrierSetting;
import org.carrierhost.api.ErrorCode;
import org.carrierhost.api.NumberRecord;
import org.carrierhost.api.NumberState;
import org.carrierhost.api.SelfTestChecks;
import org.carrierhost.api.SelfTestRequest;
import org.carrierhost.api.SelfTestResult;
import org.carrierhost.api.SelfTestResult.Check;
import org.carrierhost.api.SelfTestResult.Outcome;

/**
 * The mock's self-test and the switches that make it go wrong, for tests of the host: a login check against its
 * settings ({@code bad_credentials} refuses it), a probe search of quantity 1 on {@code probe_prefix}, and a parse
 * check of what the search answered ({@code broken_parser} makes every search misread its numbers, {@code outage}
 * makes every search answer that the carrier is down). With
 * {@code selftest_acquire} it tries to acquire its probe number, which the host refuses; with {@code selftest_hang}
 * it waits until interrupted. Two switches break its searches alone, as a new version that misbehaves under traffic
 * while its self-test passes: {@code search_fault_percent} fails that share of them ({@code carrier_fault}), evenly
 * spread, and {@code no_numbers} makes every search answer no number, without an error; {@code order_tag} marks its
 * order ids, so a test can tell which version took an acquire. Each switch is read from the carrier's section, else from {@code mock-switches.properties}
 * on the plugin's class path, so a variant zip can carry its own.
 *
 * <p>Thread-safe: immutable once made.
 *
 * @param badCredentials  whether its login is refused
 * @param brokenParser    whether its searches misread their numbers
 * @param outage          whether its searches answer that the carrier is down
 * @param tryAcquire      whether its self-test tries to acquire
 * @param hang            whether its self-test never answers
 * @param probePrefix     the prefix its probe search asks for
 * @param faultPercent    the share of its searches that fail, from 0 to 100
 * @param noNumbers       whether its searches answer no number
 * @param orderTag        what its order ids carry after the carrier id; empty for nothing
 */
record MockSelfTest(boolean badCredentials, boolean brokenParser, boolean outage, boolean tryAcquire, boolean hang,
                    String probePrefix, int faultPercent, boolean noNumbers, String orderTag) {

    static final MockSelfTest DEFAULTS = new MockSelfTest(false, false, false, false, false, SelfTestChecks.DEFAULT_PROBE_PREFIX,
            0, false, "");

    static final List<CarrierSetting> SETTINGS = List.of(
            CarrierSetting.flag("bad_credentials", false, "whether the self-test's login check is refused, as with a wrong password"),
            CarrierSetting.flag("broken_parser", false, "whether every search misreads its numbers, as a version that cannot read today's replies"),
            CarrierSetting.flag("outage", false, "whether every search answers carrier_unavailable, as when the carrier is down"),
            CarrierSetting.flag("selftest_acquire", false, "whether the self-test tries to acquire its probe number (the host refuses it)"),
            CarrierSetting.flag("selftest_hang", false, "whether the self-test waits until it is interrupted"),
            SelfTestChecks.PROBE_PREFIX,
            CarrierSetting.whole("search_fault_percent", 0, 100, 0, "the share of searches, in percent, that fail with carrier_fault"),
            CarrierSetting.flag("no_numbers", false, "whether every search answers no number, without an error"),
            CarrierSetting.text("order_tag", "what its order ids carry after the carrier id, to tell versions apart"));

    /** The switches of {@code config}, over those of {@code mock-switches.properties}, over none. */
    static MockSelfTest from(CarrierConfig config, ClassLoader loader) {
        Properties packed = new Properties();
        try (InputStream in = loader.getResourceAsStream("mock-switches.properties")) {
            if (in != null) {
                packed.load(in);
            }
        } catch (IOException e) {
            // No switches packed: the defaults.
        }
        return new MockSelfTest(flag(config, packed, "bad_credentials"), flag(config, packed, "broken_parser"),
                flag(config, packed, "outage"),
                flag(config, packed, "selftest_acquire"), flag(config, packed, "selftest_hang"),
                config.get("probe_prefix").orElse(packed.getProperty("probe_prefix", DEFAULTS.probePrefix)),
                Integer.parseInt(config.get("search_fault_percent").orElse(packed.getProperty("search_fault_percent", "0"))),
                flag(config, packed, "no_numbers"), config.get("order_tag").orElse(packed.getProperty("order_tag", "")));
    }

    private static boolean flag(CarrierConfig config, Properties packed, String key) {
        return config.get(key).or(() -> java.util.Optional.ofNullable(packed.getProperty(key))).map(Boolean::parseBoolean)
                .orElse(false);
    }

    /** Answers that the carrier is down, under {@code outage}. */
    void reachable() throws CarrierException {
        if (outage) {
            throw new CarrierException(ErrorCode.CARRIER_UNAVAILABLE, "the mock carrier is down", "outage=true");
        }
    }

    /**
     * Fails search number {@code n} (from 0) when it falls in the {@code search_fault_percent} share: spread evenly,
     * so any run of 100 searches fails exactly that many.
     */
    void searched(long n) throws CarrierException {
        if (n * faultPercent / 100 != (n + 1) * faultPercent / 100) {
            throw new CarrierException(ErrorCode.CARRIER_FAULT, "the mock's search failed", "search_fault_percent=" + faultPercent);
        }
    }

    /** {@code number} as a broken parser reads it: without its {@code +} and its last digit. */
    String read(String number) {
        return brokenParser ? number.substring(1, number.length() - 1) : number;
    }

    /** Runs the self-test of carrier {@code id}. */
    SelfTestResult run(String id, SelfTestRequest request) throws CarrierException {
        List<Check> checks = new ArrayList<>();
        checks.add(SelfTestChecks.configuration(probePrefix.matches("\\+\\d{1,15}") ? null
                : new CarrierException(ErrorCode.INVALID, "probe_prefix must be + and digits", probePrefix), "probe prefix " + probePrefix));
        checks.add(badCredentials
                ? new Check("credentials", Outcome.FAILED, "login refused: 401 unauthorized (bad_credentials=true)", 0)
                : new Check("credentials", Outcome.PASSED, "logged in", 0));
        if (hang) {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CarrierException(ErrorCode.TIMEOUT, "the mock's self-test was interrupted", "selftest_hang=true");
            }
        }
        checks.addAll(SelfTestChecks.probe(request.calls(), probePrefix));
        if (tryAcquire) {
            String number = request.calls().findNumbers(probePrefix, 1).toOffers().get(0).number();
            request.calls().acquireNumber(new NumberRecord(number, NumberState.DISCOVERY, id, null, null));
        }
        return SelfTestResult.of(checks);
    }
}
