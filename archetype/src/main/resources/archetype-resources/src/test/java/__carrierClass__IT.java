package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.carrierhost.api.NumberRecord;
import org.carrierhost.api.NumberState;
import org.carrierhost.host.manager.AcquireRequest;
import org.carrierhost.host.manager.SearchRequest;
import org.carrierhost.host.manager.SearchResponse;
import org.carrierhost.host.testkit.CarrierHostExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The plugin zip this build made, loaded by a real embedded host (real PF4J, real H2). */
class ${carrierClass}IT {

    @RegisterExtension
    final CarrierHostExtension host = CarrierHostExtension.withZip(Path.of(System.getProperty("plugin.zip")))
            .setting("carrier.${carrierId}.api_key", "test-key");

    @Test
    void theHostLoadsTheZipAndASearchFindsItsNumbers() {
        SearchResponse found = host.manager().find(SearchRequest.of("415", 5));

        assertEquals(5, found.numbers().size(), found.toString());
        assertTrue(found.numbers().stream().allMatch(n -> n.carrier().equals("${carrierId}")), found.toString());
    }

    @Test
    void anAcquireThroughTheHostKeepsTheCarriersOrderId() {
        String number = host.manager().find(SearchRequest.of("415", 1)).numbers().get(0).number();

        NumberRecord taken = host.manager().acquire(number, AcquireRequest.forAccount("acct-1"), "test");

        assertEquals(NumberState.IN_SERVICE, taken.state());
        assertTrue(String.valueOf(taken.data().get("order_id")).startsWith("${carrierId}-order-"), taken.toString());
    }
}
