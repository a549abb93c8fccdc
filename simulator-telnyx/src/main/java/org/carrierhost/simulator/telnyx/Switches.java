package org.carrierhost.simulator.telnyx;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What the simulator is switched into: the {@link TelnyxSwitch} variants, an error every API request answers
 * with, and a number of requests to throttle with 429 (its {@code x-ratelimit-reset} as seconds from now or as
 * an epoch in seconds).
 *
 * <p>Thread-safe: every method synchronises on this.
 */
public final class Switches {

    /** A throttle count that never runs out. */
    public static final int ALWAYS = Integer.MAX_VALUE;

    /** How {@code x-ratelimit-reset} is written. */
    public enum ResetForm {
        /** Seconds from now, as the documentation says. */
        SECONDS,
        /** The epoch second the window resets at, as replies have been seen to send. */
        EPOCH
    }

    private final Set<TelnyxSwitch> on = EnumSet.noneOf(TelnyxSwitch.class);
    private String errorCode;
    private int throttle;
    private ResetForm resetForm = ResetForm.SECONDS;
    private int resetSecs = -1;

    /**
     * A 429 to answer.
     *
     * @param form      how its reset header is written
     * @param resetSecs how far ahead the reset is, or -1 for the simulator's setting
     */
    record Throttled(ResetForm form, int resetSecs) {
    }

    public synchronized void switchOn(TelnyxSwitch variant) {
        on.add(variant);
    }

    public synchronized void switchOff(TelnyxSwitch variant) {
        on.remove(variant);
    }

    public synchronized boolean isOn(TelnyxSwitch variant) {
        return on.contains(variant);
    }

    /** Makes every API request answer Telnyx error {@code code} (see {@link TelnyxErrorTable}); null for none. */
    public synchronized void answerError(String code) {
        if (code != null && TelnyxErrorTable.find(code).isEmpty()) {
            throw new IllegalArgumentException("unknown error code '" + code + "'; known: " + TelnyxErrorTable.codes());
        }
        this.errorCode = code;
    }

    synchronized Optional<String> error() {
        return Optional.ofNullable(errorCode);
    }

    /** The next {@code count} API requests answer 429 with the reset header in {@code form}. */
    public synchronized void throttle(int count, ResetForm form) {
        throttle(count, form, -1);
    }

    /** As {@link #throttle(int, ResetForm)}, the reset {@code resetSecs} ahead rather than the simulator's setting. */
    public synchronized void throttle(int count, ResetForm form, int resetSecs) {
        this.throttle = Math.max(0, count);
        this.resetForm = form;
        this.resetSecs = resetSecs;
    }

    /** The form of the reset header when this request is throttled; empty when it is not. */
    synchronized Optional<Throttled> consumeThrottle() {
        if (throttle <= 0) {
            return Optional.empty();
        }
        if (throttle != ALWAYS) {
            throttle--;
        }
        return Optional.of(new Throttled(resetForm, resetSecs));
    }

    /** Everything off. */
    public synchronized void clear() {
        on.clear();
        errorCode = null;
        throttle = 0;
        resetForm = ResetForm.SECONDS;
        resetSecs = -1;
    }

    /** One line per setting, for {@code GET /_sim/failures}. */
    public synchronized String describe() {
        StringBuilder text = new StringBuilder();
        for (TelnyxSwitch variant : TelnyxSwitch.values()) {
            text.append(variant.wireName()).append('=').append(on.contains(variant) ? "on" : "off").append('\n');
        }
        text.append("error=").append(errorCode == null ? "none" : errorCode).append('\n');
        text.append("throttle=").append(throttle == ALWAYS ? "always" : String.valueOf(throttle))
                .append(" reset=").append(resetForm.name().toLowerCase(java.util.Locale.ROOT)).append('\n');
        return text.toString();
    }
}
