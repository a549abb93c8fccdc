package org.carrierhost.host.plugins.lifecycle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.host.errors.StandardException;
import org.carrierhost.host.events.CarrierAction;
import org.carrierhost.host.events.CarrierState;
import org.carrierhost.host.events.CarrierStateChanged;
import org.carrierhost.host.plugins.PluginFailure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lifecycle's verbs as the state machine's specification: from each state, what each verb makes of a
 * carrier, which one transition it raises (with its duration), what it logs and what it tells the other
 * hosts; and what it refuses. Against a fake loader: no PF4J, no HTTP, no watcher.
 */
class CarrierLifecycleTest {

    @TempDir
    Path root;

    LifecycleRig rig;

    @BeforeEach
    void rig() {
        rig = new LifecycleRig(root);
    }

    private void serving(String id) {
        rig.lifecycle.deploy(rig.drop(id, "1.0.0"), "test");
        assertEquals(CarrierState.STARTED, rig.state(id));
        rig.clear();
    }

    private StandardException refused(ErrorCode code, Runnable verb) {
        StandardException e = assertThrows(StandardException.class, verb::run);
        assertEquals(code, e.error().code(), e.getMessage());
        return e;
    }

    // ---- from NEW

    @Test
    void aNewZipStartsAndRaisesOneTimedTransition() {
        rig.lifecycle.deploy(rig.drop("a", "1.0.0"), "test");
        assertEquals(List.of("a NEW -> STARTED"), rig.transitions());
        CarrierStateChanged change = rig.changes.get(0);
        assertNotNull(change.took());
        assertTrue(change.here());
        assertEquals(List.of("load", "start"), rig.stepNames());
        assertTrue(rig.link.told.isEmpty(), "a drop-in is this host's own: nothing told");
    }

    @Test
    void aNewZipThatFailsToStartIsFailed() {
        rig.loader.failing.add("a");
        refused(ErrorCode.INVALID, () -> rig.lifecycle.deploy(rig.drop("a", "1.0.0"), "test"));
        assertEquals(List.of("a NEW -> FAILED"), rig.transitions());
        assertEquals("a did not start", rig.table.view("a").orElseThrow().error().message());
    }

    @Test
    void aNewZipOfAQuarantinedCarrierIsQuarantined() {
        rig.loader.quarantined.add("a");
        refused(ErrorCode.INVALID, () -> rig.lifecycle.deploy(rig.drop("a", "1.0.0"), "test"));
        assertEquals(List.of("a NEW -> QUARANTINED"), rig.transitions());
    }

    @Test
    void aNewZipOfADisabledCarrierIsDisabledAndNotLoaded() {
        rig.store.setEnabled("a", false, "test");
        rig.lifecycle.deploy(rig.drop("a", "1.0.0"), "test");
        assertEquals(List.of("a NEW -> DISABLED"), rig.transitions());
        assertTrue(rig.loader.loaded.isEmpty());
        assertEquals(List.of("load-skipped-disabled"), rig.stepNames());
    }

    @Test
    void aZipWithNoIdIsARecordOfItsFileNotACarrier() {
        Path zip = FakeLoader.zip(rig.plugins.resolve("anonymous.zip"), null, "1.0.0");
        refused(ErrorCode.INVALID, () -> rig.lifecycle.deploy(zip, "test"));
        assertTrue(rig.transitions().isEmpty(), "no carrier, so no transition");
        CarrierView listed = rig.table.view("anonymous.zip").orElseThrow();
        assertTrue(listed.neverLoaded());
        assertEquals(CarrierState.FAILED, listed.state());
        assertFalse(rig.table.knows("anonymous.zip"), "not a carrier: never called");
    }

    // ---- from STARTED

    @Test
    void aServingGenerationWhoseProcessKeptCrashingIsQuarantinedRetiredAndKeptQuarantined() {
        serving("a");
        FakeLoader.FakeGeneration crashed = rig.loader.loaded.get(0);
        rig.lifecycle.quarantine("a", crashed, PluginFailure.quarantined("crashed 3 times: exit 7; quarantined", "last words"));
        assertEquals(List.of("a STARTED -> QUARANTINED"), rig.transitions());
        assertTrue(crashed.retired, "the crashed generation is retired");
        assertEquals("crashed 3 times: exit 7; quarantined", rig.table.view("a").orElseThrow().error().message());
        assertTrue(rig.loader.quarantined("a").isPresent(), "kept in the loader's quarantine, for the next start too");
        rig.lifecycle.reload("a", "test");
        assertEquals(CarrierState.STARTED, rig.state("a"), "a reload lifts it");
    }

