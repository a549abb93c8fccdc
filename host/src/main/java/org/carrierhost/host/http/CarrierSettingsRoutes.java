package org.carrierhost.host.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.text.similarity.LevenshteinDistance;
import org.carrierhost.api.CarrierConfig;
import org.carrierhost.api.CarrierSetting;
import org.carrierhost.api.ErrorCode;
import org.carrierhost.host.config.DeclaredSettings;
import org.carrierhost.host.errors.StandardError;
import org.carrierhost.host.errors.StandardException;
import org.carrierhost.host.plugins.CarrierId;
import org.carrierhost.host.plugins.lifecycle.CarrierTable;
import org.carrierhost.host.plugins.lifecycle.InstanceBook;
import org.carrierhost.host.plugins.lifecycle.CarrierView;
import org.carrierhost.host.plugins.lifecycle.LifecycleVerbs;
import org.carrierhost.host.plugins.lifecycle.Origin;
import org.carrierhost.host.store.CarrierSettingsStore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code PUT /api/carriers/{id}/settings}: the carrier's own keys, without their prefix, checked against what it
 * declares (an unknown key is a 400 with "did you mean", a bad value a 400 naming the key and the rule), stored
 * in the database for every host, then applied by a settings change of the lifecycle: a generation started with
 * them takes over with no gap, or the old one keeps serving and the answer says why. A key set to null is no
 * longer stored, so the conf file's value, or the declared default, applies again.
 *
 * <p>Thread-safe: holds only thread-safe parts.
 */
public final class CarrierSettingsRoutes {

    /** The longest value taken for one setting. */
    static final int MAX_VALUE_CHARS = 2000;

    private final CarrierTable carriers;
    private final LifecycleVerbs lifecycle;
    private final CarrierSettingsStore store;
    private final Function<String, CarrierConfig> sections;
    private final CarrierRoutes shown;

    /**
     * @param sections each carrier's section as it now stands, stored settings over the conf file's
     * @param shown    how a carrier is answered with its settings
     */
    public CarrierSettingsRoutes(CarrierTable carriers, LifecycleVerbs lifecycle, CarrierSettingsStore store,
                                 Function<String, CarrierConfig> sections, CarrierRoutes shown) {
        this.carriers = carriers;
        this.lifecycle = lifecycle;
        this.store = store;
        this.sections = sections;
        this.shown = shown;
    }

    /** Adds the route to {@code server}. */
    public void register(ApiServer server) {
        server.route(Route.of("PUT", "/api/carriers/{id}/settings", Role.OPERATOR, request -> {
            String id = request.parameter("id");
            CarrierView view = loaded(id);
            DeclaredSettings declared = view.facts().settings();
            Map<String, Optional<String>> asked = asked(id, declared, request.json(ObjectNode.class));
            SettingsUpdate update = update(id, declared, asked, request.actor());
            return shown.detailed(lifecycle.reconfigure(id, update, request.actor(), Origin.HERE));
        }));
        server.route(Route.of("POST", "/api/carriers/{id}/instances", Role.OPERATOR, request -> {
            String plugin = request.parameter("id");
            CarrierView view = loaded(plugin);
            ObjectNode body = request.json(ObjectNode.class);
            JsonNode idNode = body.path("id");
            String id = idNode.isTextual() ? idNode.asText() : null;
            if (id == null || !CarrierId.valid(id)) {
                throw invalid(plugin, "id must be the new carrier's id", id == null ? "send {\"id\":\"bw-west\",\"settings\":{...}}"
                        : CarrierId.refusal(id));
            }
            JsonNode given = body.path("settings");
            if (!given.isMissingNode() && !given.isNull() && !given.isObject()) {
                throw invalid(plugin, "settings must be an object of the plugin's keys", "got " + given.getNodeType().name()
                        .toLowerCase(java.util.Locale.ROOT));
            }
            Set<String> extra = new java.util.TreeSet<>();
            body.fieldNames().forEachRemaining(extra::add);
            extra.removeAll(Set.of("id", "settings"));
            if (!extra.isEmpty()) {
                throw invalid(plugin, "unknown field " + StandardError.bounded(extra.iterator().next(), 100),
                        "send id and settings");
            }
            DeclaredSettings declared = new DeclaredSettings(id, view.facts().settings().declared());
            ObjectNode settingsGiven = given.isObject() ? (ObjectNode) given : body.objectNode();
            Map<String, Optional<String>> asked = settingsGiven.isEmpty() ? Map.of() : asked(id, declared, settingsGiven);
            return ApiResponse.json(201, shown.detailed(lifecycle.createInstance(plugin, id,
                    creation(plugin, id, declared, asked, request.actor()), request.actor(), Origin.HERE)).body());
        }));
    }

