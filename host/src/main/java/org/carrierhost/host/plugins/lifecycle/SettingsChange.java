package org.carrierhost.host.plugins.lifecycle;

/**
 * A change of one carrier's settings, which {@link LifecycleVerbs#reconfigure} applies under the carrier's lock:
 * {@link #apply} makes the new settings the ones a generation started from now receives, then a new generation
 * starts with them beside the one serving and takes over; when it fails, {@link #undo} puts the old ones back and
 * the old generation keeps serving.
 *
 * <p>Implementations are used by one thread at a time (the one holding the carrier's lock).
 */
public interface SettingsChange {

    /** Makes the new settings current (asked here: stored durably first). */
    void apply();

    /** Puts back what {@link #apply} replaced. */
    void undo();

    /** What changes, for the audit: each key with its old and new value, a secret's never shown. */
    String describe();
}
