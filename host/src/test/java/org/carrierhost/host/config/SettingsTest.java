package org.carrierhost.host.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void everyKeyIsDeclaredOnce() {
        Set<String> seen = new HashSet<>();
        for (Setting<?> setting : Settings.all()) {
            assertTrue(seen.add(setting.key()), setting.key() + " is declared twice");
        }
    }

    @Test
    void everySettingHasOneLineOfDocumentation() {
        for (Setting<?> setting : Settings.all()) {
            assertFalse(setting.doc().isBlank() || setting.doc().contains("\n"), setting.key());
        }
    }

    @Test
    void aBreakerKeyIsTheBreakersSettingNotTheCarriersOwn() {
        assertEquals(Optional.of(Settings.BREAKER_WINDOW), Settings.find("carrier.bw.breaker.window"));
        assertEquals(Optional.of(Settings.CARRIER_KEY), Settings.find("carrier.bw.base_url"));
    }

    @Test
    void aCarriersOwnKeyIsSecretWhenItsNameSaysSoAndItsIdDoesNotCount() {
        assertTrue(Settings.isSecret("carrier.bw.api_key"));
        assertTrue(Settings.isSecret("carrier.bw.password"));
        assertFalse(Settings.isSecret("carrier.bw.base_url"));
        assertFalse(Settings.isSecret("carrier.tokens.base_url"));
    }

    @Test
    void declaredSecretsAreSecretWhateverTheirName() {
        assertTrue(Settings.isSecret("store.password"));
        assertTrue(Settings.isSecret("admin.token"));
        assertTrue(Settings.isSecret("auth.token.ci"));
        assertFalse(Settings.isSecret("http.tls.keystore"));
    }

    @Test
    void aTypoIsMatchedToTheClosestKeyAndNonsenseToNone() {
        assertEquals(Optional.of("search.timeout_ms"), Settings.closest("search.timeout"));
        assertEquals(Optional.of("http.max_body_bytes"), Settings.closest("http.max_bdy_bytes"));
        assertEquals(Optional.empty(), Settings.closest("foo.bar"));
    }

    @Test
    void aPatternsKeyIsFilledInOrder() {
        assertEquals("carrier.bw.bulkhead.max_calls", Settings.BULKHEAD_MAX_CALLS.keyFor("bw"));
    }

    @Test
    void aCarrierHostKeyRightUnderTheIdLeavesTheCarriersOwnKeysToThem() {
        assertEquals(Settings.CARRIER_MANDATORY, Settings.find("carrier.bandwidth.mandatory").orElseThrow());
        assertEquals(Settings.CARRIER_KEY, Settings.find("carrier.mock.fail").orElseThrow());
        assertEquals(Settings.CARRIER_KEY, Settings.find("carrier.bandwidth.base_url").orElseThrow());
    }
}
