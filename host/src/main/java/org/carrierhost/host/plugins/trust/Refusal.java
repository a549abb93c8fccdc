package org.carrierhost.host.plugins.trust;

/**
 * Why a zip's signature was refused, in the words the API shows.
 *
 * <p>Thread-safe: an enum.
 */
public enum Refusal {
    /** No signature where the policy enforces one, or one by a key no signer of the policy holds. */
    NOT_TRUSTED("not trusted"),
    /** A trusted signer's signature over a carrier id outside its {@code carriers} pattern. */
    OUTSIDE_ITS_CARRIERS("outside its carriers"),
    /** The signing key has expired. */
    EXPIRED("expired"),
    /** The key is revoked (a revocation in the keyring, or listed), or the zip's SHA-256 is. */
    REVOKED("revoked"),
    /** The signature does not match the zip, or cannot be read. */
    BAD_SIGNATURE("bad signature"),
    /** A version below the policy's {@code min_version} for the carrier. */
    DOWNGRADE("below its minimum version");

    private final String words;

    Refusal(String words) {
        this.words = words;
    }

    /** The reason as the API shows it, for example {@code "outside its carriers"}. */
    public String words() {
        return words;
    }
}
