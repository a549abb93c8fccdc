package org.carrierhost.host.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What values a setting takes, and how its text becomes a typed value. Each kind carries its bounds:
 * the least and most of a number, the allowed values of a choice, the shortest length of a text.
 *
 * <p>Thread-safe: every kind is an immutable value.
 *
 * @param <T> the typed value
 */
public sealed interface SettingType<T> permits SettingType.Whole, SettingType.Int, SettingType.Millis, SettingType.Text,
        SettingType.Flag, SettingType.Choice, SettingType.Items, SettingType.FilePath, SettingType.RoleToken,
        SettingType.Url {

    /**
     * The typed value of {@code text}, already stripped of surrounding blanks.
     *
     * @throws IllegalArgumentException saying what was expected, without the value (the caller adds it, or a mask)
     */
    T parse(String text);

    /** The kind and its bounds, for {@code --help}: {@code whole number from 1 to 1000}. */
    String describe();

    /** A whole number from {@code min} to {@code max}, as a {@code long} (sizes in bytes, counts). */
    record Whole(long min, long max) implements SettingType<Long> {
        @Override
        public Long parse(String text) {
            return number(text, min, max, "a whole number");
        }

        @Override
        public String describe() {
            return "whole number " + range(min, max, Long.MAX_VALUE);
        }
    }

    /** A whole number from {@code min} to {@code max}, as an {@code int} (ports, thread counts). */
    record Int(int min, int max) implements SettingType<Integer> {
        @Override
        public Integer parse(String text) {
            return (int) number(text, min, max, "a whole number");
        }

        @Override
        public String describe() {
            return "whole number " + range(min, max, Integer.MAX_VALUE);
        }
    }

    /** A duration in whole milliseconds from {@code min} to {@code max}. */
    record Millis(long min, long max) implements SettingType<Duration> {
        @Override
        public Duration parse(String text) {
            return Duration.ofMillis(number(text, min, max, "a whole number of milliseconds"));
        }

        @Override
        public String describe() {
            return "milliseconds " + range(min, max, Long.MAX_VALUE);
        }
    }

    /** Text of at least {@code minLength} characters; 0 allows it empty. */
    record Text(int minLength) implements SettingType<String> {
        @Override
        public String parse(String text) {
            if (text.length() < minLength) {
                throw new IllegalArgumentException(minLength == 1 ? "must not be empty"
                        : "must have at least " + minLength + " characters");
            }
            return text;
        }

        @Override
        public String describe() {
            return minLength == 0 ? "text" : minLength == 1 ? "text, not empty" : "text of " + minLength + "+ characters";
        }
    }

    /** {@code true} or {@code false}, in any case. */
    record Flag() implements SettingType<Boolean> {
        @Override
        public Boolean parse(String text) {
            String lower = text.toLowerCase(Locale.ROOT);
            if (!lower.equals("true") && !lower.equals("false")) {
                throw new IllegalArgumentException("must be true or false");
            }
            return lower.equals("true");
        }

        @Override
        public String describe() {
            return "true or false";
        }
    }

    /** One of {@code allowed}, in any case; the value is the allowed spelling. */
    record Choice(List<String> allowed) implements SettingType<String> {
        public Choice {
            allowed = List.copyOf(allowed);
        }

        /** A choice of {@code allowed}. */
        public static Choice of(String... allowed) {
            return new Choice(Arrays.asList(allowed));
        }

        @Override
        public String parse(String text) {
            return allowed.stream().filter(text::equalsIgnoreCase).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("must be one of " + String.join(", ", allowed)));
        }

        @Override
        public String describe() {
            return "one of " + String.join(", ", allowed);
        }
    }

    /** A comma-separated list; blanks around items and empty items are dropped. */
    record Items() implements SettingType<List<String>> {
        @Override
        public List<String> parse(String text) {
            return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }

        @Override
        public String describe() {
            return "comma-separated list";
        }
    }

    /** A file or directory; relative to the distribution's home when it comes from the settings file. */
    record FilePath() implements SettingType<Path> {
        @Override
        public Path parse(String text) {
            if (text.isEmpty()) {
                throw new IllegalArgumentException("must not be empty");
            }
            try {
                return Path.of(text);
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("must be a path: " + e.getReason());
            }
        }

        @Override
        public String describe() {
            return "path";
        }
    }

    /** {@code <role>:<secret>} with role one of {@code roles} and a secret of at least {@code minSecret} characters. */
    record RoleToken(List<String> roles, int minSecret) implements SettingType<String> {
        public RoleToken {
            roles = List.copyOf(roles);
        }

        @Override
        public String parse(String text) {
            int colon = text.indexOf(':');
            if (colon < 0 || !roles.contains(text.substring(0, colon)) || text.length() - colon - 1 < minSecret) {
                throw new IllegalArgumentException("expected <role>:<secret> with role " + String.join(" or ", roles)
                        + " and a secret of at least " + minSecret + " characters");
            }
            return text;
        }

        @Override
        public String describe() {
            return "<" + String.join("|", roles) + ">:<secret of " + minSecret + "+ characters>";
        }
    }

    /** An http or https URL with a host, and no query or user info. */
    record Url() implements SettingType<java.net.URI> {
        @Override
        public java.net.URI parse(String text) {
            try {
                java.net.URI uri = new java.net.URI(text);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getQuery() == null
                        && uri.getUserInfo() == null) {
                    return uri;
                }
            } catch (java.net.URISyntaxException e) {
                // Answered below: the parser's text would repeat the value.
            }
            throw new IllegalArgumentException("must be an http(s) URL with a host, and no query or user info");
        }

        @Override
        public String describe() {
            return "http(s) URL";
        }
    }

    /** "from 1 to 10", or "1 or more" when {@code max} is the type's largest. */
    private static String range(long min, long max, long largest) {
        return max == largest ? min + " or more" : "from " + min + " to " + max;
    }

    private static long number(String text, long min, long max, String what) {
        String bounds = range(min, max, max == Integer.MAX_VALUE ? Integer.MAX_VALUE : Long.MAX_VALUE);
        long n;
        try {
            n = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be " + what + " " + bounds);
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException("must be " + bounds);
        }
        return n;
    }
}
