package org.carrierhost.host.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One setting as {@link Settings} declares it: its key, type and bounds, default, whether it is a secret,
 * and one line of documentation. A key may be a pattern with {@code <placeholders>}, such as
 * {@code carrier.<id>.breaker.window}: a placeholder stands for one segment, the last one of a key for
 * the rest of it ({@code carrier.<id>.<key>} matches {@code carrier.bandwidth.api.base_url}).
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param key         the key, or a pattern of keys
 * @param type        its values and their bounds
 * @param defaultText the default as it would be written in the settings file; empty for a setting that may be unset
 * @param secrecy     whether its value is ever shown
 * @param doc         one line for {@code --help} and the settings table of docs/operating.md
 * @param <T>         the typed value
 */
public record Setting<T>(String key, SettingType<T> type, Optional<String> defaultText, Secrecy secrecy, String doc) {

    /** What a secret's value is shown as. */
    public static final String MASK = "********";

    /** Each pattern's regular expressions, compiled once: keys are looked up for every masked value shown. */
    private static final Map<String, Pattern> REGEXES = new ConcurrentHashMap<>();

    /** Words that make a {@link Secrecy#BY_NAME} key a secret. */
    private static final Set<String> SECRET_WORDS = Set.of("password", "secret", "token", "key", "credential");

    /** Whether a setting's value may be shown. */
    public enum Secrecy {
        /** Shown as it is. */
        PLAIN,
        /** Never shown. */
        SECRET,
        /** Never shown when the key's free part names a secret: password, secret, token, key or credential. */
        BY_NAME
    }

    public Setting {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultText, "defaultText");
        Objects.requireNonNull(secrecy, "secrecy");
        Objects.requireNonNull(doc, "doc");
    }

    /** Whether the key has placeholders. */
    public boolean isPattern() {
        return key.contains("<");
    }

    /** Whether the key ends in a placeholder that takes any rest, so that other settings' keys fall under it. */
    boolean isOpenEnded() {
        String[] segments = key.split("\\.");
        return isPlaceholder(segments[segments.length - 1]);
    }

    /** Whether {@code concrete} is this setting's key or one of its pattern's. */
    public boolean matches(String concrete) {
        return isPattern() ? regex(false).matcher(concrete).matches() : key.equals(concrete);
    }

    /**
     * Whether {@code concrete} lies where this pattern's keys lie, one segment short of it: {@code
     * carrier.x.breaker.windw} does for {@code carrier.<id>.breaker.window}. Such keys are the host's, never an
     * open-ended pattern's.
     */
    boolean sharesNamespace(String concrete) {
        return isPattern() && !isOpenEnded() && !directlyUnderPlaceholder() && regex(true).matcher(concrete).matches();
    }

    /**
     * Whether its last segment sits right under a placeholder, as {@code carrier.<id>.mandatory} does: its namespace
     * would be all of {@code carrier.<id>.*}, the carrier's own keys, so it claims only its own key.
     */
    private boolean directlyUnderPlaceholder() {
        String[] segments = key.split("\\.");
        return segments.length > 1 && isPlaceholder(segments[segments.length - 2]);
    }

    /** This key with its placeholders filled from the same segments of {@code concrete}; for suggestions. */
    String likeKey(String concrete) {
        String[] segments = key.split("\\.");
        String[] given = concrete.split("\\.");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < segments.length; i++) {
            out.add(isPlaceholder(segments[i]) && i < given.length ? given[i] : segments[i]);
        }
        return String.join(".", out);
    }

    /** The key with its placeholders filled, in order: {@code keyFor("bandwidth")} of {@code carrier.<id>.breaker.window}. */
    public String keyFor(String... values) {
        String[] segments = key.split("\\.");
        int next = 0;
        for (int i = 0; i < segments.length; i++) {
            if (isPlaceholder(segments[i])) {
                if (next >= values.length) {
                    throw new IllegalArgumentException(key + " needs " + (next + 1) + " values");
                }
                segments[i] = values[next++];
            }
        }
        return String.join(".", segments);
    }

    /** Whether the value of {@code concrete}, one of this setting's keys, is a secret. */
    public boolean isSecret(String concrete) {
        return switch (secrecy) {
            case PLAIN -> false;
            case SECRET -> true;
            case BY_NAME -> {
                Matcher m = regex(false).matcher(concrete);
                String free = m.matches() && m.groupCount() > 0 ? m.group(m.groupCount()) : concrete;
                String lower = free.toLowerCase(Locale.ROOT);
                yield SECRET_WORDS.stream().anyMatch(lower::contains);
            }
        };
    }

    /** {@code value}, or the mask when {@code concrete}'s value is a secret. */
    public String shown(String concrete, String value) {
        return isSecret(concrete) ? MASK : value;
    }

    /**
     * The typed value of {@code text} given for {@code concrete}.
     *
     * @throws InvalidSettingException naming the key, the value (masked for a secret), what was expected, and
     *                                 where it may be set
     */
    public T parse(String concrete, String text) {
        String stripped = text.strip();
        try {
            return type.parse(stripped);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(concrete, e.getMessage() + ", got '" + shown(concrete, stripped) + "' (set as "
                    + concrete + " or " + EnvironmentKeys.variableOf(concrete) + ")");
        }
    }

    /**
     * This carrier setting ({@code carrier.<id>.<rest>}) for carrier {@code id}, read from its section {@code section}
     * (whose keys lack the {@code carrier.<id>.} prefix), over its default.
     *
     * @throws InvalidSettingException naming the key whose value is wrong
     */
    public T inSection(String id, org.carrierhost.api.CarrierConfig section) {
        String concrete = keyFor(id);
        return section.get(concrete.substring(("carrier." + id + ".").length()))
                .map(text -> parse(concrete, text))
                .or(this::defaultValue)
                .orElseThrow();
    }

    /** The typed default, when there is one. */
    public Optional<T> defaultValue() {
        return defaultText.map(text -> parse(key, text));
    }

    private Pattern regex(boolean lastAnySegment) {
        return REGEXES.computeIfAbsent(key + (lastAnySegment ? " namespace" : ""), k -> compile(lastAnySegment));
    }

    private Pattern compile(boolean lastAnySegment) {
        String[] segments = key.split("\\.");
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            boolean last = i == segments.length - 1;
            if (i > 0) {
                regex.append("\\.");
            }
            if (last && lastAnySegment) {
                regex.append("[^.]+");
            } else if (isPlaceholder(segments[i])) {
                regex.append(last ? "(.+)" : "([^.]+)");
            } else {
                regex.append(Pattern.quote(segments[i]));
            }
        }
        return Pattern.compile(regex.toString());
    }

    private static boolean isPlaceholder(String segment) {
        return segment.startsWith("<") && segment.endsWith(">");
    }
}
