package org.carrierhost.simulator.telnyx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The simulator's numbers: those for sale (the stock), and those the account holds, each with the id
 * {@code DELETE /phone_numbers/{id}} takes. An ordered number leaves the stock at once; a failed order puts it
 * back; a deleted one comes back too.
 *
 * <p>Thread-safe: every method synchronises on this.
 */
public final class Inventory {

    /**
     * A number for sale.
     *
     * @param e164     the number
     * @param locality its city
     * @param state    its state or province
     * @param type     {@code local} or {@code toll_free}
     */
    public record ForSale(String e164, String locality, String state, String type) {

        /** The three digits after {@code +1}: the NANP national destination code. */
        String ndc() {
            return e164.substring(2, 5);
        }

        /** The digits after the NDC. */
        String subscriber() {
            return e164.substring(5);
        }
    }

    /**
     * A number the account holds.
     *
     * @param id                Telnyx's phone-number id
     * @param e164              the number
     * @param status            {@code active} or {@code deleted}
     * @param customerReference the reference of the order that bought it
     * @param connectionId      the connection it was ordered onto, or empty
     */
    public record Held(String id, String e164, String status, String customerReference, String connectionId) {
    }

    private final TreeMap<String, ForSale> stock = new TreeMap<>();
    private final Map<String, Held> held = new LinkedHashMap<>();

    /** The default stock: Chicago (312 and 773), San Francisco (415) and toll-free 888. */
    public static Inventory defaults() {
        Inventory inventory = new Inventory();
        inventory.addBlock("+1312555", 100, 20, "Chicago", "IL", "local");
        inventory.addBlock("+1773555", 200, 10, "Chicago", "IL", "local");
        inventory.addBlock("+1415555", 300, 10, "San Francisco", "CA", "local");
        inventory.addBlock("+1888555", 400, 10, null, null, "toll_free");
        return inventory;
    }

    private void addBlock(String npaNxx, int first, int count, String locality, String state, String type) {
        for (int i = 0; i < count; i++) {
            String e164 = npaNxx + String.format("%04d", first + i);
            stock.put(e164, new ForSale(e164, locality, state, type));
        }
    }

    /** The numbers for sale, in order. */
    public synchronized List<ForSale> forSale() {
        return new ArrayList<>(stock.values());
    }

    /** Whether {@code e164} is for sale. */
    public synchronized boolean isForSale(String e164) {
        return stock.containsKey(e164);
    }

    /** Takes {@code e164} out of the stock for an order; false when it is not for sale. */
    synchronized boolean take(String e164) {
        return stock.remove(e164) != null;
    }

    /** Puts a number an order failed to buy back into the stock. */
    synchronized void putBack(ForSale number) {
        stock.put(number.e164(), number);
    }

    /** What {@code e164} looked like in the stock, for putting back; built anew when unknown. */
    static ForSale described(String e164) {
        boolean tollFree = e164.startsWith("+18");
        return new ForSale(e164, tollFree ? null : "Chicago", tollFree ? null : "IL", tollFree ? "toll_free" : "local");
    }

    /** Records that the account now holds {@code e164}; returns its new phone-number id. */
    synchronized Held own(String e164, String customerReference, String connectionId) {
        Held number = new Held(UUID.randomUUID().toString(), e164, "active", customerReference, connectionId);
        held.put(number.id(), number);
        return number;
    }

    /** The held numbers whose digits contain {@code digits} (Telnyx matches partially), deleted ones left out. */
    public synchronized List<Held> heldMatching(String digits) {
        String wanted = digits.replaceAll("[^0-9]", "");
        return held.values().stream().filter(h -> h.status().equals("active") && h.e164().contains(wanted)).toList();
    }

    /** How many times {@code e164} is held now: more than 1 means it was bought twice. */
    public synchronized long timesHeld(String e164) {
        return held.values().stream().filter(h -> h.status().equals("active") && h.e164().equals(e164)).count();
    }

    /** The held numbers, deleted ones left out, in the order they were bought: what {@code GET /phone_numbers} pages through. */
    public synchronized List<Held> held() {
        return heldMatching("");
    }

    /**
     * Changes the account behind the host's back (Telnyx's portal, another client): {@code true} buys {@code e164}
     * (out of the stock when it is there), {@code false} deletes every active holding of it.
     */
    public synchronized void setHeld(String e164, boolean held) {
        if (held) {
            if (timesHeld(e164) == 0) {
                stock.remove(e164);
                own(e164, "portal", "");
            }
            return;
        }
        this.held.values().stream().filter(h -> h.status().equals("active") && h.e164().equals(e164)).map(Held::id).toList()
                .forEach(this::delete);
    }

    /** Marks {@code id} deleted and puts its number back into the stock; empty when the id is unknown. */
    synchronized Optional<Held> delete(String id) {
        Held number = held.get(id);
        if (number == null) {
            return Optional.empty();
        }
        Held deleted = new Held(number.id(), number.e164(), "deleted", number.customerReference(), number.connectionId());
        held.put(id, deleted);
        if (number.status().equals("active")) {
            stock.put(number.e164(), described(number.e164()));
        }
        return Optional.of(deleted);
    }
}
