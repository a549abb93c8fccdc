package org.carrierhost.host.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.carrierhost.api.CarrierConfig;
import org.carrierhost.api.CarrierSetting;
import org.junit.jupiter.api.Test;

/** The host's reading of a carrier's declared settings: what is missing, what is wrong, and what is shown. */
class DeclaredSettingsTest {

    private static final DeclaredSettings DECLARED = new DeclaredSettings("acme", List.of(
            CarrierSetting.url("base_url", "where").asRequired(),
            CarrierSetting.text("token", "the key").asRequired().asSecret(),
            CarrierSetting.millis("timeout_ms", 1, 60_000, 5_000, "deadline"),
            CarrierSetting.choice("region", List.of("east", "west"), "which region")));

    @Test
    void aRequiredKeyThatIsUnsetIsMissingInDeclaredOrder() {
        assertEquals(List.of("base_url", "token"), DECLARED.missing(CarrierConfig.empty()));
        assertEquals(List.of("token"), DECLARED.missing(new CarrierConfig(Map.of("base_url", "http://h"))));
    }

    @Test
    void aValueOutOfItsBoundsIsAProblemNamingTheFullKeyAndTheRule() {
        List<String> problems = DECLARED.problems(new CarrierConfig(Map.of("timeout_ms", "0", "region", "north")));
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("carrier.acme.timeout_ms: must be from 1 to 60000"), problems.get(0));
        assertTrue(problems.get(1).startsWith("carrier.acme.region: must be one of east, west"), problems.get(1));
    }

    @Test
    void aUrlMustBeHttpWithAHost() {
        assertEquals(1, DECLARED.problems(new CarrierConfig(Map.of("base_url", "ftp://h"))).size());
        assertEquals(0, DECLARED.problems(new CarrierConfig(Map.of("base_url", "https://h.example/api"))).size());
    }

    @Test
    void aSecretIsShownMaskedEvenWhenItsValueIsWrong() {
        List<DeclaredSettings.Shown> shown = DECLARED.shown(new CarrierConfig(Map.of("token", "s3cret")),
                key -> DeclaredSettings.Source.ENVIRONMENT);
        DeclaredSettings.Shown token = shown.get(1);
        assertEquals(Setting.MASK, token.value());
        assertEquals("environment", token.source());
        assertTrue(token.valid());
        DeclaredSettings.Shown timeout = shown.get(2);
        assertEquals("5000", timeout.value());
        assertEquals("default", timeout.source());
        DeclaredSettings.Shown region = shown.get(3);
        assertEquals("unset", region.source());
        assertTrue(region.valid(), "an optional unset key is valid");
        assertFalse(shown.get(0).valid(), "a required unset key is not");
    }

    @Test
    void aCarrierThatDeclaresNothingLacksNothing() {
        DeclaredSettings none = DeclaredSettings.none("plain");
        assertEquals(List.of(), none.missing(new CarrierConfig(Map.of("anything", "x"))));
        assertEquals(List.of(), none.problems(new CarrierConfig(Map.of("anything", "x"))));
    }

    @Test
    void aKeyCloseToADeclaredOneIsAProblemWithDidYouMean() {
        List<String> problems = DECLARED.problems(new CarrierConfig(Map.of("base_url", "http://h", "tokn", "s3cret")));

        assertEquals(List.of("carrier.acme.tokn is not a setting of acme; did you mean carrier.acme.token?"), problems);
    }

    @Test
    void aKeyFarFromEveryDeclaredOneOrReadByTheHostIsLeftAlone() {
        assertEquals(List.of(), DECLARED.problems(new CarrierConfig(Map.of("legacy_account", "7", "mandatory", "true",
                "breaker.window", "5"))));
    }
}