    @Test
    void aQuarantineOfAGenerationThatNoLongerServesChangesNothing() {
        serving("a");
        FakeLoader.FakeGeneration old = rig.loader.loaded.get(0);
        rig.lifecycle.reload("a", "test");
        rig.clear();
        rig.lifecycle.quarantine("a", old, PluginFailure.quarantined("crashed 3 times: exit 7; quarantined", null));
        assertTrue(rig.transitions().isEmpty(), rig.transitions().toString());
        assertEquals(CarrierState.STARTED, rig.state("a"));
        assertTrue(rig.loader.quarantined("a").isEmpty());
    }

    @Test
    void aReloadSwapsStartedToStartedAndIsToldToTheOtherHosts() {
        serving("a");
        rig.lifecycle.reload("a", "test");
        assertEquals(List.of("a STARTED -> STARTED"), rig.transitions());
        assertEquals(List.of("load", "start", "swap", "stop", "unload", "reload"), rig.stepNames());
        assertNotNull(rig.steps.get(rig.steps.size() - 1).took(), "the reload says how long it took");
        assertEquals(List.of("reload a"), rig.link.told);
        assertTrue(rig.loader.loaded.get(0).retired, "the old generation is retired");
    }

    @Test
    void aRedeploySeenByTheWatcherIsTheSameReloadAsOneAskedForAndIsToldTheSame() throws Exception {
        serving("a");
        rig.lifecycle.reload("a", "api:ops");
        List<String> asked = rig.stepNames();
        List<String> askedTransitions = rig.transitions();
        List<String> askedTold = List.copyOf(rig.link.told);
        rig.clear();
        Path zip = rig.plugins.resolve("carrier-a-1.0.0.zip");
        FakeLoader.zip(zip, "a", "1.0.1");
        rig.feed.deployIfChanged(zip, "watcher");
        assertEquals(asked, rig.stepNames());
        assertEquals(askedTransitions, rig.transitions());
        assertEquals(askedTold, rig.link.told);
        assertNotNull(rig.steps.get(rig.steps.size() - 1).took());
        assertEquals("1.0.1", rig.table.view("a").orElseThrow().facts().version());
    }

    @Test
    void theSameContentSeenAgainChangesNothing() {
        serving("a");
        rig.feed.deployIfChanged(rig.plugins.resolve("carrier-a-1.0.0.zip"), "watcher");
        assertTrue(rig.transitions().isEmpty());
        assertTrue(rig.stepNames().isEmpty());
    }

    @Test
    void aReloadThatFailsLeavesTheOldVersionServingWithNoTransition() {
        serving("a");
        rig.loader.failing.add("a");
        refused(ErrorCode.INVALID, () -> rig.lifecycle.reload("a", "test"));
        assertTrue(rig.transitions().isEmpty());
        assertEquals(CarrierState.STARTED, rig.state("a"));
        assertEquals(List.of("load:failed", "reload:failed"), rig.stepNames());
        assertTrue(rig.link.told.isEmpty(), "a failed reload is not told");
    }

    @Test
    void disablingStopsServingPersistsAndTells() {
        serving("a");
        rig.lifecycle.disable("a", "test");
        assertEquals(List.of("a STARTED -> DISABLED"), rig.transitions());
        assertFalse(rig.store.isEnabled("a"));
        assertTrue(rig.loader.loaded.get(0).retired);
        assertEquals(List.of("disable a"), rig.link.told);
        assertTrue(Files.exists(rig.plugins.resolve("carrier-a-1.0.0.zip")), "disable keeps the zip");
    }

    @Test
    void removingAServedDropInUnloadsItAndKeepsItsZipUnderTheDataDirectory() {
        serving("a");
        rig.lifecycle.remove("a", "test");
        assertEquals(List.of("a STARTED -> UNLOADED"), rig.transitions());
        assertFalse(Files.exists(rig.plugins.resolve("carrier-a-1.0.0.zip")));
        assertTrue(Files.exists(rig.removedDir.resolve("carrier-a-1.0.0.zip")), "the operator can get it back");
        assertTrue(rig.stepNames().contains("file-kept"), rig.stepNames().toString());
        assertEquals(List.of("remove a"), rig.link.told);
    }

