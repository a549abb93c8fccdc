package org.carrierhost.plugins.telnyx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.carrierhost.api.CarrierConfig;
import org.carrierhost.api.CarrierException;
import org.carrierhost.api.ErrorCode;
import org.carrierhost.api.SearchOptions;
import org.junit.jupiter.api.Test;

/** The carrier's settings: what is required, the defaults, and what an unconfigured carrier answers. */
class TelnyxSettingsTest {

    @Test
    void withoutAnApiKeyItIsNotConfiguredAndSaysWhatIsMissing() {
        CarrierException e = assertThrows(CarrierException.class, () -> TelnyxSettings.from(CarrierConfig.empty()));

        assertEquals(ErrorCode.CARRIER_UNAVAILABLE, e.code());
        assertEquals("telnyx is not configured", e.getMessage());
        assertTrue(e.detail().contains("missing api_key"), e.detail());
    }

    @Test
    void theBaseUrlDefaultsToTelnyxsV2AndTheKeyIsMaskedWhenShown() throws Exception {
        TelnyxSettings settings = TelnyxSettings.from(new CarrierConfig(Map.of("api_key", "KEYsecret")));

        assertEquals("https://api.telnyx.com/v2", settings.baseUrl().toString());
        assertFalse(settings.toString().contains("KEYsecret"), settings.toString());
    }

    @Test
    void aMalformedTimeoutIsMisconfiguredNamingTheKey() {
        CarrierException e = assertThrows(CarrierException.class, () -> TelnyxSettings.from(
                new CarrierConfig(Map.of("api_key", "k", "order_timeout_ms", "soon"))));

        assertEquals("telnyx is misconfigured", e.getMessage());
        assertTrue(e.detail().contains("order_timeout_ms"), e.detail());
    }

    @Test
    void anUnconfiguredCarrierStartsAndEveryCallNamesWhatIsMissing() {
        TelnyxCarrier carrier = Carriers.started("http://127.0.0.1:1/v2", Map.of("api_key", ""));

        CarrierException e = assertThrows(CarrierException.class,
                () -> carrier.findNumbers("+1312", 1, SearchOptions.defaults()));

        assertEquals(ErrorCode.CARRIER_UNAVAILABLE, e.code());
        assertTrue(e.detail().contains("missing api_key"), e.detail());
    }

    @Test
    void itIsRemoteBillableAndLooksUpCallerNamesAsKazoosIs() {
        TelnyxCarrier carrier = new TelnyxCarrier();

        assertFalse(carrier.isLocal());
        assertTrue(carrier.isNumberBillable(Carriers.number("+13125550142")));
        assertTrue(carrier.shouldLookupCnam());
    }
}
