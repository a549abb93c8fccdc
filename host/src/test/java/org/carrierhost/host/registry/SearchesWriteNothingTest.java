package org.carrierhost.host.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;

import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.manager.SearchRequest;
import org.carrierhost.host.parts.HostParts;
import org.carrierhost.host.testkit.CarrierHostExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Searches of remote carriers are kept in memory: the registry's file does not grow with them. */
class SearchesWriteNothingTest {

    /** What the old design wrote: about 5 KB of H2 file per remote search. */
    private static final int SEARCHES = 2000;

    @RegisterExtension
    final CarrierHostExtension carriers = TestHosts.withCarriers("mock");

    @Test
    void theRegistryFileDoesNotGrowWithSearchesOfARemoteCarrier() throws Exception {
        CarrierHost host = carriers.host();
        for (int i = 0; i < 20; i++) {
            host.manager().find(SearchRequest.of("415", 10));
        }
        host.events().recent(1);
        long before = Files.size(carriers.dataDir().resolve("registry.mv.db"));

        for (int i = 0; i < SEARCHES; i++) {
            assertEquals(10, host.manager().find(SearchRequest.of("41" + (i % 10), 10)).numbers().size());
        }
        host.events().recent(1);

        long grown = Files.size(carriers.dataDir().resolve("registry.mv.db")) - before;
        assertTrue(grown <= 64 * 1024, "grew by " + grown + " bytes over " + SEARCHES + " searches");
        assertTrue(HostParts.of(host).registry().find("+14159000000").isEmpty());
    }
}
