package org.carrierhost.plugins.bandwidth;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.carrierhost.api.CarrierCapabilities;
import org.carrierhost.api.CarrierContext;
import org.carrierhost.api.CarrierException;
import org.carrierhost.api.CarrierExtension;
import org.carrierhost.api.CarrierSetting;
import org.carrierhost.api.ErrorCode;
import org.carrierhost.api.FilterSupport;
import org.carrierhost.api.InventoryPage;
import org.carrierhost.api.NumberOffer;
import org.carrierhost.api.NumberRecord;
import org.carrierhost.api.NumberReservation;
import org.carrierhost.api.NumberState;
import org.carrierhost.api.NumberType;
import org.carrierhost.api.OfferAttribute;
import org.carrierhost.api.SearchFilter;
import org.carrierhost.api.SearchOptions;
import org.carrierhost.api.SearchResult;
import org.carrierhost.api.SelfTestChecks;
import org.carrierhost.api.SelfTestRequest;
import org.carrierhost.api.SelfTestResult;
import org.pf4j.Extension;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bandwidth carrier: searches {@code availableNumbers}, orders numbers and disconnects them through
 * the Bandwidth numbers API (XML over HTTP), waiting for each order to settle.
 *
 * <p>A carrier whose configuration is missing or malformed still starts, and every call answers
 * {@link ErrorCode#CARRIER_UNAVAILABLE} naming the problem.
 *
 * <p>Thread-safe: what {@link #start(CarrierContext)} builds (settings, HTTP client, order placements) is immutable
 * and published through one volatile field; calls share nothing else.
 */
@Extension
public class BandwidthCarrier implements CarrierExtension {

    private static final Logger LOG = LoggerFactory.getLogger(BandwidthCarrier.class);

    private volatile Setup setup = Setup.broken(new CarrierException(ErrorCode.CARRIER_UNAVAILABLE,
            "bandwidth is not started"));

    private volatile String probePrefix = SelfTestChecks.DEFAULT_PROBE_PREFIX;

    @Override
    public List<CarrierSetting> settings() {
        List<CarrierSetting> all = new ArrayList<>(BandwidthSettings.DECLARED);
        all.add(SelfTestChecks.PROBE_PREFIX);
        return all;
    }

    /**
     * Its configuration, then a search of quantity 1 on {@code probe_prefix} ({@link SelfTestChecks#configuredThenProbe}):
     * its credentials, that bandwidth answers, and that this version reads today's replies. It never orders anything.
     */
    @Override
    public SelfTestResult selfTest(SelfTestRequest request) {
        return SelfTestChecks.configuredThenProbe(setup.problem(), request, probePrefix);
    }

    @Override
    public void start(CarrierContext context) {
        try {
            probePrefix = SelfTestChecks.probePrefix(context.config());
            BandwidthSettings settings = BandwidthSettings.from(context.config());
            BandwidthClient client = new BandwidthClient(settings);
            OrderPoller poller = new OrderPoller(settings.orderPollInterval(), settings.orderTimeout());
            setup = new Setup(settings, client, new OrderPlacement(client, poller, "orders", "order"),
                    new OrderPlacement(client, poller, "disconnects", "disconnect"), null);
            LOG.info("bandwidth carrier ready: {}", settings);
        } catch (CarrierException e) {
            setup = Setup.broken(e);
            LOG.warn("bandwidth carrier started without a usable configuration: {}", e.detail());
        }
    }

    @Override
    public void stop() {
        setup = Setup.broken(new CarrierException(ErrorCode.CARRIER_UNAVAILABLE, "bandwidth is stopped"));
    }

    @Override
    public SearchResult findNumbers(String e164Prefix, int quantity, SearchOptions options) throws CarrierException {
        Setup ready = setup.ready();
        if (quantity < 1) {
            throw new CarrierException(ErrorCode.INVALID, "quantity must be at least 1, got " + quantity);
        }
        // The API has no offset: ask for the skipped numbers too and drop them here.
        int wanted = (int) Math.min(Integer.MAX_VALUE, (long) quantity + options.offset());
        SearchQuery query = SearchQuery.of(e164Prefix, wanted, options.tollFree(), options.filters(),
                ready.settings.maxSearchQuantity());
        List<NumberOffer> offers = AvailableNumbers.read(ready.client.search(query.toQueryString())).stream()
                .filter(offer -> query.matches(offer.number()))
                .skip(options.offset())
                .limit(quantity)
                .toList();
        return SearchResult.offers(offers);
    }

    /**
     * Bandwidth serves North American local and toll-free numbers and maps every filter but {@code features} to its
     * search parameters ({@link SearchQuery}); its offers carry the city, state and rate center of its number details,
     * and their type.
     */
    @Override
    public CarrierCapabilities capabilities() {
        Map<SearchFilter, FilterSupport> filters = new EnumMap<>(SearchFilter.class);
        for (SearchFilter filter : SearchFilter.values()) {
            filters.put(filter, filter == SearchFilter.FEATURES ? FilterSupport.NONE : FilterSupport.NATIVE);
        }
        return new CarrierCapabilities(Set.of("US", "CA"), EnumSet.of(NumberType.LOCAL, NumberType.TOLL_FREE), filters,
                EnumSet.of(OfferAttribute.LOCALITY, OfferAttribute.REGION, OfferAttribute.RATE_CENTER, OfferAttribute.TYPE),
                CarrierCapabilities.DEFAULT_MAX_QUANTITY);
    }

    @Override
    public NumberRecord acquireNumber(NumberRecord number) throws CarrierException {
        Setup ready = setup.ready();
        String digits = NanpNumber.tenDigits(number.number());
        if (ready.settings.siteId().isEmpty()) {
            throw new CarrierException(ErrorCode.CARRIER_UNAVAILABLE, "bandwidth is not configured",
                    "not configured: site_id is required to order numbers");
        }
        String name = "carrier-host " + number.number();
        String reference = number.accountId() == null ? "carrier-host" : number.accountId();
        OrderStatus last = ready.orders.place(
                new OrderRequest(name, reference, ready.settings.siteId(), ready.settings.peerId(), digits).toXml(),
                number.number(), name);
        boolean ours = last.completed(number.number());
        boolean done = ours || last.status().equals("COMPLETE") && last.completedNumbers().isEmpty();
        if (!done) {
            throw last.failure("order");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("order_id", last.id());
        data.put("order_name", last.name().isEmpty() ? name : last.name());
        data.put("completed_numbers", last.completedNumbers());
        return number.withData(data);
    }

    @Override
    public NumberRecord disconnectNumber(NumberRecord number) throws CarrierException {
        Setup ready = setup.ready();
        String digits = NanpNumber.tenDigits(number.number());
        String name = "carrier-host disconnect " + number.number();
        OrderStatus last = ready.disconnects.place(new DisconnectRequest(name, digits).toXml(), number.number(), name);
        if (!last.status().equals("COMPLETE") && !last.completed(number.number())) {
            throw last.failure("disconnect");
        }
        return number.withData(Map.of("disconnect_order_id", last.id()));
    }

    /** Bandwidth holds numbers itself: one {@code tnreservation} per number, for four hours by its own figure. */
    @Override
    public boolean reservesNumbers() {
        return setup.problem == null;
    }

    /**
     * Reserves the number ({@code POST /tnreservation}), then reads the reservation back for its
     * {@code ReservationExpires}, the seconds Bandwidth itself keeps it; {@code ttl} cannot shorten that, the host ends
     * the hold itself.
     */
    @Override
    public NumberReservation reserveNumber(String number, Duration ttl, String accountId) throws CarrierException {
        Setup ready = setup.ready();
        String digits = NanpNumber.tenDigits(number);
        PostReply reply = ready.client.post("/tnreservation", "<Reservation>" + BandwidthXml.element("ReservedTn", digits)
                + "</Reservation>");
        String id = reply.locationId().orElseThrow(() -> new CarrierException(ErrorCode.CARRIER_FAULT,
                "bandwidth reserved " + number + " without naming the reservation", "no Location header on the 201"));
        Document read = ready.client.get("/tnreservation/" + id);
        String left = BandwidthXml.text(read.getDocumentElement(), "Reservation", "ReservationExpires");
        try {
            return new NumberReservation(number, id, Instant.now().plusSeconds(Long.parseLong(left.trim())));
        } catch (NumberFormatException e) {
            throw new CarrierException(ErrorCode.CARRIER_FAULT, "bandwidth's reservation of " + number + " has no expiry",
                    "ReservationExpires was '" + left + "'");
        }
    }

    /** {@code DELETE /tnreservation/{id}}; a 404 is {@code not_found}, which the host counts as released. */
    @Override
    public void releaseReservation(NumberReservation reservation) throws CarrierException {
        setup.ready().client.delete("/tnreservation/" + reservation.reference());
    }

    /** Bandwidth lists the account's numbers in service ({@code GET /inserviceNumbers}, paged). */
    @Override
    public boolean listsInventory() {
        return setup.problem == null;
    }

    @Override
    public InventoryPage inventory(int page, int size) throws CarrierException {
        Document doc = setup.ready().client.get("/inserviceNumbers?page=" + page + "&size=" + size);
        Element root = doc.getDocumentElement();
        List<InventoryPage.Entry> numbers = new ArrayList<>();
        Element list = BandwidthXml.at(root, "TelephoneNumbers");
        if (list != null) {
            for (Element tn : BandwidthXml.children(list, "TelephoneNumber")) {
                numbers.add(new InventoryPage.Entry(NanpNumber.e164(tn.getTextContent().trim()), NumberState.IN_SERVICE));
            }
        }
        Element links = BandwidthXml.at(root, "Links");
        boolean more = links != null && !BandwidthXml.children(links, "next").isEmpty();
        return new InventoryPage(numbers, more);
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

    /** What start built: either a working client, or the reason every call is refused. */
    private record Setup(BandwidthSettings settings, BandwidthClient client, OrderPlacement orders,
                         OrderPlacement disconnects, CarrierException problem) {

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