    @Test
    void theZipTakenAwayUnloadsTheCarrier() throws Exception {
        serving("a");
        Path zip = rig.plugins.resolve("carrier-a-1.0.0.zip");
        Files.delete(zip);
        rig.lifecycle.fileGone(zip, "watcher");
        assertEquals(List.of("a STARTED -> UNLOADED"), rig.transitions());
        assertTrue(rig.stepNames().contains("file-removed"));
    }

    @Test
    void aSecondZipOfAServingIdIsRefusedAsItsDuplicateAndServesOnceTheFirstGoes() throws Exception {
        serving("a");
        Path second = rig.drop("a", "2.0.0");
        refused(ErrorCode.INVALID, () -> rig.lifecycle.deploy(second, "test"));
        assertEquals("a", rig.table.files().record(second).orElseThrow().duplicateOf(), "the refusal names the id as a field");
        assertTrue(rig.table.view(second.getFileName().toString()).orElseThrow().neverLoaded());
        Path first = rig.plugins.resolve("carrier-a-1.0.0.zip");
        Files.delete(first);
        rig.lifecycle.fileGone(first, "watcher");
        assertEquals(List.of("a STARTED -> UNLOADED", "a UNLOADED -> STARTED"), rig.transitions());
        assertEquals("2.0.0", rig.table.view("a").orElseThrow().facts().version());
        assertTrue(rig.table.view(second.getFileName().toString()).filter(CarrierView::neverLoaded).isEmpty());
    }

    // ---- from DISABLED

    @Test
    void enablingLoadsAgain() {
        serving("a");
        rig.lifecycle.disable("a", "test");
        rig.clear();
        rig.lifecycle.enable("a", "test");
        assertEquals(List.of("a DISABLED -> STARTED"), rig.transitions());
        assertEquals(List.of("enable a"), rig.link.told);
    }

    @Test
    void enablingWithTheZipGoneLeavesItUnloaded() throws Exception {
        serving("a");
        rig.lifecycle.disable("a", "test");
        Files.delete(rig.plugins.resolve("carrier-a-1.0.0.zip"));
        rig.clear();
        rig.lifecycle.enable("a", "test");
        assertEquals(List.of("a DISABLED -> UNLOADED"), rig.transitions());
    }

    @Test
    void aDisabledCarrierIsNotReloaded() {
        serving("a");
        rig.lifecycle.disable("a", "test");
        rig.clear();
        refused(ErrorCode.INVALID, () -> rig.lifecycle.reload("a", "test"));
        assertTrue(rig.transitions().isEmpty());
        assertEquals(List.of("reload:failed"), rig.stepNames());
    }

    @Test
    void disablingAgainIsNoTransition() {
        serving("a");
        rig.lifecycle.disable("a", "test");
        rig.clear();
        rig.lifecycle.disable("a", "test");
        assertTrue(rig.transitions().isEmpty());
    }

    @Test
    void aChangeFollowedFromAnotherHostIsAppliedOnlyAsPersistedAndNotToldBack() {
        serving("a");
        rig.lifecycle.disable("a", "cluster:b", Origin.CLUSTER);
        assertTrue(rig.transitions().isEmpty(), "the persisted flag still says enabled");
        rig.store.setEnabled("a", false, "b");
        rig.lifecycle.disable("a", "cluster:b", Origin.CLUSTER);
        assertEquals(List.of("a STARTED -> DISABLED"), rig.transitions());
        assertFalse(rig.changes.get(0).here());
        assertTrue(rig.link.told.isEmpty());
    }

    @Test
    void removingANeverServedDisabledCarrierForgetsIt() {
        rig.store.setEnabled("a", false, "test");
        rig.lifecycle.deploy(rig.drop("a", "1.0.0"), "test");
        rig.clear();
        rig.lifecycle.remove("a", "test");
        assertEquals(List.of("a DISABLED -> GONE"), rig.transitions());
        assertTrue(rig.table.view("a").isEmpty());
    }

    // ---- from FAILED and QUARANTINED

    @Test
    void aRetryThatFailsAgainIsFailedToFailed() {
        rig.loader.failing.add("a");
        refused(ErrorCode.INVALID, () -> rig.lifecycle.deploy(rig.drop("a", "1.0.0"), "test"));
        rig.clear();
        refused(ErrorCode.INVALID, () -> rig.lifecycle.reload("a", "test"));
        assertEquals(List.of("a FAILED -> FAILED"), rig.transitions());
    }