    /** The settings instance {@code id} of {@code plugin} is created with, once they pass every declared rule. */
    private SettingsUpdate creation(String plugin, String id, DeclaredSettings declared, Map<String, Optional<String>> asked,
                                    String actor) {
        Map<String, String> next = new HashMap<>();
        asked.forEach((key, value) -> value.ifPresent(v -> next.put(key, v)));
        Map<String, String> base = new HashMap<>(sections.apply(id).values());
        base.putAll(next);
        valid(id, declared, new CarrierConfig(base));
        next.put(InstanceBook.PLUGIN_KEY, plugin);
        Set<String> secrets = secrets(declared);
        List<String> keys = next.keySet().stream().filter(k -> !k.equals(InstanceBook.PLUGIN_KEY)).sorted().toList();
        return new SettingsUpdate(store, id, Map.copyOf(next), Map.of(), secrets, actor,
                "of " + plugin + (keys.isEmpty() ? "" : ", settings: " + String.join(", ", keys)));
    }

    /** Carrier {@code id}, which has loaded, so its declared settings are known; else 404 or 400. */
    private CarrierView loaded(String id) {
        CarrierView view = carriers.view(id).orElseThrow(() ->
                new StandardException(new StandardError(ErrorCode.NOT_FOUND, "unknown carrier " + id, null, id)));
        if (view.facts() == null) {
            throw invalid(id, "carrier " + id + " has not loaded, so its settings are not known", "fix or reload it first");
        }
        return view;
    }

    /** The keys asked, each with its new value (empty: stored no more), checked against the declaration. */
    private static Map<String, Optional<String>> asked(String id, DeclaredSettings declared, ObjectNode body) {
        if (body.isEmpty()) {
            throw invalid(id, "no settings given", "send an object of the carrier's keys, for example {\"timeout_ms\":\"5000\"}");
        }
        Set<String> keys = declared.declared().stream().map(CarrierSetting::key).collect(Collectors.toSet());
        Map<String, Optional<String>> asked = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            String key = field.getKey();
            if (!keys.contains(key)) {
                throw invalid(id, "unknown setting " + StandardError.bounded(key, 100) + " of carrier " + id,
                        closest(key, keys).map(k -> "did you mean " + k + "?")
                                .orElse(keys.isEmpty() ? id + " declares no settings" : "known: " + String.join(", ", keys.stream().sorted().toList())));
            }
            JsonNode value = field.getValue();
            if (value.isNull()) {
                asked.put(key, Optional.empty());
            } else if (value.isTextual() || value.isNumber() || value.isBoolean()) {
                String text = value.asText();
                if (text.length() > MAX_VALUE_CHARS) {
                    throw invalid(id, key + " is too long", text.length() + " characters, over " + MAX_VALUE_CHARS);
                }
                asked.put(key, Optional.of(text));
            } else {
                throw invalid(id, key + " must be text, a number, true or false, or null", "got " + value.getNodeType()
                        .name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return asked;
    }

    /** The update {@code asked} makes, once the carrier's section with it passes every declared rule. */
    private SettingsUpdate update(String id, DeclaredSettings declared, Map<String, Optional<String>> asked, String actor) {
        Map<String, String> before = store.stored(id);
        Map<String, String> next = new HashMap<>(before);
        asked.forEach((key, value) -> value.ifPresentOrElse(v -> next.put(key, v), () -> next.remove(key)));
        CarrierConfig now = sections.apply(id);
        Map<String, String> base = new HashMap<>(now.values());
        before.keySet().forEach(base::remove);
        base.putAll(next);
        CarrierConfig candidate = valid(id, declared, new CarrierConfig(base));
        Set<String> secrets = secrets(declared);
        List<String> changes = new ArrayList<>();
        for (String key : asked.keySet().stream().sorted(Comparator.naturalOrder()).toList()) {
            Optional<String> was = now.get(key);
            Optional<String> will = candidate.get(key);
            if (secrets.contains(key)) {
                changes.add(key + " " + (Objects.equals(was, will) ? "unchanged" : "changed") + " (secret)");
            } else {
                changes.add(key + " " + was.orElse("(unset)") + " -> " + will.orElse("(default)"));
            }
        }
        return new SettingsUpdate(store, id, Map.copyOf(next), before, secrets, actor, "settings: " + String.join(", ", changes));
    }

    /** {@code candidate}, once it passes every rule {@code declared} makes; else a 400 naming each key and rule. */
    private static CarrierConfig valid(String id, DeclaredSettings declared, CarrierConfig candidate) {
        List<String> problems = declared.problems(candidate);
        if (!problems.isEmpty()) {
            throw invalid(id, "invalid setting: " + problems.get(0), problems.size() == 1 ? null
                    : String.join("; ", problems.subList(1, problems.size())));
        }
        return candidate;
    }

    private static Set<String> secrets(DeclaredSettings declared) {
        return declared.declared().stream().filter(CarrierSetting::secret).map(CarrierSetting::key).collect(Collectors.toSet());
    }

    private static Optional<String> closest(String key, Set<String> keys) {
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        return keys.stream().min(Comparator.comparingInt(k -> distance.apply(key, k)))
                .filter(k -> distance.apply(key, k) <= Math.max(2, key.length() / 3));
    }

    private static StandardException invalid(String id, String message, String cause) {
        return new StandardException(new StandardError(ErrorCode.INVALID, message, cause, id));
    }

}
