package org.carrierhost.plugins.faulty.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.carrierhost.api.CarrierException;
import org.carrierhost.api.SearchOptions;
import org.carrierhost.api.SearchResult;
import org.carrierhost.plugins.faulty.QuietCarrier;

/**
 * On a search, loads its native library and calls its {@code quit}, which calls the C library's {@code _exit(17)}:
 * the process it runs in ends at once, with no Java code run on the way (no shutdown hook, no {@code finally}). The
 * library, {@value #LIBRARY} beside this class, is compiled from {@code src/main/c/native_exit.c} by the faulty
 * module's build (Linux, with {@code cc}); the bytecode screen reads classes, not native code.
 *
 * <p>Thread-safe: the library is loaded once, under the class's monitor.
 */
public class NativeExitInSearchCarrier extends QuietCarrier {

    /** The native library's resource name, beside this class. */
    public static final String LIBRARY = "NativeExitInSearchCarrier.so";
    /** The status its process ends with. */
    public static final int STATUS = 17;

    private static boolean loaded;

    /** Calls {@code _exit(status)}; never returns. */
    private static native void quit(int status);

    @Override
    public SearchResult findNumbers(String e164Prefix, int quantity, SearchOptions options) throws CarrierException {
        load();
        quit(STATUS);
        return super.findNumbers(e164Prefix, quantity, options);
    }

    /** Copies the library out of the plugin's jar into the working directory, and loads it from there. */
    private static synchronized void load() {
        if (loaded) {
            return;
        }
        try (InputStream in = NativeExitInSearchCarrier.class.getResourceAsStream(LIBRARY)) {
            if (in == null) {
                throw new IllegalStateException(LIBRARY + " is missing: the faulty module's build compiles it on Linux with cc");
            }
            Path file = Files.createTempFile(Path.of("").toAbsolutePath(), "native-exit-", ".so");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            System.load(file.toString());
            loaded = true;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
