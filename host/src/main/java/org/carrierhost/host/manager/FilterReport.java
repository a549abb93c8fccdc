package org.carrierhost.host.manager;

import java.util.List;

import org.carrierhost.api.SearchFilter;

/**
 * What one carrier asked by a search did with its filters: those it applied (natively, or through the prefix the host
 * narrowed), those it applied only approximately, those it ignored (the host checked them on its offers), and how
 * many of its offers the host dropped because they broke a filter.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param applied      the filters it applied exactly
 * @param approximated the filters it applied on a best effort
 * @param ignored      the filters it did not apply
 * @param dropped      its offers the host left out for breaking a filter
 */
public record FilterReport(List<SearchFilter> applied, List<SearchFilter> approximated, List<SearchFilter> ignored,
                           int dropped) {

    public FilterReport {
        applied = List.copyOf(applied);
        approximated = List.copyOf(approximated);
        ignored = List.copyOf(ignored);
    }

    /** This report with {@code more} offers dropped. */
    public FilterReport plusDropped(int more) {
        return new FilterReport(applied, approximated, ignored, dropped + more);
    }
}
