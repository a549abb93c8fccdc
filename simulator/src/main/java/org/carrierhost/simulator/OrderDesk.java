package org.carrierhost.simulator;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.w3c.dom.Element;

/**
 * Number orders ({@code /orders}, {@code /orders/{id}}): takes them, answers in the shapes Bandwidth
 * publishes, and lets their status move on as clients read it. Ordered numbers leave the available stock
 * when the order is accepted. The {@link Failure} switches pick the outcome and the published variants of
 * the replies (no {@code OrderStatus} on the placement or on status reads).
 *
 * <p>Thread-safe: orders live in a concurrent map, and the stock and switches are thread-safe.
 */
final class OrderDesk {

    private static final String ROOT = "OrderResponse";

    private final Stock stock;
    private final Failures failures;
    private final int pollsUntilComplete;
    private final Map<String, SimulatedOrder> orders = new ConcurrentHashMap<>();

    OrderDesk(Stock stock, Failures failures, int pollsUntilComplete) {
        this.stock = stock;
        this.failures = failures;
        this.pollsUntilComplete = pollsUntilComplete;
    }

    Answer placeOrder(String contentType, String body, String path) {
        PostedBody parsed = PostedBody.read(contentType, body, "Order", ROOT);
        if (parsed.refusal() != null) {
            return parsed.refusal();
        }
        Element order = parsed.root();
        List<String> numbers = RequestXml.numbers(order, "ExistingTelephoneNumberOrderType");
        String siteId = RequestXml.childText(order, "SiteId");
        SimulatedOrder placed = new SimulatedOrder(UUID.randomUUID().toString(), RequestXml.childText(order, "Name"),
                RequestXml.childText(order, "CustomerOrderId"), siteId, RequestXml.childText(order, "PeerId"),
                numbers, SimulatedOrder.Outcome.PENDING, null, null, pollsUntilComplete);
        String problem = numbers.isEmpty() ? "ExistingTelephoneNumberOrderType/TelephoneNumberList is empty"
                : numbers.stream().filter(n -> !n.matches("\\d{10}")).findFirst()
                        .map(n -> "TelephoneNumber '" + n + "' is not ten digits")
                        .orElse(siteId.isEmpty() ? "SiteId is required" : null);
        if (problem != null) {
            return Answer.errorList(400, ROOT, "1001", problem, xml -> orderElement(xml, placed, false));
        }
        if (failures.isOn(Failure.ORDER_REJECTED)) {
            return Answer.errorList(400, ROOT, "5016", "The SiteId submitted is invalid.",
                    xml -> orderElement(xml, placed, false));
        }
        SimulatedOrder decided = decide(placed);
        orders.put(decided.id, decided);
        XmlBuilder xml = new XmlBuilder().open(ROOT);
        orderElement(xml, decided, true);
        if (!failures.isOn(Failure.ORDER_PLACED_WITHOUT_STATUS)) {
            xml.element("OrderStatus", "RECEIVED");
        }
        return Answer.xml(201, xml.build()).withHeader("Location", decided.location(path));
    }

    /** The order with the outcome the switches and the stock give it. */
    private SimulatedOrder decide(SimulatedOrder o) {
        SimulatedOrder.Outcome outcome;
        String code = null;
        String description = null;
        boolean partial = failures.isOn(Failure.ORDER_PARTIAL);
        if (failures.isOn(Failure.ORDER_FAILED) || (!partial && !stock.take(o.numbers))) {
            outcome = SimulatedOrder.Outcome.FAILED;
            code = "5018";
            description = "The entire quantity of telephone numbers ordered is unavailable";
        } else if (partial) {
            outcome = SimulatedOrder.Outcome.PARTIAL;
            code = "5005";
            description = "The telephone number is unavailable for ordering";
        } else if (failures.isOn(Failure.ORDER_PARTIAL_WITH_NUMBER)) {
            outcome = SimulatedOrder.Outcome.PARTIAL_WITH_NUMBER;
        } else {
            outcome = failures.isOn(Failure.ORDER_PENDING) ? SimulatedOrder.Outcome.PENDING
                    : SimulatedOrder.Outcome.COMPLETE;
        }
        return new SimulatedOrder(o.id, o.name, o.customerOrderId, o.siteId, o.peerId, o.numbers, outcome, code,
                description, pollsUntilComplete);
    }

    /** {@code GET /orders/{id}} in the element order of the spec's RetrieveOrder example; it omits the id. */
    Answer readOrder(String id) {
        SimulatedOrder order = orders.get(id);
        if (order == null) {
            return Answer.responseStatus(404, ROOT, "5007", "Order " + id + " not found");
        }
        boolean settled = order.poll();
        List<String> completed = order.completed(settled);
        List<String> failed = order.failed(settled);
        XmlBuilder xml = new XmlBuilder().open(ROOT);
        xml.element("CompletedQuantity", String.valueOf(completed.size())).element("CreatedByUser", "carrier");
        order.errorList(xml, settled);
        xml.open("FailedNumbers");
        failed.forEach(n -> xml.element("FullNumber", n));
        xml.close().element("LastModifiedDate", order.created.toString());
        if (settled) {
            xml.element("OrderCompleteDate", order.created.toString());
        }
        orderElement(xml, order, false);
        if (!failures.isOn(Failure.ORDER_STATUS_MISSING)) {
            xml.element("OrderStatus", order.status(settled));
        }
        xml.open("CompletedNumbers");
        completed.forEach(n -> xml.open("TelephoneNumber").element("FullNumber", n).close());
        xml.close().element("FailedQuantity", String.valueOf(failed.size()));
        return Answer.xml(200, xml.build());
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
}
