package org.carrierhost.plugins.mock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Set;

import org.carrierhost.api.CarrierCapabilities;
import org.carrierhost.api.CarrierConfig;
import org.carrierhost.api.FilterSupport;
import org.carrierhost.api.NumberAttributes;
import org.carrierhost.api.NumberType;
import org.carrierhost.api.OfferAttribute;
import org.carrierhost.api.SearchFilter;
import org.carrierhost.api.SearchFilters;
import org.carrierhost.api.CarrierContext;
import org.carrierhost.api.CarrierException;
import org.carrierhost.api.CarrierExtension;
import org.carrierhost.api.CarrierSetting;
import org.carrierhost.api.ErrorCode;
import org.carrierhost.api.NumberBlock;
import org.carrierhost.api.NumberOffer;
import org.carrierhost.api.InventoryPage;
import org.carrierhost.api.NumberRecord;
import org.carrierhost.api.NumberState;
import org.carrierhost.api.NumberReservation;
import org.carrierhost.api.SearchOptions;
import org.carrierhost.api.SearchResult;
import org.carrierhost.api.SelfTestRequest;
import org.carrierhost.api.SelfTestResult;
import org.pf4j.Extension;

/**
 * A carrier that offers deterministic numbers for any prefix and always succeeds, unless its
 * configuration tells it to be slow ({@code latency_ms}), to fail ({@code fail}, a standard error code)
 * or to hang ({@code hang}). With {@code reservations=true} it holds numbers itself, each for
 * {@code reservation_ttl_s} (default 1800, as Telnyx does), and its releases take {@code release_latency_ms} more. A search
 * asking for more than {@code max_quantity} (default 500, declared in its capabilities) fails, as a real carrier's does.
 *
 * <p>Thread-safe: the behaviour is fixed at {@link #start(CarrierContext)}, published through a volatile
 * field, and order ids come from an atomic counter.
 */
@Extension
public class MockCarrier implements CarrierExtension {

    private volatile MockBehaviour behaviour = MockBehaviour.IMMEDIATE;
    private volatile String carrierId = "mock";
    private final AtomicLong orders = new AtomicLong();
    /** Its searches so far, for {@code search_fault_percent}. */
    private final AtomicLong searches = new AtomicLong();
    private final Map<String, NumberReservation> reservations = new ConcurrentHashMap<>();
    /** The numbers this mock's acquires hold and its disconnects have not released: its own list. */
    private final java.util.concurrent.ConcurrentSkipListSet<String> owned = new java.util.concurrent.ConcurrentSkipListSet<>();
    private volatile boolean reserves;
    private volatile long reservationTtlSeconds = 1800;
    private volatile long releaseLatencyMs;
    private volatile int maxQuantity = CarrierCapabilities.DEFAULT_MAX_QUANTITY;
    /** The most numbers of its stock one search looks at for ones that match its filters. */
    private static final long MAX_SCAN = 1_000_000;

    /** The keys of {@code carrier.mock.*}: how every call behaves. */
    private static final List<CarrierSetting> SETTINGS = List.of(
            CarrierSetting.whole("latency_ms", 0, Long.MAX_VALUE, 0, "how long every call waits before it answers"),
            CarrierSetting.flag("hang", false, "whether every call waits until it is interrupted"),
            CarrierSetting.text("fail", "a standard error code, such as carrier_fault, that every call fails with"),
            CarrierSetting.flag("reservations", false, "whether it holds numbers at the carrier (reserveNumber)"),
            CarrierSetting.whole("reservation_ttl_s", 1, Long.MAX_VALUE, 1800, "how long a hold it grants lasts, in seconds"),
            CarrierSetting.whole("release_latency_ms", 0, Long.MAX_VALUE, 0, "how long releasing a hold waits"),
            CarrierSetting.whole("max_quantity", 1, CarrierCapabilities.DEFAULT_MAX_QUANTITY, CarrierCapabilities.DEFAULT_MAX_QUANTITY,
                    "the most numbers one search may ask it for (its capabilities' max_quantity); a search asking more fails"));

    private volatile MockSelfTest selfTest = MockSelfTest.DEFAULTS;

