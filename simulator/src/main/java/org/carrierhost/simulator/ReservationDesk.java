package org.carrierhost.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.w3c.dom.Element;

/**
 * Number reservations ({@code /tnreservation}, {@code /tnreservation/{id}}) in the shapes Bandwidth publishes: a
 * POST of {@code Reservation/ReservedTn} answers 201 with the reservation's {@code Location}; a GET or DELETE of it
 * answers {@code ReservationResponse/Reservation} with {@code ReservationExpires} in seconds left; a number that is
 * not available, or already reserved, is refused with {@code ResponseStatus} 5041; an unknown id is 404.
 * Reservations last four hours unless the simulator is told otherwise.
 *
 * <p>Thread-safe: reservations live in a concurrent map; the stock is thread-safe.
 */
final class ReservationDesk {

    private static final String ROOT = "ReservationResponse";

    private final Stock stock;
    private final String account;
    private volatile Duration lifetime = Duration.ofHours(4);
    private final Map<String, Reservation> reservations = new ConcurrentHashMap<>();

    private record Reservation(String id, String number, Instant expires) {
    }

    ReservationDesk(Stock stock, String account) {
        this.stock = stock;
        this.account = account;
    }

    /** How long new reservations last. */
    void lifetime(Duration lifetime) {
        this.lifetime = lifetime;
    }

    /** How many reservations are live. */
    long live() {
        Instant now = Instant.now();
        return reservations.values().stream().filter(r -> r.expires.isAfter(now)).count();
    }

    synchronized Answer reserve(String contentType, String body, String path) {
        PostedBody parsed = PostedBody.read(contentType, body, "Reservation", ROOT);
        if (parsed.refusal() != null) {
            return parsed.refusal();
        }
        Element reservation = parsed.root();
        String number = RequestXml.childText(reservation, "ReservedTn");
        Instant now = Instant.now();
        reservations.values().removeIf(r -> !r.expires.isAfter(now));
        if (number == null || !number.matches("\\d{10}") || !stock.isAvailable(number)
                || reservations.values().stream().anyMatch(r -> r.number.equals(number))) {
            return Answer.responseStatus(400, ROOT, "5041", "Reservation failed: telephone number " + number + " is not available.");
        }
        Reservation made = new Reservation(UUID.randomUUID().toString(), number, now.plus(lifetime));
        reservations.put(made.id, made);
        return Answer.xml(201, new XmlBuilder().open(ROOT).build())
                .withHeader("Location", path.replaceAll("/$", "") + "/" + made.id);
    }

    Answer read(String id) {
        Reservation r = reservations.get(id);
        return r == null || !r.expires.isAfter(Instant.now()) ? notFound(id) : answer(r);
    }

    Answer delete(String id) {
        Reservation r = reservations.remove(id);
        return r == null || !r.expires.isAfter(Instant.now()) ? notFound(id) : answer(r);
    }

    private Answer answer(Reservation r) {
        long left = Math.max(0, Duration.between(Instant.now(), r.expires).toSeconds());
        return Answer.xml(200, new XmlBuilder().open(ROOT).open("Reservation").element("ReservationId", r.id)
                .element("AccountId", account).element("ReservationExpires", Long.toString(left))
                .element("ReservedTn", r.number).build());
    }

    private static Answer notFound(String id) {
        return Answer.responseStatus(404, ROOT, "5040", "Reservation " + id + " not found");
    }
}
