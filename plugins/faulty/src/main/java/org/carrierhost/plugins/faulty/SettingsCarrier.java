package org.carrierhost.plugins.faulty;

import java.util.List;
import java.util.Map;

import org.carrierhost.api.CarrierContext;
import org.carrierhost.api.CarrierException;
import org.carrierhost.api.CarrierSetting;
import org.carrierhost.api.NumberOffer;
import org.carrierhost.api.SearchOptions;
import org.carrierhost.api.SearchResult;

/**
 * A carrier whose behaviour follows its declared settings, to show a settings change taking effect: each search
 * offers one number (the prefix followed by zeros) tagged with its {@code greeting}; with {@code refuse_start}
 * true its {@code start} throws, so settings the host takes as valid still fail to start.
 *
 * <p>Thread-safe: its only state, the greeting, is set once in {@code start} and read after.
 */
public class SettingsCarrier extends QuietCarrier {

    private volatile String greeting;

    @Override
    public List<CarrierSetting> settings() {
        return List.of(
                CarrierSetting.text("greeting", "the tag every offer carries").withDefault("hello"),
                CarrierSetting.flag("refuse_start", false, "whether start() throws"),
                CarrierSetting.text("token", "a secret, never shown").asSecret());
    }

    @Override
    public void start(CarrierContext context) throws CarrierException {
        if (context.config().getBoolean("refuse_start", false)) {
            throw new IllegalStateException("refused to start, as refuse_start says");
        }
        greeting = context.config().get("greeting", "hello");
    }

    @Override
    public SearchResult findNumbers(String e164Prefix, int quantity, SearchOptions options) {
        String number = e164Prefix + "0".repeat(Math.max(0, 12 - e164Prefix.length()));
        return SearchResult.offers(List.of(new NumberOffer(number, Map.of("greeting", greeting))));
    }
}
