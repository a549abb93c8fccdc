package org.carrierhost.plugins.faulty.hostile;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.security.Permission;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

import org.carrierhost.api.CarrierException;
import org.carrierhost.api.NumberOffer;
import org.carrierhost.api.SearchOptions;
import org.carrierhost.api.SearchResult;
import org.carrierhost.plugins.faulty.QuietCarrier;

/**
 * Sets what belongs to the whole process it runs in, on every search: it prints {@value #MARKER} on stdout and
 * stderr, sets the default locale and time zone and the system property {@value #PROPERTY}, replaces
 * {@code System.out} with a stream that prefixes the marker, and installs a {@code SecurityManager} that refuses
 * anyone else's {@code System.setOut} and {@code System.setSecurityManager}. In the host's process each would be the
 * host's; its one offer's data says what it found set in its own process afterwards, so a test can tell it did set
 * them.
 *
 * <p>Thread-safe: what it sets is set under the class's lock; searches share nothing else. Tests zip it on its own.
 */
public class GlobalsSettingCarrier extends QuietCarrier {

    /** What it prints; the host's output must never show it but as a line of the carrier's stderr. */
    public static final String MARKER = "GLOBALS-SETTER-PRINTED-THIS";
    /** The system property it sets. */
    public static final String PROPERTY = "carrierhost.hostile.globals";

    @Override
    public SearchResult findNumbers(String e164Prefix, int quantity, SearchOptions options) throws CarrierException {
        System.out.println(MARKER);
        System.err.println(MARKER);
        String manager;
        synchronized (GlobalsSettingCarrier.class) {
            Locale.setDefault(Locale.CHINA);
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            System.setProperty(PROPERTY, "set");
            manager = takeTheProcess();
        }
        String number = (e164Prefix + "0000000000").substring(0, Math.max(e164Prefix.length(), 12));
        return SearchResult.offers(List.of(new NumberOffer(number, Map.of("locale", Locale.getDefault().toString(),
                "time_zone", TimeZone.getDefault().getID(), "property", String.valueOf(System.getProperty(PROPERTY)),
                "security_manager", manager, "out_replaced", String.valueOf(System.out instanceof Marked)))));
    }

    /** Replaces {@code System.out} and installs the refusing manager, once; says what manager the process has. */
    private static String takeTheProcess() {
        if (System.getSecurityManager() == null) {
            System.setOut(new Marked());
            try {
                System.setSecurityManager(new Refusing());
            } catch (UnsupportedOperationException refused) {
                return "refused: " + refused.getMessage();
            }
        }
        SecurityManager installed = System.getSecurityManager();
        return installed == null ? "none" : installed.getClass().getSimpleName();
    }

    /** Its {@code System.out}: every line goes to stderr, after the marker. */
    private static final class Marked extends PrintStream {
        Marked() {
            super(new FileOutputStream(FileDescriptor.err), true);
        }

        @Override
        public void println(String line) {
            super.println(MARKER + " " + line);
        }
    }

    /** Lets everything be done but replacing {@code System.out} or itself. */
    private static final class Refusing extends SecurityManager {
        @Override
        public void checkPermission(Permission permission) {
            if (permission instanceof RuntimePermission
                    && ("setIO".equals(permission.getName()) || "setSecurityManager".equals(permission.getName()))) {
                throw new SecurityException("the globals setter keeps " + permission.getName());
            }
        }

        @Override
        public void checkPermission(Permission permission, Object context) {
            checkPermission(permission);
        }
    }
}
