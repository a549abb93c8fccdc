package org.carrierhost.host.plugins.load;

import org.carrierhost.host.plugins.CarrierId;
/**
 * The rule for entry names in a plugin zip and in every jar nested in it: a relative path of at most 1024
 * characters, '/'-separated, with no NUL or other control character, no backslash, no drive letter, no
 * leading '/' and no {@code ..} segment.
 *
 * <p>Thread-safe: stateless.
 */
final class ZipNames {

    private static final int MAX_LENGTH = 1024;

    private ZipNames() {
    }

    /**
     * @param where names the zip or jar the entry is in, for the message
     * @throws PluginLoadException saying which rule {@code name} breaks
     */
    static void check(String name, String where) throws PluginLoadException {
        String problem = problem(name);
        if (problem != null) {
            throw new PluginLoadException("invalid entry name in " + where, problem + ": " + CarrierId.quoted(name));
        }
    }

    private static String problem(String name) {
        if (name.isEmpty()) {
            return "empty name";
        }
        if (name.length() > MAX_LENGTH) {
            return "longer than " + MAX_LENGTH + " characters";
        }
        if (name.indexOf('\0') >= 0) {
            return "NUL character in the name";
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            return "control character in the name";
        }
        if (name.indexOf('\\') >= 0 || name.indexOf(':') >= 0) {
            return "backslash or colon in the name";
        }
        if (name.startsWith("/")) {
            return "absolute path";
        }
        for (String segment : name.split("/")) {
            if (segment.equals("..")) {
                return "'..' segment (zip slip)";
            }
        }
        return null;
    }
}
