package org.carrierhost.simulator;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Number orders ({@code /orders}) and disconnect orders ({@code /disconnects}): takes them, answers
 * RECEIVED, and lets their status move on as clients read it. Ordered numbers leave the available stock
 * when the order is accepted; disconnected numbers return to it.
 *
 * <p>Thread-safe: orders live in concurrent maps, and the stock and switches are thread-safe.
 */
final class OrderDesk {

    private final Stock stock;
    private final Failures failures;
    private final int pollsUntilComplete;
    private final Map<String, SimulatedOrder> orders = new ConcurrentHashMap<>();
    private final Map<String, SimulatedOrder> disconnects = new ConcurrentHashMap<>();

    OrderDesk(Stock stock, Failures failures, int pollsUntilComplete) {
        this.stock = stock;
        this.failures = failures;
        this.pollsUntilComplete = pollsUntilComplete;
    }

    Answer placeOrder(String contentType, String body) {
        Body parsed = Body.read(contentType, body, "Order", "OrderResponse");
        if (parsed.refusal() != null) {
            return parsed.refusal();
        }
        Element order = parsed.root();
        List<String> numbers = RequestXml.numbers(order, "ExistingTelephoneNumberOrderType");
        String siteId = RequestXml.childText(order, "SiteId");
        String problem = numbers.isEmpty() ? "ExistingTelephoneNumberOrderType/TelephoneNumberList is empty"
                : numbers.stream().filter(n -> !n.matches("\\d{10}")).findFirst()
                        .map(n -> "TelephoneNumber '" + n + "' is not ten digits")
                        .orElse(siteId.isEmpty() ? "SiteId is required" : null);
        if (problem != null) {
            return Answer.responseStatus(400, "OrderResponse", "1001", problem);
        }
        SimulatedOrder.Outcome outcome;
        String code = null;
        String description = null;
        if (failures.isOn(Failure.ORDER_FAILED) || (!failures.isOn(Failure.ORDER_PARTIAL) && !stock.take(numbers))) {
            outcome = SimulatedOrder.Outcome.FAILED;
            code = "5018";
            description = "The entire quantity of telephone numbers ordered is unavailable";
        } else if (failures.isOn(Failure.ORDER_PARTIAL)) {
            outcome = SimulatedOrder.Outcome.PARTIAL;
            code = "5005";
            description = "The telephone number is unavailable for ordering";
        } else {
            outcome = failures.isOn(Failure.ORDER_PENDING) ? SimulatedOrder.Outcome.PENDING
                    : SimulatedOrder.Outcome.COMPLETE;
        }
        SimulatedOrder placed = new SimulatedOrder(UUID.randomUUID().toString(), RequestXml.childText(order, "Name"),
                RequestXml.childText(order, "CustomerOrderId"), siteId, RequestXml.childText(order, "PeerId"),
                numbers, outcome, code, description, pollsUntilComplete);
        orders.put(placed.id, placed);
        XmlBuilder xml = new XmlBuilder().open("OrderResponse");
        orderElement(xml, placed, true);
        return Answer.xml(201, xml.element("OrderStatus", "RECEIVED").build());
    }

    Answer readOrder(String id) {
        SimulatedOrder order = orders.get(id);
        if (order == null) {
            return Answer.responseStatus(404, "OrderResponse", "5007", "Order " + id + " not found");
        }
        String status = order.poll();
        XmlBuilder xml = new XmlBuilder().open("OrderResponse");
        boolean complete = status.equals("COMPLETE");
        xml.element("CompletedQuantity", complete ? String.valueOf(order.numbers.size()) : "0");
        errorList(xml, status, order);
        xml.open("FailedNumbers");
        if (status.equals("FAILED") || status.equals("PARTIAL")) {
            order.numbers.forEach(n -> xml.element("FullNumber", n));
        }
        xml.close();
        // Bandwidth's GET omits the order id, which is why clients must keep the one the POST gave.
        orderElement(xml, order, false);
        xml.element("OrderStatus", status);
        xml.open("CompletedNumbers");
        if (complete) {
            order.numbers.forEach(n -> xml.open("TelephoneNumber").element("FullNumber", n).close());
        }
        xml.close();
        return Answer.xml(200, xml.build());
    }

