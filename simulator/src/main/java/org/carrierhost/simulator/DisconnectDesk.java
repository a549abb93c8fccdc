package org.carrierhost.simulator;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.w3c.dom.Element;

/**
 * Disconnect orders ({@code /disconnects}, {@code /disconnects/{id}}): takes them, answers in the shapes
 * Bandwidth publishes ({@code ErrorList} before {@code orderRequest}; a completed disconnect lists its
 * numbers under {@code DisconnectedTelephoneNumberList}), and lets their status move on as clients read it.
 * Disconnected numbers return to the stock.
 *
 * <p>Thread-safe: disconnects live in a concurrent map, and the stock and switches are thread-safe.
 */
final class DisconnectDesk {

    private static final String ROOT = "DisconnectTelephoneNumberOrderResponse";

    private final Stock stock;
    private final Failures failures;
    private final int pollsUntilComplete;
    private final Map<String, SimulatedOrder> disconnects = new ConcurrentHashMap<>();

    DisconnectDesk(Stock stock, Failures failures, int pollsUntilComplete) {
        this.stock = stock;
        this.failures = failures;
        this.pollsUntilComplete = pollsUntilComplete;
    }

    Answer placeDisconnect(String contentType, String body, String path) {
        PostedBody parsed = PostedBody.read(contentType, body, "DisconnectTelephoneNumberOrder", ROOT);
        if (parsed.refusal() != null) {
            return parsed.refusal();
        }
        Element order = parsed.root();
        List<String> numbers = RequestXml.numbers(order, "DisconnectTelephoneNumberOrderType");
        String name = RequestXml.childText(order, "Name");
        if (numbers.isEmpty() || !numbers.stream().allMatch(n -> n.matches("\\d{10}"))) {
            return Answer.errorList(400, ROOT, "1001",
                    "DisconnectTelephoneNumberOrderType/TelephoneNumberList must list ten-digit numbers", xml -> { });
        }
        if (failures.isOn(Failure.DISCONNECT_REJECTED)) {
            SimulatedOrder echo = new SimulatedOrder("", name, "", "", "", numbers, SimulatedOrder.Outcome.FAILED,
                    null, null, 0);
            return Answer.errorList(400, ROOT, "54321", "Some error description", xml -> orderRequest(xml, echo));
        }
        boolean released = !failures.isOn(Failure.DISCONNECT_FAILED) && stock.release(numbers);
        SimulatedOrder placed = new SimulatedOrder(UUID.randomUUID().toString(), name, "", "", "", numbers,
                released ? SimulatedOrder.Outcome.COMPLETE : SimulatedOrder.Outcome.FAILED,
                released ? null : "5006",
                released ? null : "Telephone number " + numbers.get(0) + " is not associated with your account",
                pollsUntilComplete);
        disconnects.put(placed.id, placed);
        XmlBuilder xml = new XmlBuilder().open(ROOT);
        orderRequest(xml, placed);
        if (!failures.isOn(Failure.DISCONNECT_PLACED_WITHOUT_STATUS)) {
            xml.element("OrderStatus", "RECEIVED");
        }
        return Answer.xml(201, xml.build()).withHeader("Location", placed.location(path));
    }

    /** {@code GET /disconnects/{id}} in the element order of the spec's ReadDisconnectOrder example. */
    Answer readDisconnect(String id) {
        SimulatedOrder order = disconnects.get(id);
        if (order == null) {
            return Answer.responseStatus(404, ROOT, "5007", "Disconnect order " + id + " not found");
        }
        boolean settled = order.poll();
        XmlBuilder xml = new XmlBuilder().open(ROOT);
        List<String> disconnected = order.completed(settled);
        if (!disconnected.isEmpty()) {
            xml.open("DisconnectedTelephoneNumberList");
            disconnected.forEach(n -> xml.element("TelephoneNumber", n));
            xml.close();
        }
        if (!order.failed(settled).isEmpty()) {
            order.errorList(xml, settled);
        }
        orderRequest(xml, order);
        return Answer.xml(200, xml.element("OrderStatus", order.status(settled)).build());
    }

    private static void orderRequest(XmlBuilder xml, SimulatedOrder order) {
        xml.open("orderRequest").element("Name", order.name).element("OrderCreateDate", order.created.toString());
        if (!order.id.isEmpty()) {
            xml.element("id", order.id);
        }
        xml.open("DisconnectTelephoneNumberOrderType").open("TelephoneNumberList");
        order.numbers.forEach(n -> xml.element("TelephoneNumber", n));
        xml.close().element("DisconnectMode", "normal").close().close();
    }
}
