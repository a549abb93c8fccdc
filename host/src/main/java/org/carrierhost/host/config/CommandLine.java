package org.carrierhost.host.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The launcher's flags, as settings: {@code --port 0} is {@code http.port=0}.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param configFile the file named by {@code --config}, if any
 * @param settings   the other flags, by setting key
 * @param help       whether {@code --help} was given
 * @param version    whether {@code --version} was given
 */
public record CommandLine(Optional<String> configFile, Map<String, String> settings, boolean help, boolean version) {

    private static final Map<String, String> FLAGS = Map.of(
            "--plugins-dir", "plugins.dir",
            "--data-dir", "data.dir",
            "--port", "http.port",
            "--bind", "http.bind");

    /** What {@code --help} prints. */
    public static final String USAGE = String.join(System.lineSeparator(),
            "usage: carrier-host [--config FILE] [--plugins-dir DIR] [--data-dir DIR] [--port N] [--bind ADDR]",
            "                    [--set KEY=VALUE]... | --help | --version",
            "",
            "  --config FILE      settings file (default conf/carrier-host.properties in the distribution)",
            "  --plugins-dir DIR  the drop-in directory of carrier-*.zip plugins",
            "  --data-dir DIR     where the registry, the admin token and plugin working copies live",
            "  --port N           HTTP port; 0 picks a free one",
            "  --bind ADDR        address to listen on (default 127.0.0.1)",
            "  --set KEY=VALUE    any other setting, for example --set search.timeout_ms=2000",
            "  --help             this text",
            "  --version          the host's version",
            "",
            "Settings come from the file, overridden by CARRIER_HOST_* environment variables, then -D system",
            "properties, then these flags.");

    /**
     * Parses {@code args}.
     *
     * @throws InvalidSettingException naming the flag at fault
     */
    public static CommandLine parse(List<String> args) {
        Map<String, String> settings = new LinkedHashMap<>();
        String config = null;
        boolean help = false;
        boolean version = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0 && !arg.startsWith("--set")) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            if (arg.equals("--version")) {
                version = true;
                continue;
            }
            if (!arg.equals("--config") && !arg.equals("--set") && !FLAGS.containsKey(arg)) {
                throw new InvalidSettingException(arg, "unknown flag; see --help");
            }
            if (value == null) {
                if (i + 1 >= args.size()) {
                    throw new InvalidSettingException(arg, "needs a value");
                }
                value = args.get(++i);
            }
            if (arg.equals("--config")) {
                config = value;
            } else if (arg.equals("--set")) {
                int at = value.indexOf('=');
                if (at <= 0) {
                    throw new InvalidSettingException("--set", "expected KEY=VALUE, got '" + value + "'");
                }
                settings.put(value.substring(0, at).strip(), value.substring(at + 1).strip());
            } else {
                settings.put(FLAGS.get(arg), value);
            }
        }
        return new CommandLine(Optional.ofNullable(config), Map.copyOf(settings), help, version);
    }
}
