package org.carrierhost.host.config;

import java.util.Collections;
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

    /** The shorthand flags, in the order {@code --help} lists them, and the keys they set. */
    private static final Map<String, String> FLAGS = flags();

    /** What {@code --help} prints, made from {@link Settings}. */
    public static final String USAGE = HelpText.render(FLAGS);

    /**
     * What {@code --help} prints when the plugins directory is known: {@link #USAGE}, then the keys each carrier's
     * zip declares, and each zip that could not be read with why.
     */
    public static String usage(List<DeclaredSettings> carriers, List<String> unread) {
        return HelpText.render(FLAGS, carriers, unread);
    }

    /** The plugins directory {@code --plugins-dir} (or {@code --set plugins.dir=}) named, if any. */
    public Optional<String> pluginsDir() {
        return Optional.ofNullable(settings.get(Settings.PLUGINS_DIR.key()));
    }

    private static Map<String, String> flags() {
        Map<String, String> flags = new LinkedHashMap<>();
        flags.put("--plugins-dir", Settings.PLUGINS_DIR.key());
        flags.put("--data-dir", Settings.DATA_DIR.key());
        flags.put("--port", Settings.HTTP_PORT.key());
        flags.put("--bind", Settings.HTTP_BIND.key());
        return Collections.unmodifiableMap(flags);
    }

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
