package org.carrierhost.host.numbers;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.api.NumberAttributes;
import org.carrierhost.api.NumberState;
import org.carrierhost.api.NumberType;
import org.carrierhost.api.SearchFilters;
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
import org.carrierhost.host.registry.NumberList;
import org.carrierhost.host.registry.NumberRegistry;
import org.carrierhost.host.registry.NumberSet;
import org.carrierhost.host.registry.PresentNumbers;
import org.carrierhost.host.store.NumberDigits;

/**
 * The import of a local carrier's stock: numbers normalised to E.164, added as {@code available} (or
 * {@code port_in}) in one transaction, and reported as a summary (the added counted, the present and invalid listed).
 * The entries are read once, and no object is kept per number, so a million-number import fits a small heap.
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
        Normalised listed = normalise(entries, state);
        PresentNumbers present;
        try {
            present = listed.distinct().isEmpty() ? new PresentNumbers()
                    : registry.addStock(carrierId, listed.distinct().sorted(), state, actor, listed.attributes());
        } catch (RuntimeException e) {
            events.publish(NumberEvent.failed(actor, NumberAction.IMPORT, carrierId, carrierId, NumberDesk.describe(e)));
            throw e;
        }
        ImportReport report = new ImportReport(carrierId, listed.distinct().size() - present.size(),
                presentByState(present, listed.repeated(), state), listed.invalid(), listed.invalidInputs());
        events.publish(NumberEvent.ok(actor, NumberAction.IMPORT, carrierId, carrierId, report.added() + " added, "
                + report.present() + " present, " + report.invalid() + " invalid"));
        return report;
    }

    /**
     * What an import's entries come to: the distinct numbers in E.164 in the order first listed, each later listing of one
     * of them, the attributes given with each (the first listing decides), and the inputs that are not numbers.
     *
     * @param invalid       how many inputs are not numbers
     * @param invalidInputs the first {@link ImportReport#LISTED_INVALID} of them
     */
    private record Normalised(NumberList distinct, NumberList repeated, Map<String, NumberAttributes> attributes, long invalid,
                              List<ImportResult.Invalid> invalidInputs) {
    }

    /** Reads {@code entries} once, keeping no object per number (a million take two {@code long[]}s and a set of them). */
    private static Normalised normalise(List<StockEntry> entries, NumberState state) {
        NumberSet seen = new NumberSet();
        NumberList.Builder distinct = new NumberList.Builder();
        NumberList.Builder repeated = new NumberList.Builder();
        Map<String, NumberAttributes> attributes = new HashMap<>();
        List<ImportResult.Invalid> invalidInputs = new ArrayList<>();
        long invalid = 0;
        for (int i = 0; i < entries.size(); i++) {
            StockEntry entry = entries.get(i);
            try {
                String number = E164.number(entry.input(), null);
                NumberAttributes described = checked(entry.attributes(), number, i);
                long digits = NumberDigits.digits(number);
                if (digits <= 0) {
                    throw StandardException.of(ErrorCode.INVALID, "not an E.164 number", "got '" + entry.input() + "'");
                }
                if (seen.add(digits)) {
                    distinct.add(digits);
                    if (state == NumberState.AVAILABLE && !described.toData().isEmpty()) {
                        attributes.put(number, described);
                    }
                } else {
                    // A number listed twice: the first listing decides, later ones are reported present.
                    repeated.add(digits);
                }
            } catch (StandardException e) {
                invalid++;
                if (invalidInputs.size() < ImportReport.LISTED_INVALID) {
                    invalidInputs.add(new ImportResult.Invalid(i, entry.input(), e.getMessage()));
                }
            }
        }
        return new Normalised(distinct.build(), repeated.build(), attributes, invalid, invalidInputs);
    }

    /**
     * The numbers to report present, by state, each list in ascending order: those the registry held, and each later
     * listing of a number listed twice, in the state the import left it.
     */
    private static Map<NumberState, List<String>> presentByState(PresentNumbers present, NumberList repeated, NumberState added) {
        Map<NumberState, NumberList.Builder> lists = new EnumMap<>(NumberState.class);
        present.byState().forEach((state, numbers) -> {
            NumberList.Builder list = lists.computeIfAbsent(state, s -> new NumberList.Builder());
            for (int i = 0; i < numbers.size(); i++) {
                list.add(numbers.digitsAt(i));
            }
        });
        for (int i = 0; i < repeated.size(); i++) {
            NumberState stored = present.stateOf(repeated.get(i));
            lists.computeIfAbsent(stored == null ? added : stored, s -> new NumberList.Builder()).add(repeated.digitsAt(i));
        }
        Map<NumberState, List<String>> sorted = new EnumMap<>(NumberState.class);
        lists.forEach((state, list) -> sorted.put(state, list.build().sorted()));
        return sorted;
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
