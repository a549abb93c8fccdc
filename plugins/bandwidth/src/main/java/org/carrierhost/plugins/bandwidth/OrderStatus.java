package org.carrierhost.plugins.bandwidth;

import java.util.List;
import java.util.stream.Collectors;

import org.carrierhost.api.CarrierException;
import org.carrierhost.api.ErrorCode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Where a number order or disconnect order stands, read from an {@code OrderResponse} or a
 * {@code DisconnectTelephoneNumberOrderResponse}.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param id               the order id
 * @param status           {@code RECEIVED}, {@code PROCESSING}, {@code COMPLETE}, {@code PARTIAL}, {@code FAILED}, ...
 * @param name             the order's name, or empty
 * @param completedNumbers the numbers completed, in E.164
 * @param errors           the order's {@code ErrorList}
 */
public record OrderStatus(String id, String status, String name, List<String> completedNumbers,
                          List<BandwidthError> errors) {

    public OrderStatus {
        completedNumbers = List.copyOf(completedNumbers);
        errors = List.copyOf(errors);
    }

    /**
     * Reads a reply.
     *
     * @param knownId the id the order was placed under, kept because status reads may omit it; null on
     *                the placing reply, whose id is read from it
     * @throws CarrierException {@link ErrorCode#CARRIER_FAULT} when the reply has no status or no id
     */
    public static OrderStatus read(Document doc, String knownId) throws CarrierException {
        Element root = doc.getDocumentElement();
        String status = BandwidthXml.text(root, "OrderStatus");
        String id = knownId != null ? knownId : firstNonEmpty(BandwidthXml.text(root, "Order", "id"),
                BandwidthXml.text(root, "orderRequest", "id"), BandwidthXml.text(root, "id"));
        if (status.isEmpty() || id.isEmpty()) {
            throw new CarrierException(ErrorCode.CARRIER_FAULT, "unreadable reply", "<" + root.getTagName()
                    + "> carries no " + (status.isEmpty() ? "OrderStatus" : "order id")
                    + (id.isEmpty() ? "" : " (order " + id + ")"));
        }
        String name = firstNonEmpty(BandwidthXml.text(root, "Order", "Name"), BandwidthXml.text(root, "orderRequest", "Name"));
        List<String> completed = BandwidthXml.children(BandwidthXml.at(root, "CompletedNumbers"), "TelephoneNumber")
                .stream().map(tn -> BandwidthXml.text(tn, "FullNumber")).filter(NanpNumber::isNanpDigits)
                .map(NanpNumber::e164).toList();
        return new OrderStatus(id, status, name, completed, BandwidthXml.errorList(root));
    }

    private static String firstNonEmpty(String... texts) {
        for (String text : texts) {
            if (!text.isEmpty()) {
                return text;
            }
        }
        return "";
    }

    /** Whether Bandwidth is still working on it. */
    public boolean pending() {
        return status.equals("RECEIVED") || status.equals("PROCESSING");
    }

    /** The failure to report for an order that did not give us the number. */
    public CarrierException failure(String kind) {
        String reasons = errors.isEmpty() ? "no error given"
                : errors.stream().map(BandwidthError::toString).collect(Collectors.joining("; "));
        return new CarrierException(ErrorCode.CARRIER_FAULT, "bandwidth " + kind + " " + status.toLowerCase(
                java.util.Locale.ROOT), kind + " " + id + " " + status + ": " + reasons);
    }
}