    Answer placeDisconnect(String contentType, String body) {
        String root = "DisconnectTelephoneNumberOrderResponse";
        Body parsed = Body.read(contentType, body, "DisconnectTelephoneNumberOrder", root);
        if (parsed.refusal() != null) {
            return parsed.refusal();
        }
        Element order = parsed.root();
        List<String> numbers = RequestXml.numbers(order, "DisconnectTelephoneNumberOrderType");
        if (numbers.isEmpty() || !numbers.stream().allMatch(n -> n.matches("\\d{10}"))) {
            return Answer.responseStatus(400, root, "1001",
                    "DisconnectTelephoneNumberOrderType/TelephoneNumberList must list ten-digit numbers");
        }
        boolean released = !failures.isOn(Failure.DISCONNECT_FAILED) && stock.release(numbers);
        SimulatedOrder placed = new SimulatedOrder(UUID.randomUUID().toString(), RequestXml.childText(order, "Name"),
                "", "", "", numbers, released ? SimulatedOrder.Outcome.COMPLETE : SimulatedOrder.Outcome.FAILED,
                released ? null : "5006",
                released ? null : "Telephone number " + numbers.get(0) + " is not associated with your account",
                pollsUntilComplete);
        disconnects.put(placed.id, placed);
        return Answer.xml(201, disconnectReply(placed, "RECEIVED"));
    }

    Answer readDisconnect(String id) {
        SimulatedOrder order = disconnects.get(id);
        if (order == null) {
            return Answer.responseStatus(404, "DisconnectTelephoneNumberOrderResponse", "5007",
                    "Disconnect order " + id + " not found");
        }
        return Answer.xml(200, disconnectReply(order, order.poll()));
    }

    private static String disconnectReply(SimulatedOrder order, String status) {
        XmlBuilder xml = new XmlBuilder().open("DisconnectTelephoneNumberOrderResponse");
        xml.open("orderRequest").element("Name", order.name).element("OrderCreateDate", order.created.toString())
                .element("id", order.id).open("DisconnectTelephoneNumberOrderType").open("TelephoneNumberList");
        order.numbers.forEach(n -> xml.element("TelephoneNumber", n));
        xml.close().element("DisconnectMode", "normal").close().close();
        errorList(xml, status, order);
        return xml.element("OrderStatus", status).build();
    }

    private static void orderElement(XmlBuilder xml, SimulatedOrder order, boolean withId) {
        xml.open("Order").element("CustomerOrderId", order.customerOrderId).element("Name", order.name)
                .element("OrderCreateDate", order.created.toString()).element("PeerId", order.peerId)
                .element("BackOrderRequested", "false");
        if (withId) {
            xml.element("id", order.id);
        }
        xml.open("ExistingTelephoneNumberOrderType").open("TelephoneNumberList");
        order.numbers.forEach(n -> xml.element("TelephoneNumber", n));
        xml.close().close().element("PartialAllowed", "true").element("SiteId", order.siteId).close();
    }

    private static void errorList(XmlBuilder xml, String status, SimulatedOrder order) {
        xml.open("ErrorList");
        if ((status.equals("FAILED") || status.equals("PARTIAL")) && order.errorCode != null) {
            xml.error(order.errorCode, order.errorDescription);
        }
        xml.close();
    }

    /**
     * A posted body: its root element, or the reply refusing it (not declared as XML: 415; malformed or
     * another root: 400).
     */
    private record Body(Element root, Answer refusal) {

        static Body read(String contentType, String body, String expectedRoot, String replyRoot) {
            String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).trim();
            if (!type.startsWith("application/xml") && !type.startsWith("text/xml")) {
                return new Body(null, Answer.responseStatus(415, replyRoot, "1002", "Content-Type must be "
                        + "application/xml, got '" + (contentType == null ? "" : contentType) + "'"));
            }
            try {
                Document doc = RequestXml.parse(body);
                Element root = doc.getDocumentElement();
                if (root.getTagName().equals(expectedRoot)) {
                    return new Body(root, null);
                }
                return new Body(null, Answer.responseStatus(400, replyRoot, "1001",
                        "expected a <" + expectedRoot + "> body, got <" + root.getTagName() + ">"));
            } catch (IllegalArgumentException e) {
                return new Body(null, Answer.responseStatus(400, replyRoot, "1001", e.getMessage()));
            }
        }
    }
}
