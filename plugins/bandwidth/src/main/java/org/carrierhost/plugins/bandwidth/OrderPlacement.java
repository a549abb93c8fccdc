package org.carrierhost.plugins.bandwidth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.carrierhost.api.CarrierException;
import org.carrierhost.api.ErrorCode;
import org.w3c.dom.Element;

/**
 * Places an order or a disconnect ({@code POST /orders}, {@code POST /disconnects}) for one number and
 * follows it by its id ({@code GET /orders/{id}}, {@code GET /disconnects/{id}}) until it is finished. Once
 * Bandwidth has accepted the request the order may exist, so its id is never let go: an accepted reply
 * without {@code OrderStatus}, or without a readable body, is polled by the id its body or its
 * {@code Location} header names. Only an accepted reply that names no id at all ends at once, saying that
 * an order may exist and under which name.
 *
 * <p>Thread-safe: an immutable value over the thread-safe client and poller.
 *
 * @param client   the account's HTTP client
 * @param poller   how status reads are repeated
 * @param resource {@code orders} or {@code disconnects}
 * @param kind     {@code order} or {@code disconnect}, for messages
 */
public record OrderPlacement(BandwidthClient client, OrderPoller poller, String resource, String kind) {

    /**
     * Places the request and waits until it is settled or {@code e164} is among its completed numbers.
     *
     * @param body the request's XML
     * @param name the order's name, so that an operator can find an order whose id was never learnt
     * @return the last status read
     * @throws CarrierException the refusal; or {@link ErrorCode#TIMEOUT} naming the id when it did not finish
     *                          in time; or {@link ErrorCode#CARRIER_FAULT} when the reply named no id
     */
    public OrderStatus place(String body, String e164, String name) throws CarrierException {
        PostReply reply = client.post("/" + resource, body);
        OrderStatus first = first(reply, name);
        // The id comes from Bandwidth's reply: encoded, it can only name one resource below ours.
        String path = "/" + resource + "/" + URLEncoder.encode(first.id(), StandardCharsets.UTF_8);
        return poller.await(kind, first, s -> s.settled() || s.completed(e164),
                () -> OrderStatus.read(client.get(path).getDocumentElement(), first.id()));
    }

    private OrderStatus first(PostReply reply, String name) throws CarrierException {
        if (reply instanceof PostReply.Readable readable) {
            Element root = readable.doc().getDocumentElement();
            String id = OrderStatus.idIn(root);
            String known = id.isEmpty() ? reply.locationId().orElse("") : id;
            if (!known.isEmpty()) {
                return OrderStatus.read(root, known);
            }
            throw noId(name, "its <" + root.getTagName() + "> names no order id");
        }
        PostReply.Unreadable unreadable = (PostReply.Unreadable) reply;
        if (unreadable.locationId().isPresent()) {
            return OrderStatus.unknown(unreadable.locationId().get());
        }
        throw noId(name, "HTTP " + unreadable.status() + " with a body that cannot be read (" + unreadable.problem()
                + ") and no Location");
    }

    private CarrierException noId(String name, String why) {
        return new CarrierException(ErrorCode.CARRIER_FAULT, "bandwidth " + kind + " state unknown",
                "POST /" + resource + " was accepted but " + why + "; a " + kind + " named '" + name
                        + "' may exist at Bandwidth: check it before trying again");
    }
}
