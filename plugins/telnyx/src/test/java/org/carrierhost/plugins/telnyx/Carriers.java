package org.carrierhost.plugins.telnyx;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.carrierhost.api.CarrierConfig;
import org.carrierhost.api.CarrierContext;
import org.carrierhost.api.NumberRecord;
import org.carrierhost.api.NumberState;

/** Started Telnyx carriers and number records for the plugin's tests. */
final class Carriers {

    static final String KEY = "KEYtest-2b7d";

    private Carriers() {
    }

    /** A carrier started against {@code baseUrl} with the test key, a 10 ms poll interval and {@code extra} over them. */
    static TelnyxCarrier started(String baseUrl, Map<String, String> extra) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("base_url", baseUrl);
        config.put("api_key", KEY);
        config.put("order_poll_interval_ms", "10");
        config.putAll(extra);
        TelnyxCarrier carrier = new TelnyxCarrier();
        carrier.start(CarrierContext.of("telnyx", new CarrierConfig(config), Path.of("target"), Optional.empty()));
        return carrier;
    }

    static NumberRecord number(String e164) {
        return new NumberRecord(e164, NumberState.DISCOVERY, "telnyx", "acct-1", Map.of());
    }
}
