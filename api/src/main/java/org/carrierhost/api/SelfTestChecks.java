package org.carrierhost.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.carrierhost.api.SelfTestResult.Check;
import org.carrierhost.api.SelfTestResult.Outcome;

/**
 * The checks most self-tests make, for carriers to share: a {@code configuration} check, and a probe search of
 * quantity 1 on a prefix ({@code credentials} when the carrier refused them, else {@code search}) followed by a
 * {@code parse} check that every number it answered is an E.164 number under the prefix.
 *
 * <p>Thread-safe: static methods that keep nothing.
 */
public final class SelfTestChecks {

    /** The setting of the prefix a self-test's probe search asks for ({@code probe_prefix}). */
    public static final CarrierSetting PROBE_PREFIX = CarrierSetting.text("probe_prefix",
            "the E.164 prefix of the self-test's probe search, for example +1415; +1415 when unset");

    /** The probe prefix when {@code probe_prefix} is unset. */
    public static final String DEFAULT_PROBE_PREFIX = "+1415";

    private SelfTestChecks() {
    }

    /** The probe prefix of {@code config}: its {@code probe_prefix}, else {@link #DEFAULT_PROBE_PREFIX}. */
    public static String probePrefix(CarrierConfig config) {
        return config.get(PROBE_PREFIX.key()).filter(p -> !p.isBlank()).orElse(DEFAULT_PROBE_PREFIX);
    }

    /**
     * The self-test of a carrier that calls out: its {@code configuration} ({@code problem}, null when it is usable),
     * then, when configured, the {@link #probe} on {@code probePrefix}, which shows its credentials, that the carrier
     * answers, and that this version reads its replies.
     */
    public static SelfTestResult configuredThenProbe(CarrierException problem, SelfTestRequest request, String probePrefix) {
        List<Check> checks = new ArrayList<>();
        checks.add(configuration(problem, "probe prefix " + probePrefix));
        if (problem == null) {
            checks.addAll(probe(request.calls(), probePrefix));
        }
        return SelfTestResult.of(checks);
    }

    /** A passed {@code configuration} check, or, when {@code problem} is not null, a failed one naming it. */
    public static Check configuration(CarrierException problem, String detail) {
        return problem == null ? new Check("configuration", Outcome.PASSED, detail, 0)
                : new Check("configuration", Outcome.FAILED, problem.getMessage()
                        + (problem.detail() == null ? "" : ": " + problem.detail()), 0);
    }

    /**
     * What a carrier's failure means for a self-test: refused credentials fail it; the carrier down, slow or
     * throttling is inconclusive (not the version's fault); anything else fails it.
     */
    public static Outcome outcomeOf(CarrierException failure) {
        if (refusedCredentials(failure)) {
            return Outcome.FAILED;
        }
        return switch (failure.code()) {
            case CARRIER_UNAVAILABLE, TIMEOUT, RATE_LIMITED, CARRIER_FAULT -> Outcome.INCONCLUSIVE;
            default -> Outcome.FAILED;
        };
    }

    /**
     * A probe search of quantity 1 on {@code prefix} through {@code calls}, and, when it answered, the parse check
     * of what it answered.
     */
    public static List<Check> probe(SelfTestCalls calls, String prefix) {
        List<Check> checks = new ArrayList<>();
        long start = System.nanoTime();
        List<NumberOffer> offers;
        try {
            offers = calls.findNumbers(prefix, 1).toOffers();
        } catch (CarrierException e) {
            String detail = e.getMessage() + (e.detail() == null ? "" : ": " + e.detail());
            checks.add(new Check(refusedCredentials(e) ? "credentials" : "search", outcomeOf(e), detail, took(start)));
            return checks;
        }
        checks.add(new Check("search", Outcome.PASSED, offers.size() + " offer(s) for " + prefix, took(start)));
        start = System.nanoTime();
        List<String> misread = offers.stream().map(NumberOffer::number)
                .filter(n -> !n.matches("\\+\\d{8,15}") || !n.startsWith(prefix)).toList();
        checks.add(offers.isEmpty() ? new Check("parse", Outcome.INCONCLUSIVE, "the probe search answered no numbers to read", took(start))
                : misread.isEmpty() ? new Check("parse", Outcome.PASSED, "read " + offers.get(0).number(), took(start))
                : new Check("parse", Outcome.FAILED, "misread " + misread.size() + " of " + offers.size() + ": " + misread, took(start)));
        return checks;
    }

    private static boolean refusedCredentials(CarrierException failure) {
        String message = String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT);
        return failure.code() == ErrorCode.UNAUTHORIZED || failure.code() == ErrorCode.FORBIDDEN
                || message.contains("credential") || message.contains("authenticat") || message.contains("authoris")
                || message.contains("authoriz");
    }

    private static long took(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
