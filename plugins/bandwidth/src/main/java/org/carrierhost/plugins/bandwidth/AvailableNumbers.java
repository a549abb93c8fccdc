package org.carrierhost.plugins.bandwidth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.carrierhost.api.NumberOffer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Reads a {@code SearchResult} into offers: the plain {@code TelephoneNumberList}, and the
 * {@code TelephoneNumberDetailList} whose city, rate center, LATA and state go into each offer's data. A
 * detail row names its number in {@code FullNumber} or, as some of Bandwidth's own SDK fixtures do, in
 * {@code TelephoneNumber}.
 *
 * <p>Thread-safe: stateless.
 */
public final class AvailableNumbers {

    private AvailableNumbers() {
    }

    /** The offers, in the carrier's order; an empty {@code SearchResult} gives none. */
    public static List<NumberOffer> read(Document doc) {
        Element root = doc.getDocumentElement();
        Map<String, NumberOffer> offers = new LinkedHashMap<>();
        for (Element tn : BandwidthXml.children(BandwidthXml.at(root, "TelephoneNumberList"), "TelephoneNumber")) {
            String digits = tn.getTextContent().trim();
            if (NanpNumber.isNanpDigits(digits)) {
                offers.putIfAbsent(NanpNumber.e164(digits), NumberOffer.of(NanpNumber.e164(digits)));
            }
        }
        Element details = BandwidthXml.at(root, "TelephoneNumberDetailList");
        for (Element detail : BandwidthXml.children(details, "TelephoneNumberDetail")) {
            String full = BandwidthXml.text(detail, "FullNumber");
            String digits = full.isEmpty() ? BandwidthXml.text(detail, "TelephoneNumber") : full;
            if (!NanpNumber.isNanpDigits(digits)) {
                continue;  // a row without a usable number offers nothing
            }
            Map<String, Object> data = new LinkedHashMap<>();
            put(data, "city", BandwidthXml.text(detail, "City"));
            put(data, "rate_center", BandwidthXml.text(detail, "RateCenter"));
            put(data, "lata", BandwidthXml.text(detail, "LATA"));
            put(data, "state", BandwidthXml.text(detail, "State"));
            offers.put(NanpNumber.e164(digits), new NumberOffer(NanpNumber.e164(digits), data));
        }
        return List.copyOf(offers.values());
    }

    private static void put(Map<String, Object> data, String key, String value) {
        if (!value.isEmpty()) {
            data.put(key, value);
        }
    }
}
