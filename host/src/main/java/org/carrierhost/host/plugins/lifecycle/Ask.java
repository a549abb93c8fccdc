package org.carrierhost.host.plugins.lifecycle;

import java.time.Duration;

import org.carrierhost.host.events.CarrierAction;

/**
 * Who asked for a change to a carrier, with which verb, and since when: what every transition the change
 * makes is attributed to and timed from.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param actor  who asked: {@code startup}, {@code watcher}, {@code api:<token>}, {@code cluster:<node>}
 * @param origin whether it was asked of this host or made on another
 * @param verb   what was asked
 * @param start  {@link System#nanoTime()} when it was asked, before waiting for any lock
 */
record Ask(String actor, Origin origin, CarrierAction verb, long start) {

    /** {@code actor} asks {@code verb} now, from {@code origin}. */
    static Ask of(String actor, Origin origin, CarrierAction verb) {
        return new Ask(actor, origin, verb, System.nanoTime());
    }

    /** The same request, seen as {@code other} (a redeploy seen by the watcher is a reload), timed from the same start. */
    Ask as(CarrierAction other) {
        return new Ask(actor, origin, other, start);
    }

    /** Whether it was asked of this host, so the other hosts are told. */
    boolean here() {
        return origin == Origin.HERE;
    }

    /** How long since it was asked. */
    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
