package org.carrierhost.plugins.bandwidth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.carrierhost.api.NumberAttributes;
import org.carrierhost.api.NumberOffer;
import org.carrierhost.api.NumberType;
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
                offers.putIfAbsent(NanpNumber.e164(digits), NumberOffer.of(NanpNumber.e164(digits), typed(digits, null, null, null),
                        Map.of()));
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
            offers.put(NanpNumber.e164(digits), NumberOffer.of(NanpNumber.e164(digits), typed(digits, BandwidthXml.text(detail, "City"),
                    BandwidthXml.text(detail, "State"), BandwidthXml.text(detail, "RateCenter")), data));
        }
        return List.copyOf(offers.values());
    }

    /** The normalised attributes of a number: its city, state and rate center where given, and its type. */
    private static NumberAttributes typed(String digits, String city, String state, String rateCenter) {
        NumberType type = SearchQuery.TOLL_FREE_NPAS.contains(digits.substring(0, 3)) ? NumberType.TOLL_FREE : NumberType.LOCAL;
        return new NumberAttributes(blankToNull(city), blankToNull(state), null, blankToNull(rateCenter), type, java.util.Set.of());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static void put(Map<String, Object> data, String key, String value) {
        if (!value.isEmpty()) {
            data.put(key, value);
        }
    }
}