    @Test
    void aRetryThatWorksStarts() {
        rig.loader.failing.add("a");
        refused(ErrorCode.INVALID, () -> rig.lifecycle.deploy(rig.drop("a", "1.0.0"), "test"));
        rig.loader.failing.clear();
        rig.clear();
        rig.lifecycle.reload("a", "test");
        assertEquals(List.of("a FAILED -> STARTED"), rig.transitions());
    }

    @Test
    void aReloadLiftsAQuarantine() {
        rig.loader.quarantined.add("a");
        refused(ErrorCode.INVALID, () -> rig.lifecycle.deploy(rig.drop("a", "1.0.0"), "test"));
        rig.clear();
        rig.lifecycle.reload("a", "test");
        assertEquals(List.of("a QUARANTINED -> STARTED"), rig.transitions());
        assertEquals("quarantine-lifted", rig.stepNames().get(0));
    }

    @Test
    void removingANeverServedFailedCarrierForgetsIt() {
        rig.loader.failing.add("a");
        refused(ErrorCode.INVALID, () -> rig.lifecycle.deploy(rig.drop("a", "1.0.0"), "test"));
        rig.clear();
        rig.lifecycle.remove("a", "test");
        assertEquals(List.of("a FAILED -> GONE"), rig.transitions());
    }

    // ---- from UNLOADED

    @Test
    void anUnloadedCarrierStartsAgainFromANewZip() throws Exception {
        serving("a");
        Path zip = rig.plugins.resolve("carrier-a-1.0.0.zip");
        Files.delete(zip);
        rig.lifecycle.fileGone(zip, "watcher");
        rig.clear();
        rig.lifecycle.deploy(rig.drop("a", "1.1.0"), "test");
        assertEquals(List.of("a UNLOADED -> STARTED"), rig.transitions());
    }

    @Test
    void anUnloadedCarrierHasNothingToReload() throws Exception {
        serving("a");
        rig.lifecycle.remove("a", "test");
        rig.clear();
        refused(ErrorCode.INVALID, () -> rig.lifecycle.reload("a", "test"));
        assertTrue(rig.transitions().isEmpty());
    }

    // ---- zips that never loaded, and unknown ids

    @Test
    void aZipThatNeverLoadedCanOnlyBeRetriedOrRemoved() {
        Path zip = FakeLoader.zip(rig.plugins.resolve("anonymous.zip"), null, "1.0.0");
        refused(ErrorCode.INVALID, () -> rig.lifecycle.deploy(zip, "test"));
        refused(ErrorCode.INVALID, () -> rig.lifecycle.disable("anonymous.zip", "test"));
        refused(ErrorCode.INVALID, () -> rig.lifecycle.enable("anonymous.zip", "test"));
        refused(ErrorCode.INVALID, () -> rig.lifecycle.reload("anonymous.zip", "test"));
        rig.lifecycle.remove("anonymous.zip", "test");
        assertTrue(rig.table.view("anonymous.zip").isEmpty());
        assertTrue(Files.exists(rig.removedDir.resolve("anonymous.zip")), "kept for the operator");
        assertTrue(rig.link.told.isEmpty(), "a zip that never loaded is this host's own");
    }

    @Test
    void anUnknownOrInvalidIdIsRefusedBeforeAnythingChanges() {
        refused(ErrorCode.NOT_FOUND, () -> rig.lifecycle.reload("nope", "test"));
        refused(ErrorCode.INVALID, () -> rig.lifecycle.disable("../x", "test"));
        assertTrue(rig.transitions().isEmpty());
        assertTrue(rig.stepNames().isEmpty());
    }

    // ---- installs

    @Test
    void anInstallServesFromTheInstallDirectoryAndIsStoredForTheOtherHosts() throws Exception {
        Path upload = FakeLoader.zip(root.resolve("upload.zip"), "b", "2.0.0");
        rig.lifecycle.install(Files.readAllBytes(upload), "test");
        assertEquals(List.of("b NEW -> STARTED"), rig.transitions());
        assertEquals(List.of("install b 2.0.0"), rig.link.told);
        CarrierView b = rig.table.view("b").orElseThrow();
        assertEquals(CarrierSource.CLUSTER, b.source());
        assertEquals(rig.installDir.resolve("carrier-b-2.0.0.zip").toAbsolutePath().normalize(), b.file());
        assertEquals(CarrierAction.INSTALL, rig.steps.get(rig.steps.size() - 1).action());
    }

    // ---- a drop-in and an installed zip of one id: the higher version serves, the drop-in on a tie