    @Override
    public List<CarrierSetting> settings() {
        List<CarrierSetting> all = new ArrayList<>(SETTINGS);
        all.addAll(MockSelfTest.SETTINGS);
        return all;
    }

    /** A login check, a probe search and a parse check; see {@link MockSelfTest} for the switches that break them. */
    @Override
    public SelfTestResult selfTest(SelfTestRequest request) throws CarrierException {
        return selfTest.run(carrierId, request);
    }

    @Override
    public void start(CarrierContext context) throws CarrierException {
        carrierId = context.carrierId();
        behaviour = MockBehaviour.from(context.config());
        selfTest = MockSelfTest.from(context.config(), MockCarrier.class.getClassLoader());
        CarrierConfig config = context.config();
        reserves = config.getBoolean("reservations", false);
        reservationTtlSeconds = config.getLong("reservation_ttl_s", 1800);
        releaseLatencyMs = config.getLong("release_latency_ms", 0);
        maxQuantity = (int) config.getLong("max_quantity", CarrierCapabilities.DEFAULT_MAX_QUANTITY);
    }

    @Override
    public boolean reservesNumbers() {
        return reserves;
    }

    @Override
    public NumberReservation reserveNumber(String number, Duration ttl, String accountId) throws CarrierException {
        behaviour.apply();
        NumberReservation reservation = new NumberReservation(number, carrierId + "-reservation-" + orders.incrementAndGet(),
                Instant.now().plusSeconds(reservationTtlSeconds));
        reservations.computeIfPresent(number, (n, held) -> held.expiresAt().isBefore(Instant.now()) ? null : held);
        if (reservations.putIfAbsent(number, reservation) != null) {
            throw new CarrierException(ErrorCode.NUMBER_EXISTS, "number " + number + " is already reserved", "mock reservation");
        }
        return reservation;
    }

    @Override
    public void releaseReservation(NumberReservation reservation) throws CarrierException {
        behaviour.apply();
        MockBehaviour.sleep(releaseLatencyMs);
        NumberReservation held = reservations.get(reservation.number());
        if (held == null || !held.reference().equals(reservation.reference()) || !reservations.remove(reservation.number(), held)) {
            throw new CarrierException(ErrorCode.NOT_FOUND, "no reservation " + reservation.reference(), "mock reservation");
        }
    }

    @Override
    public SearchResult findNumbers(String e164Prefix, int quantity, SearchOptions options) throws CarrierException {
        behaviour.apply();
        selfTest.reachable();
        selfTest.searched(searches.getAndIncrement());
        if (quantity > maxQuantity) {
            throw new CarrierException(ErrorCode.INVALID, "asked for " + quantity + " numbers, more than its max_quantity",
                    "max_quantity=" + maxQuantity);
        }
        if (selfTest.noNumbers()) {
            return SearchResult.offers(List.of());
        }
        MockNumbering numbering = MockNumbering.under(e164Prefix);
        if (options.blocks()) {
            List<NumberBlock> blocks = new ArrayList<>();
            long first = (long) options.offset() * options.blockSize();
            for (int i = 0; i < quantity; i++) {
                long start = first + (long) i * options.blockSize();
                if (!numbering.has(start + options.blockSize() - 1)) {
                    break;
                }
                blocks.add(new NumberBlock(numbering.numberAt(start), options.blockSize(), Map.of("source", carrierId)));
            }
            return SearchResult.blocks(blocks);
        }
        List<NumberOffer> offers = new ArrayList<>();
        SearchFilters filters = options.filters();
        int skip = options.offset();
        long scanned = 0;
        for (String prefix : MockPlaces.prefixes(e164Prefix, options.dialcode(), filters)) {
            MockNumbering under = MockNumbering.under(prefix);
            for (long i = 0; offers.size() < quantity && under.has(i) && scanned < MAX_SCAN; i++, scanned++) {
                String number = under.numberAt(i);
                String national = options.nationalNumber(number);
                NumberAttributes attributes = MockPlaces.attributes(national, options.dialcode());
                if (!filters.matchesAll(national, attributes)) {
                    continue;
                }
                if (skip > 0) {
                    skip--;
                    continue;
                }
                offers.add(NumberOffer.of(selfTest.read(number), attributes, Map.of("source", carrierId)));
            }
        }
        return SearchResult.offers(offers);
    }

