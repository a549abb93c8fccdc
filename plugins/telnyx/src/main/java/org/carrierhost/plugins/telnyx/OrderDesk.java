package org.carrierhost.plugins.telnyx;

import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

import org.carrierhost.api.CarrierException;
import org.carrierhost.api.ErrorCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Buys one number: looks for an order this acquire already made (by its {@code customer_reference}), places one
 * ({@code POST /number_orders}) only when there is none, and polls it ({@code GET /number_orders/{id}}) until our
 * number's own status is {@code success} or {@code failure}, or {@code order_timeout_ms} has passed.
 *
 * <p><b>Never buys twice.</b> An order POST is never sent again: after a 5xx, no reply or an unreadable one, the
 * order is looked up by its reference; when it is not found the acquire fails saying so, and the next acquire
 * looks again before it places anything. An earlier {@code success} order only counts while the account still
 * holds the number (a released number can be bought again).
 *
 * <p>Thread-safe: an immutable value over thread-safe parts; each call keeps its state on the caller's stack.
 *
 * @param client   the HTTP client
 * @param numbers  the account's numbers
 * @param settings the configuration (connection, messaging profile, poll interval and timeout)
 */
public record OrderDesk(TelnyxClient client, PhoneNumbers numbers, TelnyxSettings settings) {

    /**
     * A bought number.
     *
     * @param order         the order, as last read
     * @param reference     its customer reference
     * @param phoneNumberId Telnyx's id of the number in the account, when it could be found
     */
    public record Bought(NumberOrder order, String reference, Optional<String> phoneNumberId) {
    }

    /** The customer reference of the acquire of {@code e164}: the same on every retry, so a retry finds its order. */
    public static String referenceFor(String e164) {
        return "carrier-host:" + e164;
    }

    /**
     * Buys {@code e164}.
     *
     * @throws CarrierException the refusal; {@link ErrorCode#CARRIER_FAULT} with the order id when our number ended
     *                          {@code failure}; {@link ErrorCode#TIMEOUT} "telnyx order state unknown" naming the order
     *                          when it is still pending at the timeout
     */
    public Bought buy(String e164) throws CarrierException {
        String reference = referenceFor(e164);
        Optional<NumberOrder> earlier = earlierOrder(e164, reference);
        NumberOrder order = earlier.isPresent() ? earlier.get() : place(e164, reference);
        NumberOrder settled = await(order, e164);
        if (!settled.statusOf(e164).equals("success")) {
            String met = settled.line(e164).flatMap(NumberOrder.Line::requirementsMet)
                    .map(m -> "; requirements_met=" + m).orElse("");
            throw new CarrierException(ErrorCode.CARRIER_FAULT, "telnyx order failed",
                    "order " + settled.id() + " (customer_reference '" + reference + "'): " + e164 + " status "
                            + settled.statusOf(e164) + "; order status " + settled.status() + met);
        }
        Optional<String> id;
        try {
            id = numbers.idOf(e164);
        } catch (CarrierException e) {
            id = Optional.empty(); // bought all the same; a disconnect looks the id up then
        }
        return new Bought(settled, reference, id);
    }

    private NumberOrder place(String e164, String reference) throws CarrierException {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putArray("phone_numbers").addObject().put("phone_number", e164);
        if (!settings.connectionId().isEmpty()) {
            body.put("connection_id", settings.connectionId());
        }
        if (!settings.messagingProfileId().isEmpty()) {
            body.put("messaging_profile_id", settings.messagingProfileId());
        }
        body.put("customer_reference", reference);
        TelnyxClient.PostOutcome outcome = client.post("/number_orders", body);
        if (outcome instanceof TelnyxClient.PostOutcome.Refused refused) {
            throw refused.failure();
        }
        if (outcome instanceof TelnyxClient.PostOutcome.Accepted accepted) {
            Optional<NumberOrder> order = NumberOrder.read(accepted.body().path("data"));
            if (order.isPresent()) {
                return order.get();
            }
        }
        CarrierException why = outcome instanceof TelnyxClient.PostOutcome.Unknown unknown ? unknown.failure()
                : new CarrierException(ErrorCode.CARRIER_FAULT, "telnyx accepted the order without an id", "no data.id");
        return earlierOrder(e164, reference).orElseThrow(() -> new CarrierException(ErrorCode.CARRIER_FAULT,
                "telnyx order state unknown", "POST /number_orders: " + why.getMessage() + " (" + why.detail()
                        + "); no order with customer_reference '" + reference + "' was found, and the order was not "
                        + "sent again: an acquire again looks it up first").withData(Map.of("customer_reference", reference)));
    }

