package org.carrierhost.host.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code --help} prints: the synopsis, the flags, then every setting of {@link Settings} with its
 * type and bounds, default and documentation. A secret's default is never shown.
 *
 * <p>Thread-safe: stateless.
 */
final class HelpText {

    private HelpText() {
    }

    /** The whole text, {@code flags} being the launcher's shorthand flags and the keys they set. */
    static String render(Map<String, String> flags) {
        return render(flags, List.of(), List.of());
    }

    /**
     * The whole text, then the keys each of {@code carriers} declares (its section {@code carrier.<id>.*}), and a line
     * for each zip in {@code unread} that could not be read.
     */
    static String render(Map<String, String> flags, List<DeclaredSettings> carriers, List<String> unread) {
        List<String> lines = new ArrayList<>(List.of(
                "usage: carrier-host [--config FILE] [--plugins-dir DIR] [--data-dir DIR] [--port N] [--bind ADDR]",
                "                    [--set KEY=VALUE]... | --help | --version",
                "",
                "  --config FILE      settings file (default conf/carrier-host.properties in the distribution)"));
        flags.forEach((flag, key) -> lines.add(String.format("  %-18s %s", flag + " " + argument(flag), "sets " + key)));
        lines.addAll(List.of(
                "  --set KEY=VALUE    any setting below, for example --set search.timeout_ms=2000",
                "  --help             this text",
                "  --version          the host's version",
                "",
                "Settings come from the file, overridden by CARRIER_HOST_* environment variables (CARRIER_HOST_HTTP_PORT",
                "for http.port), then -D system properties, then these flags. In a key, <id> is a carrier's id.",
                "",
                "Settings:"));
        for (Setting<?> setting : Settings.all()) {
            lines.add("  " + setting.key() + "  (" + setting.type().describe() + defaultOf(setting)
                    + secrecy(setting) + ")");
            lines.add("      " + setting.doc());
        }
        if (!carriers.isEmpty() || !unread.isEmpty()) {
            lines.add("");
            lines.add("Carrier settings, as the plugin zips in the plugins directory declare them (* required):");
        }
        for (DeclaredSettings carrier : carriers) {
            if (carrier.declared().isEmpty()) {
                lines.add("  carrier." + carrier.carrierId() + ".*  declares no settings");
            }
            for (org.carrierhost.api.CarrierSetting declared : carrier.declared()) {
                Setting<?> setting = carrier.setting(declared);
                lines.add("  " + setting.key() + (declared.required() ? " *" : "") + "  (" + setting.type().describe()
                        + defaultOf(setting) + secrecy(setting) + ")");
                lines.add("      " + setting.doc());
            }
        }
        unread.forEach(zip -> lines.add("  not read: " + zip));
        return String.join(System.lineSeparator(), lines);
    }

    private static String secrecy(Setting<?> setting) {
        return switch (setting.secrecy()) {
            case PLAIN -> "";
            case SECRET -> "; secret";
            case BY_NAME -> "; secret when its name says so";
        };
    }

    private static String argument(String flag) {
        return flag.equals("--port") ? "N" : flag.equals("--bind") ? "ADDR" : "DIR";
    }

    private static String defaultOf(Setting<?> setting) {
        return setting.defaultText().map(text -> text.isEmpty() ? "; default empty"
                : "; default " + setting.shown(setting.key(), text)).orElse("; unset by default");
    }
}
