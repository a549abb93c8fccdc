package org.carrierhost.plugins.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import org.carrierhost.api.CarrierConfig;
import org.carrierhost.api.CarrierContext;
import org.carrierhost.api.CarrierException;
import org.carrierhost.api.ErrorCode;
import org.carrierhost.api.NumberInventory;
import org.carrierhost.api.NumberOffer;
import org.carrierhost.api.NumberRecord;
import org.carrierhost.api.NumberState;
import org.carrierhost.api.SearchOptions;
import org.junit.jupiter.api.Test;

/** The local carrier against a fake inventory: the seam is one method, so a fake says all there is. */
class LocalCarrierTest {

    /** Available numbers +14155550100.. held by "local", searched like the host's registry. */
    private static final NumberInventory STOCK = (carrierId, prefix, offset, limit) -> IntStream.range(100, 130)
            .mapToObj(i -> "+14155550" + i)
            .filter(n -> carrierId.equals("local") && n.startsWith(prefix))
            .skip(offset).limit(limit)
            .map(n -> new NumberRecord(n, NumberState.AVAILABLE, carrierId, null, Map.of()))
            .toList();

    private static LocalCarrier started(Optional<NumberInventory> inventory) {
        LocalCarrier carrier = new LocalCarrier();
        carrier.start(CarrierContext.of("local", CarrierConfig.empty(), Path.of("target"), inventory));
        return carrier;
    }

    @Test
    void searchAsksTheInventoryForItsOwnAvailableNumbersWithOffsetAndLimit() throws CarrierException {
        List<String> numbers = started(Optional.of(STOCK)).findNumbers("+1415", 3, SearchOptions.defaults().withOffset(2))
                .toOffers().stream().map(NumberOffer::number).toList();

        assertEquals(List.of("+14155550102", "+14155550103", "+14155550104"), numbers);
    }

    @Test
    void withoutAnInventoryEveryCallIsCarrierUnavailableSayingWhy() {
        LocalCarrier carrier = started(Optional.empty());
        NumberRecord record = new NumberRecord("+14155550100", NumberState.AVAILABLE, "local", null, Map.of());

        for (CarrierException e : List.of(
                assertThrows(CarrierException.class, () -> carrier.findNumbers("+1415", 1, SearchOptions.defaults())),
                assertThrows(CarrierException.class, () -> carrier.acquireNumber(record)),
                assertThrows(CarrierException.class, () -> carrier.disconnectNumber(record)))) {
            assertEquals(ErrorCode.CARRIER_UNAVAILABLE, e.code());
            assertTrue(e.detail().contains("the host gave it none"), e.detail());
        }
    }

    @Test
    void acquireAndDisconnectReturnTheRecordUnchanged() throws CarrierException {
        LocalCarrier carrier = started(Optional.of(STOCK));
        NumberRecord record = new NumberRecord("+14155550100", NumberState.AVAILABLE, "local", "acct-1", Map.of("k", "v"));

        assertSame(record, carrier.acquireNumber(record));
        assertSame(record, carrier.disconnectNumber(record));
    }

    @Test
    void blocksAreRefusedAsInvalid() {
        CarrierException e = assertThrows(CarrierException.class, () -> started(Optional.of(STOCK))
                .findNumbers("+1415", 1, new SearchOptions(0, "US", "+1", null, null, 5, false)));

        assertEquals(ErrorCode.INVALID, e.code());
    }

    @Test
    void itIsLocalNotBillableAndLooksUpCnam() {
        LocalCarrier carrier = started(Optional.of(STOCK));

        assertTrue(carrier.isLocal());
        assertTrue(carrier.shouldLookupCnam());
        assertFalse(carrier.isNumberBillable(new NumberRecord("+14155550100", NumberState.IN_SERVICE, "local", null, Map.of())));
    }
}
