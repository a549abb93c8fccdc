package org.carrierhost.plugins.faulty.hostile;

import java.lang.reflect.Field;

import org.carrierhost.api.CarrierException;
import org.carrierhost.api.SearchOptions;
import org.carrierhost.api.SearchResult;
import org.carrierhost.plugins.faulty.QuietCarrier;

/**
 * On a search, takes {@code sun.misc.Unsafe} by reflection on its {@code theUnsafe} field (the module
 * {@code jdk.unsupported} opens it to every class path and plugin class) and writes to address 0:
 * {@code putAddress(0, 0)}, a segmentation fault of its own JVM, which the JVM cannot turn into an exception. It
 * reports a fatal error and aborts: its process ends by {@code SIGABRT}. The bytecode screen looks for the
 * ways to end a process by name ({@code exit}, {@code halt}), not for memory writes.
 *
 * <p>Thread-safe: stateless. Tests zip it on its own.
 */
public class UnsafeWriteInSearchCarrier extends QuietCarrier {

    @Override
    public SearchResult findNumbers(String e164Prefix, int quantity, SearchOptions options) throws CarrierException {
        try {
            Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
            Field field = unsafeClass.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            Object unsafe = field.get(null);
            unsafeClass.getMethod("putAddress", long.class, long.class).invoke(unsafe, 0L, 0L);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return super.findNumbers(e164Prefix, quantity, options);
    }
}
