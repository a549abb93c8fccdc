package org.carrierhost.plugins.bandwidth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.carrierhost.api.CarrierConfig;
import org.junit.jupiter.api.Test;

class BandwidthSettingsTest {

    @Test
    void toStringMasksThePassword() throws Exception {
        BandwidthSettings settings = BandwidthSettings.from(new CarrierConfig(Map.of("base_url",
                "https://dashboard.bandwidth.com/api/", "account_id", "99", "username", "u", "password", "pa55word")));

        assertFalse(settings.toString().contains("pa55word"), settings.toString());
        assertTrue(settings.toString().contains("password=****"), settings.toString());
    }

    @Test
    void defaultsApplyAndTheTrailingSlashIsDropped() throws Exception {
        BandwidthSettings settings = BandwidthSettings.from(new CarrierConfig(Map.of("base_url",
                "https://dashboard.bandwidth.com/api/", "account_id", "99")));

        assertEquals("https://dashboard.bandwidth.com/api", settings.baseUrl().toString());
        assertEquals(Duration.ofSeconds(10), settings.timeout());
        assertEquals(Duration.ofSeconds(1), settings.orderPollInterval());
        assertEquals(Duration.ofSeconds(30), settings.orderTimeout());
        assertEquals(500, settings.maxSearchQuantity());
        assertEquals(2, settings.maxRetries());
    }
}
