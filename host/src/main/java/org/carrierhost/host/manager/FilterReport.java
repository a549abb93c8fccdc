package org.carrierhost.host.manager;

import java.util.List;

import org.carrierhost.api.SearchFilter;

/**
 * What one carrier asked by a search did with its filters: those it applied (natively, or through the prefix the host
 * narrowed), those it applied only approximately, those it ignored (the host checked them on its offers), and how
 * many of its offers the host dropped because they broke a filter, and whether its part of the answer was capped at its
 * {@code max_quantity}.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param applied      the filters it applied exactly
 * @param approximated the filters it applied on a best effort
 * @param ignored      the filters it did not apply
 * @param dropped      its offers the host left out for breaking a filter
 * @param cappedAt     its max_quantity when the search wanted more of it than that and it gave that many (so it may have
 *                     more), else null
 */
public record FilterReport(List<SearchFilter> applied, List<SearchFilter> approximated, List<SearchFilter> ignored,
                           int dropped, Integer cappedAt) {

    public FilterReport {
        applied = List.copyOf(applied);
        approximated = List.copyOf(approximated);
        ignored = List.copyOf(ignored);
    }

    /** A report of nothing capped. */
    public FilterReport(List<SearchFilter> applied, List<SearchFilter> approximated, List<SearchFilter> ignored, int dropped) {
        this(applied, approximated, ignored, dropped, null);
    }

    /** This report with {@code more} offers dropped. */
    public FilterReport plusDropped(int more) {
        return new FilterReport(applied, approximated, ignored, dropped + more, cappedAt);
    }

    /** This report with the carrier's part capped at {@code maxQuantity}. */
    public FilterReport cappedAt(int maxQuantity) {
        return new FilterReport(applied, approximated, ignored, dropped, maxQuantity);
    }
}
