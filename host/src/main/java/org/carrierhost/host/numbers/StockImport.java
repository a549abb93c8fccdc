package org.carrierhost.host.numbers;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.api.NumberAttributes;
import org.carrierhost.api.NumberType;
import org.carrierhost.api.SearchFilters;
import org.carrierhost.api.NumberState;
import org.carrierhost.host.errors.StandardError;
import org.carrierhost.host.errors.StandardException;
import org.carrierhost.host.events.HostEvents;
import org.carrierhost.host.events.NumberAction;
import org.carrierhost.host.events.NumberEvent;
import org.carrierhost.host.manager.E164;
import org.carrierhost.host.manager.ImportReport;
import org.carrierhost.host.manager.ImportResult;
import org.carrierhost.host.manager.SearchVocabulary;
import org.carrierhost.host.manager.StockEntry;
import org.carrierhost.host.plugins.lifecycle.CarrierTable;
import org.carrierhost.host.plugins.lifecycle.CarrierView;
import org.carrierhost.host.registry.NumberRegistry;

/**
 * The import of a local carrier's stock: numbers normalised to E.164, added as {@code available} in one
 * transaction, and each one reported.
 *
 * <p>Thread-safe: holds only thread-safe parts; races between imports are settled by the registry.
 */
final class StockImport {

    private final CarrierTable carriers;
    private final NumberRegistry registry;
    private final HostEvents events;
    private final int maxImport;

    StockImport(CarrierTable carriers, NumberRegistry registry, HostEvents events, int maxImport) {
        this.carriers = carriers;
        this.registry = registry;
        this.events = events;
        this.maxImport = maxImport;
    }

    /** See {@link org.carrierhost.host.manager.CarrierManager#importNumbers}: the checks, then one transaction, then the report and its event. */
    ImportReport importNumbers(String carrierId, List<StockEntry> entries, NumberState state, String actor) {
        if (state == NumberState.AVAILABLE) {
            requireLocal(carrierId);
        } else if (state == NumberState.PORT_IN) {
            requireKnown(carrierId);
        } else {
            throw StandardException.of(ErrorCode.INVALID, "state must be available or port_in", "got " + state.wireName());
        }
        if (entries.isEmpty()) {
            throw StandardException.of(ErrorCode.INVALID, "numbers must not be empty", "list the numbers to import");
        }
        if (entries.size() > maxImport) {
            throw StandardException.of(ErrorCode.TOO_LARGE, "too many numbers in one import",
                    entries.size() + " listed, over import.max_numbers of " + maxImport);
        }
        List<ImportResult> parsed = new ArrayList<>(entries.size());
        Set<String> distinct = new LinkedHashSet<>();
        Map<String, NumberAttributes> attributes = new java.util.HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            String raw = entries.get(i).input();
            try {
                String number = E164.number(raw, null);
                // A number listed twice: the first occurrence decides, later ones are reported present.
                NumberAttributes described = checked(entries.get(i).attributes(), number, i);
                boolean first = distinct.add(number);
                if (first && state == NumberState.AVAILABLE) {
                    attributes.put(number, described);
                }
                parsed.add(first ? new ImportResult.Added(raw, number)
                        : new ImportResult.Present(raw, number, NumberState.AVAILABLE));
            } catch (StandardException e) {
                parsed.add(new ImportResult.Invalid(raw, e.getMessage()));
            }
        }
        Map<String, NumberState> present;
        try {
            present = distinct.isEmpty() ? Map.of() : registry.addInState(carrierId, distinct, state, actor, attributes);
        } catch (RuntimeException e) {
            events.publish(NumberEvent.failed(actor, NumberAction.IMPORT, carrierId, carrierId, NumberDesk.describe(e)));
            throw e;
        }
        List<ImportResult> results = parsed.stream().map(r -> r instanceof ImportResult.Added added
                && present.containsKey(added.number())
                ? new ImportResult.Present(added.input(), added.number(), present.get(added.number())) : r).toList();
        ImportReport report = new ImportReport(carrierId, results);
        events.publish(NumberEvent.ok(actor, NumberAction.IMPORT, carrierId, carrierId, report.added() + " added, "
                + report.present() + " present, " + report.invalid() + " invalid"));
        return report;
    }

    /** The North American toll-free area codes: a number imported there without a type is toll-free. */
    private static final Set<String> NANP_TOLL_FREE = Set.of("800", "833", "844", "855", "866", "877", "888");

    /**
     * {@code given}, checked as a search's filters are; a North American number given other attributes but no type is
     * given its type (toll-free or local) by its area code. A number given no attribute stays without any, so a plain
     * import writes nothing more than it did.
     *
     * @throws StandardException {@code invalid} naming the entry and the attribute
     */
    private static NumberAttributes checked(NumberAttributes given, String number, int index) {
        try {
            SearchVocabulary.check(new SearchFilters(null, null, null, null, given.locality(), given.region(), given.postalCode(),
                    given.rateCenter(), given.type(), given.features(), true), null);
        } catch (StandardException e) {
            throw StandardException.of(ErrorCode.INVALID, "numbers[" + index + "]: " + e.error().message(), e.error().cause());
        }
        if (given.type() != null || given.toData().isEmpty() || !number.startsWith("+1") || number.length() != 12) {
            return given;
        }
        return given.withType(NANP_TOLL_FREE.contains(number.substring(2, 5)) ? NumberType.TOLL_FREE : NumberType.LOCAL);
    }

    /** A ported-in number may belong to any carrier the host knows, local or not. */
    private CarrierView requireKnown(String carrierId) {
        return carriers.view(carrierId).orElseThrow(() -> new StandardException(
                new StandardError(ErrorCode.NOT_FOUND, "unknown carrier " + carrierId, null, carrierId)));
    }

    private void requireLocal(String carrierId) {
        CarrierView view = requireKnown(carrierId);
        if (view.facts() == null) {
            throw new StandardException(new StandardError(ErrorCode.CARRIER_UNAVAILABLE,
                    "carrier " + carrierId + " has never loaded, so whether it is local is unknown",
                    view.error() == null ? "enable it once" : view.error().describe(), carrierId));
        }
        if (!view.facts().local()) {
            throw new StandardException(new StandardError(ErrorCode.INVALID, "import is for local carriers",
                    "carrier " + carrierId + " is not local: its numbers come from the carrier itself", carrierId));
        }
    }
}
