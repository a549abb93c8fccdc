package org.carrierhost.plugins.telnyx;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.carrierhost.api.CarrierContext;
import org.carrierhost.api.CarrierException;
import org.carrierhost.api.CarrierExtension;
import org.carrierhost.api.CarrierSetting;
import org.carrierhost.api.ErrorCode;
import org.carrierhost.api.InventoryPage;
import org.carrierhost.api.NumberOffer;
import org.carrierhost.api.NumberRecord;
import org.carrierhost.api.NumberReservation;
import org.carrierhost.api.SearchOptions;
import org.carrierhost.api.SearchResult;
import org.carrierhost.api.SelfTestChecks;
import org.carrierhost.api.SelfTestRequest;
import org.carrierhost.api.SelfTestResult;
import org.pf4j.Extension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Telnyx carrier: searches {@code /available_phone_numbers}, orders numbers through {@code /number_orders}
 * (judging each order per number), releases them with {@code DELETE /phone_numbers/{id}}, holds them with
 * {@code /number_reservations} ({@link NumberReservations}) and lists the account's numbers ({@code GET /phone_numbers},
 * paged), through the Telnyx Numbers API v2 (JSON over HTTP, Bearer key).
 *
 * <p>Searches are not paged at Telnyx: the offset is served here, by asking for the skipped numbers too. Every
 * number that comes back is checked against what was asked; one under another prefix is passed on as it came, so
 * the host drops it and reports it in this carrier's entry of the search, and one of the wrong type is dropped
 * here and logged.
 *
 * <p>A carrier whose configuration is missing or malformed still starts, and every call answers
 * {@link ErrorCode#CARRIER_UNAVAILABLE} naming the problem.
 *
 * <p>Thread-safe: what {@link #start(CarrierContext)} builds is immutable and published through one volatile
 * field; calls share nothing else.
 */
@Extension
public class TelnyxCarrier implements CarrierExtension {

    private static final Logger LOG = LoggerFactory.getLogger(TelnyxCarrier.class);

    private volatile Setup setup = Setup.broken(new CarrierException(ErrorCode.CARRIER_UNAVAILABLE,
            "telnyx is not started"));

    private volatile String probePrefix = SelfTestChecks.DEFAULT_PROBE_PREFIX;

    @Override
    public List<CarrierSetting> settings() {
        List<CarrierSetting> all = new ArrayList<>(TelnyxSettings.DECLARED);
        all.add(SelfTestChecks.PROBE_PREFIX);
        return all;
    }

    /**
     * Its configuration, then a search of quantity 1 on {@code probe_prefix} ({@link SelfTestChecks#configuredThenProbe}):
     * its credentials, that telnyx answers, and that this version reads today's replies. It never orders anything.
     */
    @Override
    public SelfTestResult selfTest(SelfTestRequest request) {
        return SelfTestChecks.configuredThenProbe(setup.problem(), request, probePrefix);
    }

    @Override
    public void start(CarrierContext context) {
        try {
            probePrefix = SelfTestChecks.probePrefix(context.config());
            TelnyxSettings settings = TelnyxSettings.from(context.config());
            TelnyxClient client = new TelnyxClient(settings);
            PhoneNumbers numbers = new PhoneNumbers(client);
            setup = new Setup(client, numbers, new OrderDesk(client, numbers, settings), new NumberReservations(client, settings), null);
            LOG.info("telnyx carrier ready: {}", settings);
        } catch (CarrierException e) {
            setup = Setup.broken(e);
            LOG.warn("telnyx carrier started without a usable configuration: {}", e.detail());
        }
    }

    @Override
    public void stop() {
        setup = Setup.broken(new CarrierException(ErrorCode.CARRIER_UNAVAILABLE, "telnyx is stopped"));
    }

    @Override
    public SearchResult findNumbers(String e164Prefix, int quantity, SearchOptions options) throws CarrierException {
        Setup ready = setup.ready();
        if (quantity < 1) {
            throw new CarrierException(ErrorCode.INVALID, "quantity must be at least 1, got " + quantity);
        }
        int wanted = (int) Math.min(Integer.MAX_VALUE, (long) quantity + options.offset());
        SearchQuery query = SearchQuery.of(e164Prefix, wanted, options);
        AvailableNumbers found = AvailableNumbers.read(ready.client.search(query.toQueryString()));
        List<NumberOffer> matching = new ArrayList<>();
        List<NumberOffer> elsewhere = new ArrayList<>();
        int wrongType = 0;
        for (NumberOffer offer : found.offers()) {
            if (query.matches(offer.number())) {
                matching.add(offer);
            } else if (offer.number().startsWith(e164Prefix)) {
                wrongType++;
            } else {
                elsewhere.add(offer);
            }
        }
        if (wrongType + elsewhere.size() + found.unreadable() > 0) {
            LOG.warn("telnyx answered a search for {} (toll-free {}) with {} numbers outside the prefix (left to the "
                            + "host to drop and report), {} of the wrong type and {} without a number (dropped)",
                    e164Prefix, options.tollFree(), elsewhere.size(), wrongType, found.unreadable());
        }
        List<NumberOffer> offers = new ArrayList<>(matching.stream().skip(options.offset()).limit(quantity).toList());
        offers.addAll(elsewhere);
        return SearchResult.offers(offers);
    }

    @Override
    public NumberRecord acquireNumber(NumberRecord number) throws CarrierException {
        Setup ready = setup.ready();
        OrderDesk.Bought bought = ready.orders.buy(e164(number));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("order_id", bought.order().id());
        data.put("customer_reference", bought.reference());
        bought.order().line(number.number()).map(NumberOrder.Line::id).filter(id -> !id.isEmpty())
                .ifPresent(id -> data.put("order_phone_number_id", id));
        bought.phoneNumberId().ifPresent(id -> data.put("phone_number_id", id));
        return number.withData(data);
    }

    @Override
    public NumberRecord disconnectNumber(NumberRecord number) throws CarrierException {
        Setup ready = setup.ready();
        String e164 = e164(number);
        Object known = number.data().get("phone_number_id");
        Optional<String> id = known instanceof String s && !s.isEmpty() ? Optional.of(s) : ready.numbers.idOf(e164);
        Map<String, Object> data = new LinkedHashMap<>();
        if (id.isEmpty()) {
            data.put("released", "not held at telnyx");
            return number.withData(data);
        }
        boolean deletedNow = ready.numbers.release(id.get());
        data.put("phone_number_id", id.get());
        data.put("released", deletedNow ? "deleted" : "already gone at telnyx");
        return number.withData(data);
    }

    /** Telnyx holds numbers itself: one {@code number_reservation} per number, until its own {@code expired_at}. */
    @Override
    public boolean reservesNumbers() {
        return setup.problem == null;
    }

    /**
     * Reserves the number ({@code POST /number_reservations}); the answer carries the number's own {@code expired_at}
     * (30 minutes at Telnyx, which {@code ttl} cannot change: the host ends a shorter hold itself).
     */
    @Override
    public NumberReservation reserveNumber(String number, Duration ttl, String accountId) throws CarrierException {
        Setup ready = setup.ready();
        return ready.reservations.reserve(e164(number), accountId);
    }

    /** {@code POST /number_reservations/{id}/actions/extend}: the number's {@code expired_at} moves 30 minutes from now. */
    @Override
    public NumberReservation extendReservation(NumberReservation reservation) throws CarrierException {
        return setup.ready().reservations.extend(reservation);
    }

    /**
     * Telnyx has no call that ends a reservation early (create, list, retrieve and extend only, as the SDKs generated
     * from spec3.yml show), so nothing is sent: the reservation lapses at its own {@code expired_at}. It is this account's, so the account can still order the
     * number meanwhile; the number is free again for our own customers at once.
     */
    @Override
    public void releaseReservation(NumberReservation reservation) throws CarrierException {
        setup.ready();
        LOG.debug("telnyx reservation {} of {} lapses by itself at {}", reservation.reference(), reservation.number(),
                reservation.expiresAt());
    }

    /** Telnyx lists the account's numbers ({@code GET /phone_numbers}, paged). */
    @Override
    public boolean listsInventory() {
        return setup.problem == null;
    }

    @Override
    public InventoryPage inventory(int page, int size) throws CarrierException {
        Setup ready = setup.ready();
        if (page < 1 || size < 1) {
            throw new CarrierException(ErrorCode.INVALID, "page and size must be at least 1", "got page " + page + ", size " + size);
        }
        return ready.numbers.page(page, size);
    }

    @Override
    public boolean shouldLookupCnam() {
        return true;
    }

    @Override
    public boolean isNumberBillable(NumberRecord number) {
        return true;
    }

    @Override
    public boolean isLocal() {
        return false;
    }

    private static String e164(NumberRecord number) throws CarrierException {
        return e164(number.number());
    }

    private static String e164(String number) throws CarrierException {
        if (!number.matches("\\+[1-9][0-9]{6,14}")) {
            throw new CarrierException(ErrorCode.INVALID, "not an E.164 number", "got '" + number + "'");
        }
        return number;
    }

    /** What start built: either a working client, or the reason every call is refused. */
    private record Setup(TelnyxClient client, PhoneNumbers numbers, OrderDesk orders, NumberReservations reservations,
                         CarrierException problem) {

        static Setup broken(CarrierException problem) {
            return new Setup(null, null, null, null, problem);
        }

        /** This setup when usable; otherwise a fresh copy of its problem (exceptions are not shared). */
        Setup ready() throws CarrierException {
            if (problem != null) {
                throw new CarrierException(problem.code(), problem.getMessage(), problem.detail());
            }
            return this;
        }
    }
}
