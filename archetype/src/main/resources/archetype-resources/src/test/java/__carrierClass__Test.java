package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.carrierhost.api.CarrierConfig;
import org.carrierhost.api.CarrierContext;
import org.carrierhost.api.CarrierException;
import org.carrierhost.api.ErrorCode;
import org.carrierhost.api.NumberOffer;
import org.carrierhost.api.SearchOptions;
import org.junit.jupiter.api.Test;

/** The carrier's callbacks called directly, without a host. */
class ${carrierClass}Test {

    private static ${carrierClass} started(Map<String, String> settings) throws CarrierException {
        ${carrierClass} carrier = new ${carrierClass}();
        carrier.start(CarrierContext.of("${carrierId}", new CarrierConfig(settings), Path.of("target"), Optional.empty()));
        return carrier;
    }

    @Test
    void aSearchOffersTheQuantityAskedUnderThePrefix() throws Exception {
        List<NumberOffer> offers = started(Map.of("api_key", "k")).findNumbers("+1415", 5, SearchOptions.defaults()).toOffers();

        assertEquals(5, offers.size());
        assertTrue(offers.stream().allMatch(o -> o.number().startsWith("+1415") && o.number().length() == 12), offers.toString());
    }

    @Test
    void withoutItsApiKeyEveryCallIsCarrierUnavailableNamingTheSetting() throws Exception {
        CarrierException e = assertThrows(CarrierException.class,
                () -> started(Map.of()).findNumbers("+1415", 5, SearchOptions.defaults()));

        assertEquals(ErrorCode.CARRIER_UNAVAILABLE, e.code());
        assertEquals("set carrier.${carrierId}.api_key", e.detail());
    }
}
