package org.carrierhost.host.plugins.lifecycle;

import java.nio.file.Files;
import java.nio.file.Path;

import org.carrierhost.host.events.CarrierAction;
import org.carrierhost.host.plugins.PluginFailure;
import org.carrierhost.host.plugins.load.Generation;
import org.carrierhost.host.plugins.load.PluginArchive;
import org.carrierhost.host.plugins.load.PluginVersions;
import org.carrierhost.host.plugins.source.OperatorFiles;
import org.carrierhost.host.plugins.source.ZipLedger;

/**
 * The one rule for a zip of a carrier another zip serves:
 * <ul>
 *   <li>a drop-in against an installed zip (either way round): the higher version serves, the drop-in on a
 *       tie; the other is listed as shadowed with its file and version; when the two are the same content,
 *       nothing is unloaded and the newcomer is the shadowed one;</li>
 *   <li>an install against an installed zip: the install replaces it (an upgrade, or a downgrade asked for);</li>
 *   <li>two drop-ins: the second is refused as a duplicate until the first goes.</li>
 * </ul>
 * It records its verdict in the {@link ZipLedger} and the event log; the lifecycle acts on it.
 *
 * <p>Thread-safe: holds only thread-safe parts; called under the carrier's lock.
 */
final class SameIdRule {

    /** What becomes of the newcomer. */
    enum Verdict {
        /** It serves (nothing else served, or it won). */
        SERVE,
        /** It does not serve: the zip serving won; it is listed as shadowed. */
        SHADOWED,
        /** It is refused as a second drop-in of the id. */
        REFUSED
    }

    private final ZipLedger files;
    private final OperatorFiles operatorFiles;
    private final LifecycleSteps steps;

    SameIdRule(ZipLedger files, OperatorFiles operatorFiles, LifecycleSteps steps) {
        this.files = files;
        this.operatorFiles = operatorFiles;
        this.steps = steps;
    }

    /**
     * @param servedFrom the zip carrier {@code id} serves from now, or null
     * @param serving    the generation serving now, or null
     * @param candidate  the newcomer
     * @param install    whether the newcomer comes from an install (here or from the cluster)
     */
    Verdict judge(String id, Path servedFrom, Generation serving, PluginArchive candidate, boolean install, String actor) {
        Path zip = candidate.file();
        if (servedFrom == null || serving == null || servedFrom.equals(zip) || !Files.exists(servedFrom)) {
            return Verdict.SERVE;
        }
        boolean candidateInstalled = operatorFiles.installed(zip);
        if (candidateInstalled == operatorFiles.installed(servedFrom)) {
            if (install) {
                return Verdict.SERVE;
            }
            PluginFailure refusal = steps.refusedDuplicate(actor, id, zip, servedFrom);
            files.refused(zip, id, refusal);
            return Verdict.REFUSED;
        }
        String version = candidate.declaredVersion().orElse("0");
        int order = PluginVersions.compare(version, serving.version());
        boolean sameContent = candidate.sha256().equals(serving.archive().sha256());
        if (!sameContent && (order > 0 || (order == 0 && !candidateInstalled))) {
            shadow(servedFrom, id, serving.version(), zip, actor);
            return Verdict.SERVE;
        }
        shadow(zip, id, version, servedFrom, actor);
        return Verdict.SHADOWED;
    }

    private void shadow(Path loser, String id, String version, Path winner, String actor) {
        files.shadowed(loser, id, version);
        steps.ok(actor, CarrierAction.SHADOW, id + " " + version + " in " + loser.getFileName() + ", shadowed by "
                + winner.getFileName());
    }
}