    /**
     * The newest order with {@code reference} that holds our number pending, or bought while the account still
     * holds it.
     */
    private Optional<NumberOrder> earlierOrder(String e164, String reference) throws CarrierException {
        String query = Query.encode("filter[customer_reference]") + "="
                + Query.encode(reference);
        JsonNode found = client.get("/number_orders?" + query).path("data");
        Optional<NumberOrder> best = Optional.empty();
        for (JsonNode data : found) {
            Optional<NumberOrder> order = NumberOrder.read(data)
                    .filter(o -> o.statusOf(e164).equals("pending") || o.statusOf(e164).equals("success"));
            if (order.isPresent() && (best.isEmpty() || NEWEST.compare(order.get(), best.get()) < 0)) {
                best = order;
            }
        }
        if (best.isPresent() && best.get().statusOf(e164).equals("success") && numbers.idOf(e164).isEmpty()) {
            return Optional.empty(); // bought once and released since: this acquire buys it again
        }
        return best;
    }

    private static final Comparator<NumberOrder> NEWEST = Comparator.comparing(NumberOrder::createdAt).reversed();

    /** Reads the order until our number's status is settled, or the time is up. */
    private NumberOrder await(NumberOrder first, String e164) throws CarrierException {
        long deadline = System.nanoTime() + settings.orderTimeout().toNanos();
        String path = "/number_orders/" + Query.encode(first.id());
        NumberOrder current = first;
        CarrierException lastFailure = null;
        while (!settled(current, e164)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw leftBehind(current, stillPending(current, lastFailure));
            }
            try {
                Thread.sleep(Math.max(1, Math.min(settings.orderPollInterval().toMillis(), Duration.ofNanos(left).toMillis())));
            } catch (InterruptedException e) {
                throw leftBehind(first, TelnyxClient.interrupted("order " + first.id() + " was placed; its state is unknown"));
            }
            try {
                current = NumberOrder.read(client.get(path).path("data")).orElse(current);
                lastFailure = null;
            } catch (CarrierException e) {
                if (e.code() == ErrorCode.CARRIER_UNAVAILABLE || e.code() == ErrorCode.INVALID) {
                    throw leftBehind(first, new CarrierException(e.code(), e.getMessage(), "order " + first.id()
                            + " was placed but its state is unknown: " + e.detail(), e));
                }
                lastFailure = e;
            }
        }
        return current;
    }

    /**
     * {@code failure} carrying the order's id and reference as carrier data, which the host keeps on the number's
     * record although the acquire failed: the order may still complete at Telnyx.
     */
    private static CarrierException leftBehind(NumberOrder order, CarrierException failure) {
        return failure.withData(Map.of("order_id", order.id(), "customer_reference", order.customerReference()));
    }

    private static boolean settled(NumberOrder order, String e164) {
        String status = order.statusOf(e164);
        return status.equals("success") || status.equals("failure");
    }

    private CarrierException stillPending(NumberOrder order, CarrierException lastFailure) {
        String last = lastFailure == null ? "" : "; the last read failed: " + lastFailure.getMessage() + " ("
                + lastFailure.detail() + ")";
        return new CarrierException(ErrorCode.TIMEOUT, "telnyx order state unknown", "order " + order.id()
                + " (customer_reference '" + order.customerReference() + "') still " + (order.status().isEmpty()
                ? "unread" : order.status()) + " after " + settings.orderTimeout().toMillis() + " ms" + last
                + "; an acquire again looks it up by its customer_reference rather than ordering again");
    }
}
