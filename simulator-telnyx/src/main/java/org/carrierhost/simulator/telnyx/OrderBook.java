package org.carrierhost.simulator.telnyx;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulator's number orders. An order answers {@code pending} until it has been read
 * {@code pollsUntilSettled} times; then each of its numbers settles on its own, {@code success} (the account
 * holds it) or {@code failure} (it goes back to the stock), as the switches say. The order's own status is
 * {@code success} when any number succeeded and {@code failure} when none did: the spec has no partial status.
 *
 * <p>Thread-safe: every method synchronises on this.
 */
final class OrderBook {

    private static final class Line {
        final String id = UUID.randomUUID().toString();
        final Inventory.ForSale number;
        String status = "pending";

        Line(Inventory.ForSale number) {
            this.number = number;
        }
    }

    private static final class Order {
        final String id = UUID.randomUUID().toString();
        final String customerReference;
        final String connectionId;
        final String messagingProfileId;
        final String createdAt = Instant.now().toString();
        String updatedAt = createdAt;
        final List<Line> lines = new ArrayList<>();
        int pollsLeft;
        String status = "pending";

        Order(String customerReference, String connectionId, String messagingProfileId, int polls) {
            this.customerReference = customerReference;
            this.connectionId = connectionId;
            this.messagingProfileId = messagingProfileId;
            this.pollsLeft = polls;
        }
    }

    private final Map<String, Order> orders = new LinkedHashMap<>();
    private final Inventory inventory;
    private final Switches switches;
    private final int pollsUntilSettled;
    private final AtomicLong settled = new AtomicLong();

    OrderBook(Inventory inventory, Switches switches, int pollsUntilSettled) {
        this.inventory = inventory;
        this.switches = switches;
        this.pollsUntilSettled = pollsUntilSettled;
    }

    /**
     * Places an order for {@code numbers}, each taken out of the stock.
     *
     * @return the order as the reply shows it, or empty when a number is not for sale (named in {@code missing})
     */
    synchronized Optional<Map<String, Object>> place(List<String> numbers, String customerReference, String connectionId,
                                                     String messagingProfileId, List<String> missing) {
        for (String e164 : numbers) {
            if (!inventory.isForSale(e164)) {
                missing.add(e164);
            }
        }
        if (!missing.isEmpty()) {
            return Optional.empty();
        }
        Order order = new Order(customerReference, connectionId, messagingProfileId, pollsUntilSettled);
        for (String e164 : numbers) {
            Inventory.ForSale forSale = inventory.forSale().stream().filter(n -> n.e164().equals(e164)).findFirst()
                    .orElse(Inventory.described(e164));
            inventory.take(e164);
            order.lines.add(new Line(forSale));
        }
        orders.put(order.id, order);
        if (pollsUntilSettled == 0) {
            settle(order);
        }
        return Optional.of(shown(order));
    }

    /** The order, read once more (which may settle it); empty when unknown. */
    synchronized Optional<Map<String, Object>> read(String id) {
        Order order = orders.get(id);
        if (order == null) {
            return Optional.empty();
        }
        if (order.status.equals("pending") && !switches.isOn(TelnyxSwitch.NEVER_COMPLETE)) {
            order.pollsLeft--;
            if (order.pollsLeft <= 0) {
                settle(order);
            }
        }
        return Optional.of(shown(order));
    }

    /** The orders placed with {@code customerReference}, newest first, without reading them. */
    synchronized List<Map<String, Object>> byReference(String customerReference) {
        List<Map<String, Object>> found = new ArrayList<>();
        for (Order order : orders.values()) {
            if (customerReference == null || order.customerReference.equals(customerReference)) {
                found.add(0, shown(order));
            }
        }
        return found;
    }

    /** How many orders were placed. */
    synchronized int size() {
        return orders.size();
    }

    private void settle(Order order) {
        boolean any = false;
        for (Line line : order.lines) {
            boolean second = settled.incrementAndGet() % 2 == 0;
            boolean fails = switches.isOn(TelnyxSwitch.ORDER_FAILED) || switches.isOn(TelnyxSwitch.FAIL_ONE_OF_TWO) && second;
            if (fails) {
                line.status = "failure";
                inventory.putBack(line.number);
            } else {
                line.status = "success";
                inventory.own(line.number.e164(), order.customerReference, order.connectionId);
                any = true;
            }
        }
        order.status = any ? "success" : "failure";
        order.updatedAt = Instant.now().toString();
    }

    private static Map<String, Object> shown(Order order) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", order.id);
        data.put("record_type", "number_order");
        data.put("phone_numbers_count", order.lines.size());
        data.put("connection_id", order.connectionId);
        data.put("messaging_profile_id", order.messagingProfileId);
        data.put("billing_group_id", null);
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Line line : order.lines) {
            Map<String, Object> shownLine = new LinkedHashMap<>();
            shownLine.put("id", line.id);
            shownLine.put("record_type", "number_order_phone_number");
            shownLine.put("phone_number", line.number.e164());
            shownLine.put("phone_number_type", line.number.type());
            shownLine.put("country_code", "US");
            shownLine.put("regulatory_requirements", List.of());
            shownLine.put("requirements_met", true);
            shownLine.put("requirements_status", "approved");
            shownLine.put("status", line.status);
            lines.add(shownLine);
        }
        data.put("phone_numbers", lines);
        data.put("status", order.status);
        data.put("customer_reference", order.customerReference);
        data.put("created_at", order.createdAt);
        data.put("updated_at", order.updatedAt);
        data.put("requirements_met", true);
        return data;
    }
}
