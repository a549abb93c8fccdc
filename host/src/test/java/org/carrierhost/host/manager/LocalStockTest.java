package org.carrierhost.host.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.carrierhost.api.NumberState;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.testkit.CarrierHostExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The local stock through the embedding API: the real local zip through PF4J over a real registry. */
class LocalStockTest {

    @RegisterExtension
    final CarrierHostExtension carriers = TestHosts.withCarriers("local");

    @Test
    void importedNumbersAreFoundAsAvailableLocalNumbersAndASecondImportFindsThemPresent() throws Exception {
        CarrierHost host = carriers.host();
        List<String> numbers = List.of("+14155550101", "4155550100", "+14155550102");

        ImportReport first = host.manager().importNumbers("local", numbers, "embedder");
        SearchResponse found = host.manager().find(SearchRequest.of("+1415555010", 10));
        ImportReport second = host.manager().importNumbers("local", numbers, "embedder");

        assertEquals(3, first.added());
        assertEquals(List.of("+14155550100", "+14155550101", "+14155550102"),
                found.numbers().stream().map(FoundNumber::number).toList());
        assertEquals(List.of("local"), found.numbers().stream().map(FoundNumber::carrier).distinct().toList());
        assertEquals(List.of(NumberState.AVAILABLE), found.numbers().stream().map(FoundNumber::state).distinct().toList());
        assertEquals(0, second.added());
        assertEquals(3, second.present());
        assertEquals(Map.of(NumberState.AVAILABLE, List.of("+14155550100", "+14155550101", "+14155550102")), second.presentByState());
    }
}
