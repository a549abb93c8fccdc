package org.carrierhost.host.http;

import java.util.List;
import java.util.Map;

import org.carrierhost.host.errors.StandardError;
import org.carrierhost.host.manager.FoundNumber;
import org.carrierhost.host.manager.SearchResponse;

/**
 * A search's answer: the numbers found, and one entry per carrier that failed or missed the deadline.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param numbers the numbers found
 * @param errors  the carriers' failures
 * @param notes   what the search could not do but answered without (a registry too slow to check numbers against)
 * @param skipped the carriers not asked, with the reason
 */
record SearchAnswer(List<Found> numbers, List<CarrierFailure> errors, List<String> notes, List<Skipped> skipped) {

    static SearchAnswer of(SearchResponse response) {
        return new SearchAnswer(response.numbers().stream().map(Found::of).toList(),
                response.errors().stream().map(CarrierFailure::of).toList(), response.notes(),
                response.skipped().stream().map(s -> new Skipped(s.carrier(), s.reason())).toList());
    }

    /**
     * A carrier the search left out.
     *
     * @param carrier the carrier
     * @param reason  why it cannot answer the search
     */
    record Skipped(String carrier, String reason) {
    }

    /**
     * A number found.
     *
     * @param number  E.164
     * @param carrier who offers it
     * @param state   its state's wire name
     * @param data    the carrier's own data about it
     */
    record Found(String number, String carrier, String state, Map<String, Object> data) {

        static Found of(FoundNumber found) {
            return new Found(found.number(), found.carrier(), found.state().wireName(), found.data());
        }
    }

    /**
     * One carrier's failure: the standard error's fields, carrier first, flat.
     *
     * @param carrier the carrier
     * @param code    the HTTP status it stands for
     * @param error   the error's wire name
     * @param message what went wrong
     * @param cause   why, or null
     */
    record CarrierFailure(String carrier, int code, String error, String message, String cause) {

        static CarrierFailure of(StandardError failure) {
            ApiError error = ApiError.of(failure);
            return new CarrierFailure(error.carrier(), error.code(), error.error(), error.message(), error.cause());
        }
    }
}
