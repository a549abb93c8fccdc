package org.carrierhost.host;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * Marks a test class whose load or timing a neighbouring test JVM would disturb: it starts child JVMs, drives the
 * CPU (fuzzing, 10,000 threads, a browser), or measures time against load. The host module's build runs the other
 * classes in two test JVMs at once and these afterwards in one, alone (the {@code runs-alone} tag in
 * {@code host/pom.xml}); a {@code -Dtest=...} run still runs each named class once, in its own group.
 *
 * <p>Thread-safe: an annotation.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(RunsAlone.TAG)
public @interface RunsAlone {

    /** The JUnit tag the build selects on. */
    String TAG = "runs-alone";
}
