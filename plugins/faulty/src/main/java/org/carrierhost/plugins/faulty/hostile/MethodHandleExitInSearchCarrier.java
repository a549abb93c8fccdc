package org.carrierhost.plugins.faulty.hostile;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

import org.carrierhost.api.CarrierException;
import org.carrierhost.api.SearchOptions;
import org.carrierhost.api.SearchResult;
import org.carrierhost.plugins.faulty.QuietCarrier;

/**
 * Calls {@code Runtime.exit(7)} from a search through a method handle found by a name built at run time, which no
 * bytecode screen sees: the process it runs in ends with status 7.
 *
 * <p>Thread-safe: stateless. Tests zip it on its own.
 */
public class MethodHandleExitInSearchCarrier extends QuietCarrier {

    @Override
    public SearchResult findNumbers(String e164Prefix, int quantity, SearchOptions options) throws CarrierException {
        try {
            String name = new StringBuilder("tixe").reverse().toString();
            MethodHandle handle = MethodHandles.publicLookup().findVirtual(Runtime.class, name,
                    MethodType.methodType(void.class, int.class));
            handle.invoke(Runtime.getRuntime(), 7);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        return super.findNumbers(e164Prefix, quantity, options);
    }
}
