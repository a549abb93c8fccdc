package org.carrierhost.plugins.bandwidth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.carrierhost.api.CarrierException;
import org.carrierhost.api.ErrorCode;
import org.w3c.dom.Element;

/**
 * Where a number order or disconnect order stands, read from an {@code OrderResponse} or a
 * {@code DisconnectTelephoneNumberOrderResponse} in any of the shapes Bandwidth publishes. Every element
 * but the id may be missing: a reply without {@code OrderStatus} gives an <em>unknown</em> status, which is
 * polled again like a pending one and never taken as a failure.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param id               the order id
 * @param status           {@code RECEIVED}, {@code PROCESSING}, {@code COMPLETE}, {@code PARTIAL},
 *                         {@code FAILED}, ..., or empty when the reply did not say
 * @param name             the order's name, or empty
 * @param completedNumbers the numbers completed (an order's {@code CompletedNumbers}, a disconnect's
 *                         {@code DisconnectedTelephoneNumberList}), in E.164
 * @param errors           the order's {@code ErrorList}
 */
public record OrderStatus(String id, String status, String name, List<String> completedNumbers,
                          List<BandwidthError> errors) {

    private static final Set<String> SETTLED = Set.of("COMPLETE", "PARTIAL", "FAILED");

    public OrderStatus {
        completedNumbers = List.copyOf(completedNumbers);
        errors = List.copyOf(errors);
    }

    /** An order known only by its id: placed, but no readable reply has said how it stands. */
    public static OrderStatus unknown(String id) {
        return new OrderStatus(id, "", "", List.of(), List.of());
    }

    /**
     * Reads a reply about order {@code id}.
     *
     * @param root the reply's root element
     * @param id   the order's id, kept because status reads may omit it
     */
    public static OrderStatus read(Element root, String id) {
        String name = firstNonEmpty(BandwidthXml.text(root, "Order", "Name"),
                BandwidthXml.text(root, "orderRequest", "Name"));
        return new OrderStatus(id, BandwidthXml.text(root, "OrderStatus"), name, completed(root),
                BandwidthXml.errorList(root));
    }

    /** The order id a reply names ({@code Order/id}, {@code orderRequest/id}, {@code id}, {@code OrderId}), or empty. */
    public static String idIn(Element root) {
        return firstNonEmpty(BandwidthXml.text(root, "Order", "id"), BandwidthXml.text(root, "orderRequest", "id"),
                BandwidthXml.text(root, "id"), BandwidthXml.text(root, "OrderId"));
    }

    /**
     * {@code CompletedNumbers/TelephoneNumber/FullNumber} (or a bare {@code CompletedNumbers/TelephoneNumber})
     * and {@code DisconnectedTelephoneNumberList/TelephoneNumber}.
     */
    private static List<String> completed(Element root) {
        List<String> digits = new ArrayList<>();
        for (Element tn : BandwidthXml.children(BandwidthXml.at(root, "CompletedNumbers"), "TelephoneNumber")) {
            String full = BandwidthXml.text(tn, "FullNumber");
            digits.add(full.isEmpty() ? tn.getTextContent().trim() : full);
        }
        BandwidthXml.children(BandwidthXml.at(root, "DisconnectedTelephoneNumberList"), "TelephoneNumber")
                .forEach(tn -> digits.add(tn.getTextContent().trim()));
        return digits.stream().filter(NanpNumber::isNanpDigits).map(NanpNumber::e164).distinct().toList();
    }

    private static String firstNonEmpty(String... texts) {
        for (String text : texts) {
            if (!text.isEmpty()) {
                return text;
            }
        }
        return "";
    }

    /** Whether the reply said how the order stands at all. */
    public boolean known() {
        return !status.isEmpty();
    }

    /** Whether Bandwidth is done with it: {@code COMPLETE}, {@code PARTIAL} or {@code FAILED}. */
    public boolean settled() {
        return SETTLED.contains(status);
    }

    /** Whether {@code e164} is among the completed numbers. */
    public boolean completed(String e164) {
        return completedNumbers.contains(e164);
    }

    /** The failure to report for an order that did not give us the number. */
    public CarrierException failure(String kind) {
        String reasons = errors.isEmpty() ? "no error given"
                : errors.stream().map(BandwidthError::toString).collect(Collectors.joining("; "));
        return new CarrierException(ErrorCode.CARRIER_FAULT, "bandwidth " + kind + " " + status.toLowerCase(
                Locale.ROOT), kind + " " + id + " " + status + ": " + reasons);
    }
}
