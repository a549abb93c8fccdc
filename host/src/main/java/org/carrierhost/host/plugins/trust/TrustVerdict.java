package org.carrierhost.host.plugins.trust;

import java.time.Instant;

/**
 * What the trust policy says of one zip: trusted, unsigned, or refused with its reason. Under mode
 * {@code warn} a refused zip still loads, and its verdict says why it would not have.
 *
 * <p>Thread-safe: immutable values.
 */
public sealed interface TrustVerdict {

    /** {@code trusted}, {@code unsigned} or {@code refused}, as the API shows it. */
    String status();

    /** Whether the zip may load under the policy's mode. */
    boolean admitted();

    /**
     * Signed by a signer of the policy, with a good signature, by a key neither expired nor revoked.
     *
     * @param signer      the signer's name in the policy
     * @param fingerprint the key's full fingerprint
     * @param created     when the signature says it was made
     * @param carriers    the pattern of carrier ids the signer may sign
     */
    record Trusted(String signer, String fingerprint, Instant created, String carriers) implements TrustVerdict {
        @Override
        public String status() {
            return "trusted";
        }

        @Override
        public boolean admitted() {
            return true;
        }
    }

    /**
     * No signature, under a mode that admits that (or mode off).
     */
    record Unsigned() implements TrustVerdict {
        @Override
        public String status() {
            return "unsigned";
        }

        @Override
        public boolean admitted() {
            return true;
        }
    }

    /**
     * Refused.
     *
     * @param reason      what failed
     * @param detail      the particulars, for the operator
     * @param signer      the signer's name when the key is one of the policy's, else null
     * @param fingerprint the signing key's full fingerprint when known, else null
     * @param created     when the signature says it was made, when it could be read, else null
     * @param admitted    whether it loads all the same (mode {@code warn})
     */
    record Refused(Refusal reason, String detail, String signer, String fingerprint, Instant created, boolean admitted)
            implements TrustVerdict {
        @Override
        public String status() {
            return "refused";
        }

        /** The reason and its particulars in one line. */
        public String message() {
            return "signature refused: " + reason.words() + (detail == null ? "" : " (" + detail + ")");
        }
    }
}
