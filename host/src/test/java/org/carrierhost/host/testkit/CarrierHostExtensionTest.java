package org.carrierhost.host.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import org.carrierhost.host.HostThreads;
import org.carrierhost.host.TestPlugins;
import org.carrierhost.host.manager.AcquireRequest;
import org.carrierhost.host.manager.SearchRequest;
import org.carrierhost.host.parts.HostParts;
import org.junit.jupiter.api.Test;

/**
 * The test kit's extension driven as JUnit drives it (before and after one test), so what it leaves
 * behind can be looked at after the test it served.
 */
class CarrierHostExtensionTest {

    @Test
    void theHostLoadsTheZipWithHttpOffUnlessAskedFor() throws Exception {
        CarrierHostExtension kit = CarrierHostExtension.withZip(TestPlugins.mockZip());
        kit.beforeEach(null);
        try {
            assertEquals("mock", kit.manager().find(SearchRequest.of("415", 1)).numbers().get(0).carrier());
            assertThrows(IllegalStateException.class, () -> kit.host().url());
        } finally {
            kit.afterEach(null);
        }
    }

    @Test
    void aTestHostRunsItsCarriersInTheHostsOwnProcess() throws Exception {
        CarrierHostExtension kit = CarrierHostExtension.withZip(TestPlugins.mockZip());
        kit.beforeEach(null);
        try {
            assertNull(HostParts.of(kit.host()).carriers().view("mock").orElseThrow().process());
        } finally {
            kit.afterEach(null);
        }
    }

    @Test
    void isolatedRunsEachCarrierInAProcessOfItsOwnAsTheProductDoes() throws Exception {
        CarrierHostExtension kit = CarrierHostExtension.withZip(TestPlugins.mockZip()).isolated();
        kit.beforeEach(null);
        try {
            var process = HostParts.of(kit.host()).carriers().view("mock").orElseThrow().process();
            assertNotNull(process, "the mock runs in a process of its own");
            assertEquals("mock", kit.manager().find(SearchRequest.of("415", 1)).numbers().get(0).carrier());
        } finally {
            kit.afterEach(null);
        }
    }

    @Test
    void withHttpTheApiAnswersOnALoopbackPort() throws Exception {
        CarrierHostExtension kit = CarrierHostExtension.withZip(TestPlugins.mockZip()).withHttp();
        kit.beforeEach(null);
        try {
            assertTrue(kit.host().url().startsWith("http://127.0.0.1:"), kit.host().url());
        } finally {
            kit.afterEach(null);
        }
    }

    @Test
    void aRestartKeepsWhatTheRegistryStoredAndRestartWithAddsSettings() throws Exception {
        CarrierHostExtension kit = CarrierHostExtension.withZip(TestPlugins.mockZip());
        kit.beforeEach(null);
        try {
            String number = kit.manager().find(SearchRequest.of("415", 1)).numbers().get(0).number();
            kit.manager().acquire(number, AcquireRequest.forAccount("acct"), "test");

            kit.restartWith(java.util.Map.of("search.timeout_ms", "1234"));

            assertTrue(HostParts.of(kit.host()).registry().find(number).isPresent());
            assertEquals(1234, kit.host().settings().search().timeout().toMillis());
        } finally {
            kit.afterEach(null);
        }
    }

    @Test
    void afterTheTestTheHostIsClosedAndItsFoldersAreGone() throws Exception {
        Set<String> before = HostThreads.names();
        CarrierHostExtension kit = CarrierHostExtension.withZip(TestPlugins.mockZip());
        kit.beforeEach(null);
        Path plugins = kit.pluginsDir();
        Path data = kit.dataDir();
        assertTrue(Files.isRegularFile(plugins.resolve("carrier-mock-1.0.0.zip")));

        kit.afterEach(null);

        assertFalse(Files.exists(plugins.getParent()), plugins.getParent() + " is deleted");
        assertFalse(Files.exists(data));
        assertThrows(IllegalStateException.class, kit::host);
        Set<String> left = HostThreads.newSince(before).stream().filter(n -> !n.startsWith("carrier-call-"))
                .collect(Collectors.toSet());
        assertTrue(left.isEmpty(), "threads left: " + left);
    }

    @Test
    void aMissingZipIsNamedWithHowToBuildIt() {
        CarrierHostExtension kit = CarrierHostExtension.withZip(Path.of("target/carrier-nothing-1.0.0.zip"));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> kit.beforeEach(null));

        assertTrue(e.getMessage().contains("carrier-nothing-1.0.0.zip"), e.getMessage());
    }
}
