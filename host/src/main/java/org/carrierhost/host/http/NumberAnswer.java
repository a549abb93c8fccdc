package org.carrierhost.host.http;

import java.util.List;
import java.util.Map;

import org.carrierhost.api.NumberRecord;
import org.carrierhost.host.events.HistoryEntry;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A stored number as the API answers it ({@code Number}, or {@code NumberWithHistory} with its history).
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param number    E.164
 * @param carrier   the carrier that owns or offered it
 * @param state     its state's wire name
 * @param accountId the account holding it, or null
 * @param data      the carrier's own data about it
 * @param history   its changes, oldest first; left out of the answer when null
 */
record NumberAnswer(String number, String carrier, String state, String accountId, Map<String, Object> data,
                    @JsonInclude(JsonInclude.Include.NON_NULL) List<Change> history) {

    /** {@code record} without its history. */
    static NumberAnswer of(NumberRecord record) {
        return new NumberAnswer(record.number(), record.carrier(), record.state().wireName(), record.accountId(),
                record.data(), null);
    }

    /** {@code record} with its history. */
    static NumberAnswer of(NumberRecord record, List<HistoryEntry> history) {
        return new NumberAnswer(record.number(), record.carrier(), record.state().wireName(), record.accountId(),
                record.data(), history.stream().map(Change::of).toList());
    }

    /**
     * One change of a number's state.
     *
     * @param time    when, ISO-8601
     * @param actor   who
     * @param from    the state before, or null when it was created
     * @param to      the state after
     * @param carrier the carrier it went through
     */
    record Change(String time, String actor, String from, String to, String carrier) {

        static Change of(HistoryEntry entry) {
            return new Change(ApiTime.of(entry.time()), entry.actor(), entry.from() == null ? null : entry.from().wireName(),
                    entry.to().wireName(), entry.carrier());
        }
    }
}