    private byte[] upload(String id, String version, String note) throws Exception {
        return Files.readAllBytes(FakeLoader.zip(root.resolve("upload-" + version + "-" + note + ".zip"), id, version, note));
    }

    @Test
    void anInstallOfAHigherVersionServesAndLeavesTheDropInUntouchedAndListedAsShadowed() throws Exception {
        serving("a");
        Path dropIn = rig.plugins.resolve("carrier-a-1.0.0.zip");
        byte[] before = Files.readAllBytes(dropIn);
        rig.lifecycle.install(upload("a", "1.1.0", "new"), "test");
        assertEquals(List.of("a STARTED -> STARTED"), rig.transitions());
        CarrierView a = rig.table.view("a").orElseThrow();
        assertEquals("1.1.0", a.facts().version());
        assertEquals(List.of(new ShadowedZip(dropIn, "1.0.0")), a.shadowed());
        assertArrayEquals(before, Files.readAllBytes(dropIn), "an install never changes a drop-in");
    }

    @Test
    void anInstallOfTheSameContentAsTheDropInUnloadsNothingAndIsTheShadowedOne() throws Exception {
        serving("a");
        rig.lifecycle.install(Files.readAllBytes(rig.plugins.resolve("carrier-a-1.0.0.zip")), "test");
        assertTrue(rig.transitions().isEmpty(), "nothing unloaded: " + rig.transitions());
        assertEquals(1, rig.loader.loaded.size());
        assertFalse(rig.loader.loaded.get(0).retired);
        Path installed = rig.installDir.resolve("carrier-a-1.0.0.zip").toAbsolutePath().normalize();
        assertEquals(List.of(new ShadowedZip(installed, "1.0.0")), rig.table.view("a").orElseThrow().shadowed());
        assertEquals(List.of("install a 1.0.0"), rig.link.told, "still stored for the other hosts");
    }

    @Test
    void onATieOfVersionsTheDropInServes() throws Exception {
        serving("a");
        rig.lifecycle.install(upload("a", "1.0.0", "rebuilt"), "test");
        assertTrue(rig.transitions().isEmpty());
        assertEquals(rig.plugins.resolve("carrier-a-1.0.0.zip"), rig.table.view("a").orElseThrow().file());
    }

    @Test
    void anInstallOfALowerVersionIsShadowedByTheDropIn() throws Exception {
        rig.lifecycle.deploy(rig.drop("a", "2.0.0"), "test");
        rig.clear();
        rig.lifecycle.install(upload("a", "1.0.0", "old"), "test");
        assertTrue(rig.transitions().isEmpty());
        assertEquals("2.0.0", rig.table.view("a").orElseThrow().facts().version());
        assertEquals("1.0.0", rig.table.view("a").orElseThrow().shadowed().get(0).version());
    }

    @Test
    void aDropInOfAHigherVersionTakesOverFromAnInstall() throws Exception {
        rig.lifecycle.install(upload("a", "1.0.0", "installed"), "test");
        rig.clear();
        rig.lifecycle.deploy(rig.drop("a", "1.1.0"), "test");
        assertEquals(List.of("a STARTED -> STARTED"), rig.transitions());
        assertEquals("1.0.0", rig.table.view("a").orElseThrow().shadowed().get(0).version());
        assertTrue(Files.exists(rig.installDir.resolve("carrier-a-1.0.0.zip")), "the shadowed install is kept");
    }

    @Test
    void whenTheServingZipGoesTheShadowedOneServes() throws Exception {
        rig.lifecycle.deploy(rig.drop("a", "2.0.0"), "test");
        rig.lifecycle.install(upload("a", "1.0.0", "old"), "test");
        rig.clear();
        Path dropIn = rig.plugins.resolve("carrier-a-2.0.0.zip");
        Files.delete(dropIn);
        rig.lifecycle.fileGone(dropIn, "watcher");
        assertEquals(List.of("a STARTED -> UNLOADED", "a UNLOADED -> STARTED"), rig.transitions());
        CarrierView a = rig.table.view("a").orElseThrow();
        assertEquals("1.0.0", a.facts().version());
        assertTrue(a.shadowed().isEmpty());
    }

    @Test
    void removingADropInCarrierAnswersWhereItsZipIsKept() {
        serving("a");
        CarrierView removed = rig.lifecycle.remove("a", "test");
        assertEquals(rig.removedDir.resolve("carrier-a-1.0.0.zip").toAbsolutePath().normalize(), removed.keptAt());
    }
}
