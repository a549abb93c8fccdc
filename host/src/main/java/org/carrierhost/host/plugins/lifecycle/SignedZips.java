package org.carrierhost.host.plugins.lifecycle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.carrierhost.host.config.TrustSettings;
import org.carrierhost.host.plugins.trust.TrustVerdict;
import org.carrierhost.host.plugins.trust.ZipVerifier;

/**
 * This host's trust policy as the lifecycle applies it to zips: the verdicts, the signature files beside
 * zips ({@code x.zip.asc}), and what was last judged of each zip, so a signature that comes, goes or changes
 * has its zip judged again and a drop-in refused unchanged is told once. It writes no carrier state: the
 * {@link CarrierLifecycle} shows what it answers.
 *
 * <p>Thread-safe: its memories are concurrent maps and the verifier is immutable (and volatile, replaced whole); two judgements of one
 * zip at once leave the later one remembered, which the next scan corrects.
 */
final class SignedZips {

    /** What the policy says of a drop-in before it is opened. */
    record Unopened(Outcome outcome, TrustVerdict.Refused refusal) {

        enum Outcome { ADMITTED, REFUSED_AGAIN, REFUSED }

        static final Unopened ADMITTED = new Unopened(Outcome.ADMITTED, null);
        static final Unopened REFUSED_AGAIN = new Unopened(Outcome.REFUSED_AGAIN, null);
    }

    /** This host's policy: replaced when it is read again ({@link RevocationWatch}). */
    private volatile ZipVerifier verifier;
    /** Each zip's signature file as it was when the zip was last judged: its SHA-256, or "" when absent. */
    private final ConcurrentMap<Path, String> judgedSignatures = new ConcurrentHashMap<>();
    /** Drop-ins refused by their signature before they were opened: their SHA-256 and their signature's, as refused. */
    private final ConcurrentMap<Path, String> refusedUnopened = new ConcurrentHashMap<>();

    SignedZips(ZipVerifier verifier) {
        this.verifier = verifier;
    }

    /** Judges every zip from now on by {@code policy}, read again. */
    void policy(ZipVerifier policy) {
        this.verifier = policy;
    }

    /** Forgets what was judged of {@code zip}, which is gone. */
    void forget(Path zip) {
        refusedUnopened.remove(zip);
        judgedSignatures.remove(zip);
    }

    /** {@code asked}, or {@link DeployMode#ALWAYS} when the zip's signature came, went or changed since it was judged. */
    DeployMode modeFor(Path zip, DeployMode asked) {
        String before = judgedSignatures.get(zip);
        return asked == DeployMode.IF_CHANGED && before != null && !before.equals(signatureState(zip))
                ? DeployMode.ALWAYS : asked;
    }

    /** The verdict on an uploaded zip and its signature, if one was sent, before it is written or opened. */
    TrustVerdict upload(byte[] zip, byte[] signature) {
        return verifier.verify(zip, Optional.ofNullable(signature));
    }

    /**
     * Judges a drop-in's raw bytes and its signature before the zip is opened: admitted (also when the policy
     * is off, or the zip cannot be read, which the intake then reports), refused, or refused again unchanged
     * while only changes are deployed.
     */
    Unopened unopened(Path zip, DeployMode mode) {
        if (verifier.mode() == TrustSettings.Mode.OFF) {
            return Unopened.ADMITTED;
        }
        TrustVerdict signed;
        String state;
        try {
            byte[] bytes = Files.readAllBytes(zip);
            state = ZipVerifier.sha256(bytes) + "/" + signatureState(zip);
            Path asc = signatureOf(zip);
            signed = verifier.verify(bytes, Files.isRegularFile(asc) ? Optional.of(Files.readAllBytes(asc)) : Optional.empty());
        } catch (IOException e) {
            return Unopened.ADMITTED;
        }
        if (signed.admitted()) {
            refusedUnopened.remove(zip);
            return Unopened.ADMITTED;
        }
        if (mode == DeployMode.IF_CHANGED && state.equals(refusedUnopened.put(zip, state))) {
            return Unopened.REFUSED_AGAIN;
        }
        return new Unopened(Unopened.Outcome.REFUSED, (TrustVerdict.Refused) signed);
    }

    /**
     * The policy's verdict on {@code zip} and its signature file, read now, as carrier {@code id} at
     * {@code version} (null when undeclared); remembered as judged.
     */
    TrustVerdict judge(Path zip, String id, String version) throws IOException {
        String signatureState = signatureState(zip);
        TrustVerdict verdict = rejudge(zip, id, version);
        judgedSignatures.put(zip, signatureState);
        return verdict;
    }

    /**
     * The policy's verdict on a serving {@code zip} and its signature file, read now, without remembering it as
     * judged: a signature that changed since stays to be judged by the zip's next deploy.
     */
    TrustVerdict rejudge(Path zip, String id, String version) throws IOException {
        return verifier.admit(verifier.verify(zip, Optional.of(signatureOf(zip))), id, version);
    }

    /** Where {@code zip}'s detached signature lies: {@code x.zip.asc} beside it. */
    static Path signatureOf(Path zip) {
        return zip.resolveSibling(zip.getFileName() + ".asc");
    }

    /** The signature file's bytes, or null when there is none or it cannot be read. */
    static byte[] readSignature(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Writes an installed zip's signature beside it, or removes a stale one when {@code signature} is null.
     *
     * @throws IOException when the install directory cannot be written
     */
    static void writeSignature(Path file, byte[] signature) throws IOException {
        if (signature == null) {
            Files.deleteIfExists(file);
        } else {
            Files.createDirectories(file.getParent());
            Files.write(file, signature);
        }
    }

    /** The SHA-256 of {@code zip}'s signature file, or "" when there is none. */
    private static String signatureState(Path zip) {
        byte[] signature = readSignature(signatureOf(zip));
        return signature == null ? "" : ZipVerifier.sha256(signature);
    }
}