    /** The mock answers every filter itself, and its offers carry every attribute it knows. */
    @Override
    public CarrierCapabilities capabilities() {
        Map<SearchFilter, FilterSupport> filters = new EnumMap<>(SearchFilter.class);
        for (SearchFilter filter : SearchFilter.values()) {
            filters.put(filter, FilterSupport.NATIVE);
        }
        return new CarrierCapabilities(Set.of(), EnumSet.of(NumberType.LOCAL, NumberType.TOLL_FREE), filters,
                EnumSet.of(OfferAttribute.RATE_CENTER, OfferAttribute.TYPE, OfferAttribute.FEATURES), maxQuantity);
    }

    @Override
    public NumberRecord acquireNumber(NumberRecord number) throws CarrierException {
        behaviour.apply();
        owned.add(number.number());
        return number.withData(Map.of("order_id", carrierId + selfTest.orderTag() + "-order-" + orders.incrementAndGet()));
    }

    @Override
    public NumberRecord disconnectNumber(NumberRecord number) throws CarrierException {
        behaviour.apply();
        owned.remove(number.number());
        return number.withData(Map.of("disconnect_order_id", carrierId + "-disconnect-" + orders.incrementAndGet()));
    }

    /** The mock lists its own numbers: those it acquired and has not disconnected, since it started. */
    @Override
    public boolean listsInventory() {
        return true;
    }

    @Override
    public InventoryPage inventory(int page, int size) throws CarrierException {
        behaviour.apply();
        List<String> all = List.copyOf(owned);
        int from = (int) Math.min(all.size(), (long) (page - 1) * size);
        int to = Math.min(all.size(), from + size);
        return new InventoryPage(all.subList(from, to).stream().map(n -> new InventoryPage.Entry(n, NumberState.IN_SERVICE)).toList(),
                to < all.size());
    }

    @Override
    public boolean shouldLookupCnam() {
        return false;
    }

    @Override
    public boolean isNumberBillable(NumberRecord number) {
        return true;
    }

    @Override
    public boolean isLocal() {
        return false;
    }

    /** How every call behaves: how long it waits, and whether it fails or never answers. */
    private record MockBehaviour(long latencyMs, Optional<CarrierException> failure, boolean hang) {

        static final MockBehaviour IMMEDIATE = new MockBehaviour(0, Optional.empty(), false);

        static MockBehaviour from(CarrierConfig config) {
            try {
                long latency = config.getLong("latency_ms", 0);
                if (latency < 0) {
                    return misconfigured("latency_ms must not be negative, got " + latency);
                }
                boolean hang = config.getBoolean("hang", false);
                Optional<String> fail = config.get("fail");
                if (fail.isEmpty()) {
                    return new MockBehaviour(latency, Optional.empty(), hang);
                }
                Optional<ErrorCode> code = ErrorCode.fromWireName(fail.get());
                if (code.isEmpty()) {
                    return misconfigured("fail must be a standard error code such as carrier_fault, got '" + fail.get() + "'");
                }
                return new MockBehaviour(latency, Optional.of(new CarrierException(code.get(),
                        "mock carrier is configured to fail with " + code.get().wireName(), "fail=" + fail.get())), hang);
            } catch (CarrierException e) {
                return new MockBehaviour(0, Optional.of(e), false);
            }
        }

        static void sleep(long ms) throws CarrierException {
            try {
                if (ms > 0) {
                    Thread.sleep(ms);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CarrierException(ErrorCode.TIMEOUT, "mock carrier call was interrupted");
            }
        }

        private static MockBehaviour misconfigured(String why) {
            return new MockBehaviour(0, Optional.of(new CarrierException(ErrorCode.CARRIER_UNAVAILABLE, "misconfigured", why)), false);
        }

        void apply() throws CarrierException {
            sleep(hang ? Long.MAX_VALUE : latencyMs);
            if (failure.isPresent()) {
                CarrierException f = failure.get();
                throw new CarrierException(f.code(), f.getMessage(), f.detail());
            }
        }
    }
}
