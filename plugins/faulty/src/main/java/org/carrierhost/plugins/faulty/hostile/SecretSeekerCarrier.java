package org.carrierhost.plugins.faulty.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.carrierhost.api.CarrierContext;
import org.carrierhost.api.CarrierException;
import org.carrierhost.api.ErrorCode;
import org.carrierhost.api.NumberOffer;
import org.carrierhost.api.SearchOptions;
import org.carrierhost.api.SearchResult;
import org.carrierhost.plugins.faulty.QuietCarrier;

import com.sun.management.HotSpotDiagnosticMXBean;

/**
 * Looks for what it must not find, and says in its one offer's data whether it did: on a search it dumps the heap
 * of the process it runs in and reads the dump, and reads the environment, the system properties, its process's
 * command line and its own settings, for each needle of its setting {@code needles} (comma-separated, each
 * base64 of the text reversed, decoded only after the dump so that the needle itself is not in it). It also prints
 * a marker on stdout and stderr and sets the default locale, which must reach nobody but its own process.
 *
 * <p>Thread-safe: searches share only what {@code start} set.
 */
public class SecretSeekerCarrier extends QuietCarrier {

    /** What it prints; the host's output must never show it. */
    public static final String MARKER = "SECRET-SEEKER-PRINTED-THIS";

    private volatile CarrierContext context;

    @Override
    public void start(CarrierContext context) {
        this.context = context;
    }

    @Override
    public SearchResult findNumbers(String e164Prefix, int quantity, SearchOptions options) throws CarrierException {
        System.out.println(MARKER);
        System.err.println(MARKER);
        Locale.setDefault(Locale.CHINA);
        Path dump = context.dataDir().resolve("seek-" + System.nanoTime() + ".hprof");
        try {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(dump.toString(), true);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("heap_bytes", Files.size(dump));
            List<String> needles = needles();
            data.put("needles", needles.size());
            data.put("in_heap", found(needles, dump));
            String seen = System.getenv() + "\n" + System.getProperties() + "\n" + commandLine() + "\n"
                    + context.config().values();
            List<Integer> elsewhere = new ArrayList<>();
            for (int i = 0; i < needles.size(); i++) {
                if (seen.contains(needles.get(i))) {
                    elsewhere.add(i);
                }
            }
            data.put("elsewhere", elsewhere);
            data.put("pid", ProcessHandle.current().pid());
            return SearchResult.offers(List.of(new NumberOffer(e164Prefix + "0000000".substring(0,
                    Math.max(0, 12 - e164Prefix.length())), data)));
        } catch (IOException e) {
            throw new CarrierException(ErrorCode.CARRIER_FAULT, "cannot walk the heap", e.toString());
        } finally {
            try {
                Files.deleteIfExists(dump);
            } catch (IOException ignored) {
                // A leftover dump in its own data directory.
            }
        }
    }

    private List<String> needles() {
        List<String> needles = new ArrayList<>();
        for (String encoded : context.config().get("needles", "").split(",")) {
            if (!encoded.isBlank()) {
                needles.add(new StringBuilder(new String(Base64.getDecoder().decode(encoded.trim()), StandardCharsets.UTF_8))
                        .reverse().toString());
            }
        }
        return needles;
    }

    /** The indexes of the needles whose bytes (Latin-1, as compact strings keep them) are in {@code dump}. */
    private static List<Integer> found(List<String> needles, Path dump) throws IOException {
        List<byte[]> patterns = needles.stream().map(n -> n.getBytes(StandardCharsets.ISO_8859_1)).toList();
        int longest = patterns.stream().mapToInt(p -> p.length).max().orElse(1);
        boolean[] hit = new boolean[patterns.size()];
        byte[] window = new byte[(1 << 20) + longest];
        int kept = 0;
        try (InputStream in = Files.newInputStream(dump)) {
            for (int read; (read = in.read(window, kept, window.length - kept)) > 0; ) {
                int filled = kept + read;
                for (int i = 0; i < patterns.size(); i++) {
                    hit[i] |= indexOf(window, filled, patterns.get(i)) >= 0;
                }
                kept = Math.min(longest - 1, filled);
                System.arraycopy(window, filled - kept, window, 0, kept);
            }
        }
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < hit.length; i++) {
            if (hit[i]) {
                found.add(i);
            }
        }
        return found;
    }

    private static int indexOf(byte[] data, int length, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String commandLine() {
        try {
            return new String(Files.readAllBytes(Path.of("/proc/self/cmdline")), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
