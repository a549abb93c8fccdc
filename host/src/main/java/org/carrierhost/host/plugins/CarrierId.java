package org.carrierhost.host.plugins;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The one rule for carrier ids, applied to drop-ins, uploads and API paths alike: {@value #RULE}. An id
 * names database rows, files and folders, so it is short, lower case and free of separators.
 *
 * <p>Thread-safe: stateless.
 */
public final class CarrierId {

    /** The rule every carrier id matches. */
    public static final String RULE = "[a-z0-9][a-z0-9_-]{0,62}";

    private static final Pattern PATTERN = Pattern.compile(RULE);

    private CarrierId() {
    }

    /** Whether {@code id} follows the rule. */
    public static boolean valid(String id) {
        return id != null && PATTERN.matcher(id).matches();
    }

    /** Why {@code id} is refused, in words for an operator; the id is shown shortened. */
    public static String refusal(String id) {
        return "carrier id " + quoted(id) + " breaks the rule " + RULE;
    }

    /**
     * The folder {@code dir/id}, checked after resolving: it must be a direct child of {@code dir}.
     *
     * @throws IllegalArgumentException when the id breaks the rule or the path leaves {@code dir}
     */
    public static Path inside(Path dir, String id) {
        if (!valid(id)) {
            throw new IllegalArgumentException(refusal(id));
        }
        Path root = dir.toAbsolutePath().normalize();
        Path resolved = root.resolve(id).normalize();
        if (!root.equals(resolved.getParent())) {
            throw new IllegalArgumentException(resolved + " is not inside " + root);
        }
        return resolved;
    }

    /** {@code text} in quotes, cut to 80 characters and with control characters escaped, for messages. */
    public static String quoted(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("'");
        text.codePoints().limit(80).forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        if (text.codePointCount(0, text.length()) > 80) {
            out.append("...");
        }
        return out.append("' (").append(text.length()).append(" characters)").toString();
    }
}
