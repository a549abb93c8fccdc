package org.carrierhost.host.plugins.rollout;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Which accounts a canary takes at a weight: each account falls in one of 100 buckets by a hash of its id, and the
 * canary takes the buckets under its weight. So one account reaches one version for the whole of a step, and, as the
 * weight only rises, an account once on the canary stays on it. A call for no account reaches the stable version:
 * nothing would keep it on one version, and traffic nobody owns stays on the version known to work.
 *
 * <p>Thread-safe: stateless.
 */
public final class StickyShare {

    private StickyShare() {
    }

    /** The bucket of {@code account}, from 0 to 99; the same on every host and across restarts. */
    public static int bucketOf(String account) {
        CRC32 crc = new CRC32();
        crc.update(account.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % 100);
    }

    /** Whether a canary at {@code weight} percent takes the calls of {@code account} (null: none). */
    public static boolean toCanary(String account, int weight) {
        return account != null && !account.isEmpty() && bucketOf(account) < weight;
    }
}
