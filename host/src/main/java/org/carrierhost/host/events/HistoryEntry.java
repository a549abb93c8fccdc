package org.carrierhost.host.events;

import java.time.Instant;

import org.carrierhost.api.NumberState;

/**
 * One state change of a number.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param number  the number
 * @param time    when it changed
 * @param actor   who changed it
 * @param from    the state before, or null when the number was created
 * @param to      the state after
 * @param carrier the carrier it went through
 */
public record HistoryEntry(String number, Instant time, String actor, NumberState from, NumberState to, String carrier) {
}
