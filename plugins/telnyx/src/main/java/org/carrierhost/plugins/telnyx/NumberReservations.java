package org.carrierhost.plugins.telnyx;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.carrierhost.api.CarrierException;
import org.carrierhost.api.ErrorCode;
import org.carrierhost.api.NumberReservation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Telnyx's number reservations ({@code /number_reservations}), one number per reservation: made with
 * {@code POST /number_reservations}, read back ({@code GET /number_reservations/{id}}) while the number's own status
 * is {@code pending}, and extended with {@code POST /number_reservations/{id}/actions/extend}. Each number carries its
 * own {@code expired_at}, which is what the host is told: never a constant.
 *
 * <p>Telnyx has no call that ends a reservation early (create, list, retrieve and extend only, as the SDKs generated
 * from spec3.yml show): a reservation lapses at its {@code expired_at}. It is the account's own, so the account can
 * still order the number meanwhile.
 *
 * <p>Thread-safe: an immutable value over the thread-safe client; each call keeps its state on the caller's stack.
 *
 * @param client   the HTTP client
 * @param settings the configuration (poll interval, and {@code order_timeout_ms} as the most a pending reservation is read)
 */
public record NumberReservations(TelnyxClient client, TelnyxSettings settings) {

    /** The customer reference of a hold for {@code accountId}, so Telnyx's portal shows whose hold it is. */
    static String referenceFor(String accountId) {
        return "carrier-host-hold:" + accountId;
    }

    /**
     * Reserves {@code e164} for {@code accountId}.
     *
     * @throws CarrierException Telnyx's refusal ({@link ErrorCode#NUMBER_EXISTS} for 85000/85001);
     *                          {@link ErrorCode#NUMBER_EXISTS} when the number's own status ends {@code failure};
     *                          {@link ErrorCode#TIMEOUT} when it stays {@code pending}; {@link ErrorCode#CARRIER_FAULT}
     *                          for a reply without an id or an {@code expired_at}, or when it is not known whether the
     *                          POST reserved anything (a reservation made then lapses by itself and costs nothing)
     */
    public NumberReservation reserve(String e164, String accountId) throws CarrierException {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putArray("phone_numbers").addObject().put("phone_number", e164);
        body.put("customer_reference", referenceFor(accountId));
        JsonNode data = dataOf(client.post("/number_reservations", body), e164);
        String id = data.path("id").asText("");
        if (id.isEmpty()) {
            throw new CarrierException(ErrorCode.CARRIER_FAULT, "telnyx reserved " + e164 + " without naming the reservation",
                    "no data.id in the reply to POST /number_reservations");
        }
        return settled(id, e164, data);
    }

    /**
     * Extends reservation {@code reservation} at Telnyx ({@code POST .../actions/extend}) and answers it with the
     * number's new {@code expired_at}.
     *
     * @throws CarrierException {@link ErrorCode#NOT_FOUND} when Telnyx no longer knows it, or another failure
     */
    public NumberReservation extend(NumberReservation reservation) throws CarrierException {
        String path = "/number_reservations/" + Query.encode(reservation.reference()) + "/actions/extend";
        JsonNode data = dataOf(client.post(path, JsonNodeFactory.instance.objectNode()), reservation.number());
        return settled(reservation.reference(), reservation.number(), data);
    }

    /** The reservation once our number's status is {@code success}, reading it again while it is {@code pending}. */
    private NumberReservation settled(String id, String e164, JsonNode data) throws CarrierException {
        long deadline = System.nanoTime() + settings.orderTimeout().toNanos();
        JsonNode current = data;
        while (true) {
            JsonNode number = ours(current, e164).orElseThrow(() -> new CarrierException(ErrorCode.CARRIER_FAULT,
                    "telnyx's reservation " + id + " does not list " + e164, "phone_numbers[] has no entry for it"));
            String status = number.path("status").asText("");
            if (status.equals("failure")) {
                throw new CarrierException(ErrorCode.NUMBER_EXISTS, "telnyx could not reserve " + e164,
                        "reservation " + id + ": the number's status is failure");
            }
            if (!status.equals("pending")) {
                return new NumberReservation(e164, id, expiredAt(id, number));
            }
            if (System.nanoTime() > deadline) {
                throw new CarrierException(ErrorCode.TIMEOUT, "telnyx's reservation of " + e164 + " is still pending",
                        "reservation " + id + " after " + settings.orderTimeout().toMillis() + " ms");
            }
            try {
                Thread.sleep(settings.orderPollInterval().toMillis());
            } catch (InterruptedException e) {
                throw TelnyxClient.interrupted("waiting for reservation " + id);
            }
            current = client.get("/number_reservations/" + Query.encode(id)).path("data");
        }
    }

    /** The {@code data} of an accepted POST; a refusal as it came; an unknown outcome as a fault (nothing costs money). */
    private static JsonNode dataOf(TelnyxClient.PostOutcome outcome, String e164) throws CarrierException {
        if (outcome instanceof TelnyxClient.PostOutcome.Accepted accepted) {
            return accepted.body().path("data");
        }
        if (outcome instanceof TelnyxClient.PostOutcome.Refused refused) {
            throw refused.failure();
        }
        CarrierException why = ((TelnyxClient.PostOutcome.Unknown) outcome).failure();
        throw new CarrierException(ErrorCode.CARRIER_FAULT, "telnyx may or may not have changed the reservation of " + e164,
                why.getMessage() + ": " + why.detail() + "; a reservation lapses at telnyx by itself");
    }

    private static Optional<JsonNode> ours(JsonNode data, String e164) {
        for (JsonNode number : data.path("phone_numbers")) {
            if (number.path("phone_number").asText("").equals(e164)) {
                return Optional.of(number);
            }
        }
        return Optional.empty();
    }

    private static Instant expiredAt(String id, JsonNode number) throws CarrierException {
        String text = number.path("expired_at").asText("");
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new CarrierException(ErrorCode.CARRIER_FAULT, "telnyx's reservation " + id + " has no expiry",
                    "expired_at was '" + text + "'");
        }
    }
}
