package org.carrierhost.host.plugins.lifecycle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.carrierhost.host.config.TrustSettings;
import org.carrierhost.host.errors.StandardException;
import org.carrierhost.host.events.CarrierAction;
import org.carrierhost.host.events.CarrierState;
import org.carrierhost.host.plugins.PluginFailure;
import org.carrierhost.host.plugins.load.Generation;
import org.carrierhost.host.plugins.trust.Refusal;
import org.carrierhost.host.plugins.trust.TrustVerdict;
import org.carrierhost.host.plugins.trust.ZipVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A revocation taking effect: reads this host's trust policy again every interval (its settings and its keyring)
 * and judges each running carrier's zip by it, a first install waiting in {@link CarrierState#PROBING} included (it is
 * loaded and started, and would be routed once its self-test passes). A carrier whose signer became revoked, expired or untrusted, or whose
 * zip's SHA-256 became revoked, is shown refused and told as a {@link CarrierAction#VERIFY} event; under
 * {@code plugins.trust.on_revocation=disable} it is also disabled, through the {@link CarrierLifecycle}'s own
 * persisted disable verb. Zips deployed later are judged by the policy read last. The zips are judged again when the
 * policy or its keyring changed, and at least once a minute, for keys expire on their own.
 *
 * <p>Thread-safe: one scheduler thread does every check; what it writes goes through the owner, under its locks.
 */
public final class RevocationWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RevocationWatch.class);
    private static final String ACTOR = "trust";
    private static final Set<Refusal> REVOCATIONS = EnumSet.of(Refusal.REVOKED, Refusal.EXPIRED, Refusal.NOT_TRUSTED,
            Refusal.OUTSIDE_ITS_CARRIERS);
    /** The states of a carrier whose version is loaded and started: serving, or a first install on probation. */
    private static final Set<CarrierState> JUDGED = EnumSet.of(CarrierState.STARTED, CarrierState.PROBING);
    private static final long FULL_CHECK_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final CarrierLifecycle owner;
    private final Deployments deployments;
    private final CarrierTable table;
    private final SignedZips signed;
    private final LifecycleSteps steps;
    private final Supplier<TrustSettings> policy;
    private final Duration every;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "trust-revocations");
        thread.setDaemon(true);
        return thread;
    });
    private String lastRead = "";
    private long lastJudged;

    RevocationWatch(CarrierLifecycle owner, Deployments deployments, CarrierTable table, SignedZips signed, LifecycleSteps steps,
                    Supplier<TrustSettings> policy, Duration every) {
        this.owner = owner;
        this.deployments = deployments;
        this.table = table;
        this.signed = signed;
        this.steps = steps;
        this.policy = policy;
        this.every = every;
    }

    /** Checks every interval from now on. */
    public RevocationWatch start() {
        long millis = Math.max(50, every.toMillis());
        scheduler.scheduleWithFixedDelay(this::checkQuietly, millis, millis, TimeUnit.MILLISECONDS);
        return this;
    }

    private void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            LOG.warn("checking the trust policy failed: {}", e.toString());
        }
    }

    /** Reads the policy again and, when it or its keyring changed (or a minute passed), judges every running carrier. */
    void check() {
        TrustSettings now;
        ZipVerifier verifier;
        String read;
        try {
            now = policy.get();
            verifier = new ZipVerifier(now);
            read = now + "/" + now.keyring().map(RevocationWatch::keyringState).orElse("");
        } catch (RuntimeException e) {
            if (!e.toString().equals(lastRead)) {
                LOG.warn("the trust policy cannot be read again; the one read last stays: {}", e.getMessage());
                lastRead = e.toString();
            }
            return;
        }
        boolean changed = !read.equals(lastRead);
        if (changed) {
            signed.policy(verifier);
            lastRead = read;
        } else if (System.nanoTime() - lastJudged < FULL_CHECK_NANOS) {
            return;
        }
        lastJudged = System.nanoTime();
        for (CarrierSlot slot : table.all()) {
            judge(slot, now.onRevocation());
        }
    }

    private void judge(CarrierSlot slot, TrustSettings.OnRevocation onRevocation) {
        Generation live = slot.live();
        Path zip = slot.file();
        if (slot.plugin() != null || live == null || zip == null || !JUDGED.contains(slot.state())) {
            return;
        }
        TrustVerdict verdict;
        try {
            verdict = signed.rejudge(zip, slot.id(), live.version());
        } catch (IOException e) {
            return; // The zip is being replaced or removed; its deploy judges it.
        }
        if (!(verdict instanceof TrustVerdict.Refused refused) || !REVOCATIONS.contains(refused.reason())
                || sameRefusal(slot.signature(), refused)) {
            return;
        }
        boolean disable = onRevocation == TrustSettings.OnRevocation.DISABLE;
        steps.failed(ACTOR, CarrierAction.VERIFY, slot.id() + " " + live.version() + " from " + zip.getFileName(),
                refused.message() + (disable ? "; disabled (plugins.trust.on_revocation=disable)"
                        : slot.state() == CarrierState.PROBING ? "; on probation still (plugins.trust.on_revocation=warn)"
                        : "; serving on (plugins.trust.on_revocation=warn)"));
        deployments.refuseServing(zip, refused, PluginFailure.now(refused.message(), refused.detail()));
        if (disable) {
            try {
                owner.disable(slot.id(), ACTOR, Origin.HERE);
            } catch (StandardException e) {
                LOG.warn("carrier {} could not be disabled after its revocation: {}", slot.id(), e.getMessage());
            }
        }
    }

    /** Whether {@code shown} already is this refusal, so it is told once. */
    private static boolean sameRefusal(TrustVerdict shown, TrustVerdict.Refused refused) {
        return shown instanceof TrustVerdict.Refused was && was.reason() == refused.reason()
                && java.util.Objects.equals(was.detail(), refused.detail());
    }

    private static String keyringState(Path keyring) {
        try {
            return ZipVerifier.sha256(Files.readAllBytes(keyring));
        } catch (IOException e) {
            return "unreadable";
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
