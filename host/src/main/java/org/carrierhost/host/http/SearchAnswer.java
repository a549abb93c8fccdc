package org.carrierhost.host.http;

import java.util.List;
import java.util.Map;

import org.carrierhost.api.SearchFilter;
import org.carrierhost.host.errors.StandardError;
import org.carrierhost.host.manager.FilterReport;
import org.carrierhost.host.manager.FoundNumber;
import org.carrierhost.host.manager.SearchResponse;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A search's answer: the numbers found, and one entry per carrier that failed or missed the deadline.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param numbers the numbers found
 * @param errors  the carriers' failures
 * @param notes   what the search could not do but answered without (a registry too slow to check numbers against)
 * @param skipped the carriers not asked, with the reason
 * @param carriers for each carrier asked, by id, the filters it applied, approximated and ignored, and its offers dropped
 */
record SearchAnswer(List<Found> numbers, List<CarrierFailure> errors, List<String> notes, List<Skipped> skipped,
                    Map<String, Filters> carriers) {

    static SearchAnswer of(SearchResponse response) {
        Map<String, Filters> carriers = new java.util.LinkedHashMap<>();
        response.carriers().forEach((id, report) -> carriers.put(id, Filters.of(report)));
        return new SearchAnswer(response.numbers().stream().map(Found::of).toList(),
                response.errors().stream().map(CarrierFailure::of).toList(), response.notes(),
                response.skipped().stream().map(s -> new Skipped(s.carrier(), s.reason())).toList(), carriers);
    }

    /**
     * What one carrier asked did with the search's filters.
     *
     * @param applied      the filters it applied exactly
     * @param approximated the filters it applied on a best effort
     * @param ignored      the filters it did not apply (the host checked them on its offers)
     * @param dropped      its offers left out for breaking a filter
     * @param cappedAt     its max_quantity, when the host wanted more of it than that and it gave that many; else absent
     */
    record Filters(List<String> applied, List<String> approximated, List<String> ignored, int dropped,
                   @JsonInclude(JsonInclude.Include.NON_NULL)
                   Integer cappedAt) {

        static Filters of(FilterReport report) {
            return new Filters(names(report.applied()), names(report.approximated()), names(report.ignored()), report.dropped(),
                    report.cappedAt());
        }

        private static List<String> names(List<SearchFilter> filters) {
            return filters.stream().map(SearchFilter::wireName).toList();
        }
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
