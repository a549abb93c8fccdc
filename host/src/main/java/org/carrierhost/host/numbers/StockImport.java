package org.carrierhost.host.numbers;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.api.NumberState;
import org.carrierhost.host.errors.StandardError;
import org.carrierhost.host.errors.StandardException;
import org.carrierhost.host.events.HostEvents;
import org.carrierhost.host.events.NumberAction;
import org.carrierhost.host.events.NumberEvent;
import org.carrierhost.host.manager.E164;
import org.carrierhost.host.manager.ImportReport;
import org.carrierhost.host.manager.ImportResult;
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
    ImportReport importNumbers(String carrierId, List<String> rawNumbers, NumberState state, String actor) {
        if (state == NumberState.AVAILABLE) {
            requireLocal(carrierId);
        } else if (state == NumberState.PORT_IN) {
            requireKnown(carrierId);
        } else {
            throw StandardException.of(ErrorCode.INVALID, "state must be available or port_in", "got " + state.wireName());
        }
        if (rawNumbers.isEmpty()) {
            throw StandardException.of(ErrorCode.INVALID, "numbers must not be empty", "list the numbers to import");
        }
        if (rawNumbers.size() > maxImport) {
            throw StandardException.of(ErrorCode.TOO_LARGE, "too many numbers in one import",
                    rawNumbers.size() + " listed, over import.max_numbers of " + maxImport);
        }
        List<ImportResult> parsed = new ArrayList<>(rawNumbers.size());
        Set<String> distinct = new LinkedHashSet<>();
        for (String raw : rawNumbers) {
            try {
                String number = E164.number(raw, null);
                // A number listed twice: the first occurrence decides, later ones are reported present.
                parsed.add(distinct.add(number) ? new ImportResult.Added(raw, number)
                        : new ImportResult.Present(raw, number, NumberState.AVAILABLE));
            } catch (StandardException e) {
                parsed.add(new ImportResult.Invalid(raw, e.getMessage()));
            }
        }
        Map<String, NumberState> present;
        try {
            present = distinct.isEmpty() ? Map.of() : registry.addInState(carrierId, distinct, state, actor);
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
