package org.carrierhost.host.http;

import java.util.Map;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.host.errors.StandardException;
import org.carrierhost.host.reconcile.Reconciler;

/**
 * {@code /api/carriers/{id}/reconcile}: run a reconciliation, list the kept ones, repair one row.
 *
 * <p>Thread-safe: the reconciler is.
 */
public final class ReconcileRoutes {

    private final Reconciler reconciler;

    public ReconcileRoutes(Reconciler reconciler) {
        this.reconciler = reconciler;
    }

    /** Adds the routes to {@code server}. */
    public void register(ApiServer server) {
        server.route(Route.of("POST", "/api/carriers/{id}/reconcile", Role.OPERATOR,
                request -> ApiResponse.ok(ReconcileAnswer.of(reconciler.run(request.parameter("id"), request.actor())))));
        server.route(Route.of("GET", "/api/carriers/{id}/reconcile", Role.VIEWER, request -> ApiResponse.ok(Map.of("reports",
                reconciler.list(request.parameter("id")).stream().map(ReconcileAnswer::of).toList()))));
        server.route(Route.of("POST", "/api/carriers/{id}/reconcile/{report}/rows/{number}", Role.OPERATOR, request -> {
            RepairBody body = request.json(RepairBody.class);
            long report;
            try {
                report = Long.parseLong(request.parameter("report"));
            } catch (NumberFormatException e) {
                throw StandardException.of(ErrorCode.INVALID, "report must be a report id", "got '" + request.parameter("report") + "'");
            }
            String number = org.carrierhost.host.manager.E164.number(request.parameter("number"), null);
            return ApiResponse.ok(ReconcileAnswer.Row.of(reconciler.repair(request.parameter("id"), report, number, body.repair(),
                    body.accountId(), request.actor())));
        }));
    }
}
