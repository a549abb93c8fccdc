package org.carrierhost.host.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.apache.commons.text.similarity.LevenshteinDistance;
import org.carrierhost.api.CarrierConfig;
import org.carrierhost.api.CarrierSetting;

/**
 * The settings a carrier declares ({@link org.carrierhost.api.CarrierExtension#settings()}), as host {@link Setting}s
 * of its section {@code carrier.<id>.*}: what the host checks its section against before it starts it, and shows.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param carrierId the carrier
 * @param declared  what it declares, in its order; empty for a carrier that declares nothing
 */
public record DeclaredSettings(String carrierId, List<CarrierSetting> declared) {

    /** Keys of a carrier's section the host reads itself (those with a dot, breaker.* and bulkhead.*, too). */
    private static final java.util.Set<String> HOST_KEYS = java.util.Set.of("mandatory", "disconnect_policy",
            "reconcile_every_ms", "isolation", "plugin", "rollout");

    public DeclaredSettings {
        declared = List.copyOf(declared);
    }

    /** A carrier that declares nothing: nothing is checked, nothing is missing. */
    public static DeclaredSettings none(String carrierId) {
        return new DeclaredSettings(carrierId, List.of());
    }

    /** The declared keys that are required and neither set in {@code section} nor defaulted, in declared order. */
    public List<String> missing(CarrierConfig section) {
        return declared.stream()
                .filter(d -> d.required() && section.get(d.key()).isEmpty() && d.defaultValue().isEmpty())
                .map(CarrierSetting::key).toList();
    }

    /**
     * What is wrong with the values {@code section} sets, one line per key: the full key and the rule it broke,
     * with the value (masked for a secret) and where it may be set. A default a carrier declares wrong is its own
     * fault and named the same way.
     */
    public List<String> problems(CarrierConfig section) {
        List<String> problems = new ArrayList<>();
        for (CarrierSetting d : declared) {
            Optional<String> text = section.get(d.key()).or(d::defaultValue);
            if (text.isPresent()) {
                problem(d, text.get()).ifPresent(problems::add);
            }
        }
        problems.addAll(misspelt(section));
        return problems;
    }

    /**
     * The keys {@code section} sets that the carrier does not declare (nor the host read itself) but that are so
     * close to one it declares that they are taken for a typo of it, each as "K is not a setting of the carrier;
     * did you mean D?". A key far from every declared one is left alone: it may be read by an older carrier.
     */
    public List<String> misspelt(CarrierConfig section) {
        if (declared.isEmpty()) {
            return List.of();
        }
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        List<String> misspelt = new ArrayList<>();
        for (String key : new java.util.TreeSet<>(section.values().keySet())) {
            if (HOST_KEYS.contains(key) || key.contains(".") || declared.stream().anyMatch(d -> d.key().equals(key))) {
                continue;
            }
            declared.stream().map(CarrierSetting::key)
                    .filter(d -> distance.apply(key, d) <= Math.max(2, key.length() / 4))
                    .min(java.util.Comparator.comparingInt(d -> distance.apply(key, d)))
                    .ifPresent(d -> misspelt.add(Settings.CARRIER_KEY.keyFor(carrierId, key) + " is not a setting of "
                            + carrierId + "; did you mean " + Settings.CARRIER_KEY.keyFor(carrierId, d) + "?"));
        }
        return misspelt;
    }

    /**
     * Each declared setting with its value as it may be shown, its source and whether it is valid.
     *
     * @param section  the carrier's section
     * @param sourceOf where a full key ({@code carrier.<id>.<key>}) set above the defaults came from
     */
    public List<Shown> shown(CarrierConfig section, Function<String, Source> sourceOf) {
        List<Shown> shown = new ArrayList<>();
        for (CarrierSetting d : declared) {
            Setting<?> setting = setting(d);
            Optional<String> set = section.get(d.key());
            Optional<String> text = set.or(d::defaultValue);
            Source source = set.isPresent() ? sourceOf.apply(setting.key()) : text.isPresent() ? Source.DEFAULT : Source.UNSET;
            Optional<String> problem = text.isEmpty()
                    ? d.required() ? Optional.of(setting.key() + " is required") : Optional.empty()
                    : problem(d, text.get());
            shown.add(new Shown(d.key(), setting.type().describe(), d.required(), d.secret(),
                    text.map(v -> d.secret() ? Setting.MASK : v).orElse(null),
                    d.defaultValue().map(v -> d.secret() ? Setting.MASK : v).orElse(null),
                    source.wireName(), problem.isEmpty(), problem.orElse(null), d.doc()));
        }
        return shown;
    }

    /** The host setting {@code d} stands for, keyed {@code carrier.<id>.<key>}. */
    Setting<?> setting(CarrierSetting d) {
        SettingType<?> type = switch (d.kind()) {
            case TEXT -> new SettingType.Text(1);
            case URL -> new SettingType.Url();
            case WHOLE -> new SettingType.Whole(d.min(), d.max());
            case MILLIS -> new SettingType.Millis(d.min(), d.max());
            case FLAG -> new SettingType.Flag();
            case CHOICE -> new SettingType.Choice(d.choices());
        };
        return new Setting<>(Settings.CARRIER_KEY.keyFor(carrierId, d.key()), type, d.defaultValue(),
                d.secret() ? Setting.Secrecy.SECRET : Setting.Secrecy.PLAIN, d.doc());
    }

    private Optional<String> problem(CarrierSetting d, String text) {
        Setting<?> setting = setting(d);
        try {
            setting.parse(setting.key(), text);
            return Optional.empty();
        } catch (InvalidSettingException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Where a carrier's setting came from. */
    public enum Source {
        /** Unset, with no default. */
        UNSET,
        /** The carrier's declared default. */
        DEFAULT,
        /** The settings file. */
        CONF_FILE,
        /** A {@code CARRIER_HOST_*} environment variable. */
        ENVIRONMENT,
        /** A JVM system property. */
        SYSTEM_PROPERTY,
        /** {@code --set} on the command line, or the embedding application's settings. */
        COMMAND_LINE,
        /** {@code PUT /api/carriers/{id}/settings}, stored in the database for every host. */
        API;

        /** The name in the API: {@code conf_file}. */
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One declared setting as the API shows it.
     *
     * @param key          the key within the carrier's section
     * @param type         its kind and bounds, as {@code --help} says them
     * @param required     whether the carrier is not configured without it
     * @param secret       whether its value is masked
     * @param value        its value (masked for a secret), or null when unset with no default
     * @param defaultValue its default (masked for a secret), or null
     * @param source       where its value came from, as {@link Source#wireName()} says it
     * @param valid        whether its value is one the setting takes (and, when required, present)
     * @param problem      what is wrong with it, or null
     * @param doc          its one line of documentation
     */
    public record Shown(String key, String type, boolean required, boolean secret, String value, String defaultValue,
                        String source, boolean valid, String problem, String doc) {
    }
}
