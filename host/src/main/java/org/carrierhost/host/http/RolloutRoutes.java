package org.carrierhost.host.http;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.host.errors.StandardException;
import org.carrierhost.host.plugins.lifecycle.Rollouts;

/**
 * {@code POST /api/carriers/{id}/rollout} {@code {"action":"pause"|"resume"|"promote"|"abort"}}: an operator's hand on
 * a carrier's running canary rollout; answers the rollout ({@code 400} for another action, {@code 404} for an unknown
 * carrier, {@code 409} when no rollout runs or it cannot do that now).
 *
 * <p>Thread-safe: holds only thread-safe parts.
 */
public final class RolloutRoutes {

    private static final String ACTIONS = Arrays.stream(Rollouts.Action.values())
            .map(a -> a.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));

    private final Rollouts rollouts;

    public RolloutRoutes(Rollouts rollouts) {
        this.rollouts = rollouts;
    }

    /**
     * The body of the route.
     *
     * @param action {@code pause}, {@code resume}, {@code promote} or {@code abort}
     */
    record Body(String action) {
    }

    /** Adds the route to {@code server}. */
    public void register(ApiServer server) {
        server.route(Route.of("POST", "/api/carriers/{id}/rollout", Role.OPERATOR, request -> {
            String action = request.json(Body.class).action();
            Rollouts.Action asked = Rollouts.action(action).orElseThrow(() -> StandardException.of(ErrorCode.INVALID,
                    "invalid rollout action" + (action == null ? "" : " '" + action + "'"), "action must be one of " + ACTIONS));
            return ApiResponse.ok(RolloutAnswer.of(rollouts.act(request.parameter("id"), asked, request.actor())));
        }));
    }
}
