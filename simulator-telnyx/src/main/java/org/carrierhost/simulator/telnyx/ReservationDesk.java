package org.carrierhost.simulator.telnyx;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code POST /number_reservations}, {@code GET /number_reservations/{id}} and
 * {@code POST /number_reservations/{id}/actions/extend}: holds on numbers for sale, each number with its
 * {@code expired_at} 30 minutes ahead (an extension moves every number's to 30 minutes from then), in the published
 * {@code number_reservation} shape. As in spec3.yml there is no call that ends a reservation early: it lapses.
 *
 * <p>Thread-safe: the reservations are a concurrent map of values never changed once stored (an extension stores a
 * new value).
 */
final class ReservationDesk {

    private static final long HOLD_SECONDS = 1800;

    private final Inventory inventory;
    private final Map<String, Map<String, Object>> reservations = new ConcurrentHashMap<>();

    ReservationDesk(Inventory inventory) {
        this.inventory = inventory;
    }

    Reply reserve(String body) {
        Optional<NumbersRequested> requested = NumbersRequested.parse(body);
        if (requested.isEmpty()) {
            return TelnyxErrorTable.reply("10015", "must be present", "/phone_numbers");
        }
        for (String e164 : requested.get().numbers()) {
            if (!inventory.isForSale(e164)) {
                return TelnyxErrorTable.reply("85001", e164 + " cannot be reserved", "/phone_numbers");
            }
        }
        Instant now = Instant.now();
        List<Map<String, Object>> numbers = new ArrayList<>();
        for (String e164 : requested.get().numbers()) {
            Map<String, Object> number = new LinkedHashMap<>();
            number.put("id", UUID.randomUUID().toString());
            number.put("record_type", "reserved_phone_number");
            number.put("phone_number", e164);
            number.put("status", "success");
            number.put("created_at", now.toString());
            number.put("updated_at", now.toString());
            number.put("expired_at", now.plusSeconds(HOLD_SECONDS).toString());
            numbers.add(number);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        String id = UUID.randomUUID().toString();
        data.put("id", id);
        data.put("record_type", "number_reservation");
        data.put("phone_numbers", numbers);
        data.put("status", "success");
        data.put("customer_reference", requested.get().text("customer_reference"));
        data.put("created_at", now.toString());
        data.put("updated_at", now.toString());
        reservations.put(id, data);
        return Reply.json(200, Map.of("data", data));
    }

    /** Moves each number's {@code expired_at} of reservation {@code id} to 30 minutes from now. */
    Reply extend(String id) {
        Map<String, Object> extended = reservations.computeIfPresent(id, (key, old) -> {
            String now = Instant.now().toString();
            String until = Instant.now().plusSeconds(HOLD_SECONDS).toString();
            Map<String, Object> data = new LinkedHashMap<>(old);
            List<Map<String, Object>> numbers = new ArrayList<>();
            for (Object n : (List<?>) old.get("phone_numbers")) {
                Map<String, Object> number = new LinkedHashMap<>(cast((Map<?, ?>) n));
                number.put("expired_at", until);
                number.put("updated_at", now);
                numbers.add(number);
            }
            data.put("phone_numbers", numbers);
            data.put("updated_at", now);
            return data;
        });
        return extended == null ? TelnyxErrorTable.reply("10005", "number reservation " + id + " not found", null)
                : Reply.json(200, Map.of("data", extended));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    Reply read(String id) {
        return Optional.ofNullable(reservations.get(id)).map(r -> Reply.json(200, Map.of("data", r)))
                .orElseGet(() -> TelnyxErrorTable.reply("10005", "number reservation " + id + " not found", null));
    }
}
