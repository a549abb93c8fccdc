package org.carrierhost.host.http;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.carrierhost.api.CarrierConfig;
import org.carrierhost.api.ErrorCode;
import org.carrierhost.host.config.DeclaredSettings;
import org.carrierhost.host.config.HostConfiguration;
import org.carrierhost.host.errors.StandardError;
import org.carrierhost.host.errors.StandardException;
import org.carrierhost.host.events.RecentCalls;
import org.carrierhost.host.plugins.lifecycle.CarrierTable;
import org.carrierhost.host.plugins.lifecycle.CarrierView;
import org.carrierhost.host.plugins.lifecycle.SelfTestRun;
import org.carrierhost.host.plugins.rollout.RolloutView;

/**
 * {@code /api/carriers}: each carrier's state, version, error and figures, the last 15 minutes' included.
 *
 * <p>Thread-safe: reads thread-safe parts only.
 */
public final class CarrierRoutes {

    private final CarrierTable carriers;
    private final Function<String, CarrierConfig> configs;
    private final RecentCalls recent;
    private final Function<String, DeclaredSettings.Source> sources;
    private final Function<String, Optional<SelfTestRun>> selfTests;
    private final Function<String, Optional<RolloutView>> rollouts;

    /**
     * @param configs each carrier's configuration section, shown with secrets masked
     * @param recent  each carrier's calls over the last minutes
     * @param sources where each {@code carrier.<id>.<key>} came from
     * @param selfTests each carrier's last self-test
     * @param rollouts  each carrier's canary rollout, running or the last
     */
    public CarrierRoutes(CarrierTable carriers, Function<String, CarrierConfig> configs, RecentCalls recent,
                         Function<String, DeclaredSettings.Source> sources, Function<String, Optional<SelfTestRun>> selfTests,
                         Function<String, Optional<RolloutView>> rollouts) {
        this.selfTests = selfTests;
        this.rollouts = rollouts;
        this.carriers = carriers;
        this.configs = configs;
        this.recent = recent;
        this.sources = sources;
    }

    /** Adds the routes to {@code server}. */
    public void register(ApiServer server) {
        server.route(Route.of("GET", "/api/carriers", Role.VIEWER,
                request -> ApiResponse.ok(carriers.views().stream()
                        .map(v -> CarrierAnswer.of(v, recent.figures(v.id())).withRollout(rollouts.apply(v.id()))).toList())));
        server.route(Route.of("GET", "/api/carriers/{id}", Role.VIEWER, request -> {
            String id = request.parameter("id");
            return detailed(carriers.view(id).orElseThrow(() ->
                    new StandardException(new StandardError(ErrorCode.NOT_FOUND, "unknown carrier " + id, null, id))));
        }));
    }

    /** Carrier {@code view} with its section (secrets masked) and each declared setting, as one carrier is answered. */
    ApiResponse detailed(CarrierView view) {
        String id = view.id();
        CarrierConfig section = configs.apply(id);
        List<DeclaredSettings.Shown> declared = view.facts() == null ? List.of()
                : view.facts().settings().shown(section, sources);
        return ApiResponse.ok(CarrierAnswer.of(view, recent.figures(id))
                .withConfig(HostConfiguration.masked(id, section), declared,
                        view.facts() == null ? null : view.facts().capabilities())
                .withSelfTest(selfTests.apply(id)).withRollout(rollouts.apply(id)));
    }
}
