package org.carrierhost.plugins.local;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

import org.carrierhost.api.CarrierCapabilities;
import org.carrierhost.api.CarrierContext;
import org.carrierhost.api.FilterSupport;
import org.carrierhost.api.OfferAttribute;
import org.carrierhost.api.SearchFilter;
import org.carrierhost.api.CarrierException;
import org.carrierhost.api.CarrierExtension;
import org.carrierhost.api.ErrorCode;
import org.carrierhost.api.InventoryPage;
import org.carrierhost.api.NumberInventory;
import org.carrierhost.api.NumberOffer;
import org.carrierhost.api.NumberRecord;
import org.carrierhost.api.SearchOptions;
import org.carrierhost.api.SearchResult;
import org.pf4j.Extension;

/**
 * The system's own stock of numbers (KAZOO's {@code knm_local}): numbers imported into the host's registry
 * in state {@code available}. It keeps no store of its own: searches go to the host's
 * {@link NumberInventory}, and acquire and disconnect change nothing here, because the host moves the
 * number's state in its registry.
 *
 * <p>Thread-safe: the inventory and id are set once at {@link #start(CarrierContext)} and published through
 * volatile fields; the inventory itself is thread-safe.
 */
@Extension
public class LocalCarrier implements CarrierExtension {

    private volatile String carrierId = "local";
    private volatile Optional<NumberInventory> inventory = Optional.empty();

    @Override
    public void start(CarrierContext context) {
        carrierId = context.carrierId();
        inventory = context.inventory();
    }

    @Override
    public SearchResult findNumbers(String e164Prefix, int quantity, SearchOptions options) throws CarrierException {
        NumberInventory stock = stock();
        if (options.blocks()) {
            throw new CarrierException(ErrorCode.INVALID, "the local carrier does not offer blocks",
                    "its stock is searched number by number; search without blocks");
        }
        List<NumberOffer> offers = stock.findAvailable(carrierId, e164Prefix, options, quantity).stream()
                .map(record -> new NumberOffer(record.number(), record.data())).toList();
        return SearchResult.offers(offers);
    }

    /**
     * The local stock answers every filter from the attributes its numbers were imported with (a number imported
     * without one matches no filter on it), and its offers carry them.
     */
    @Override
    public CarrierCapabilities capabilities() {
        Map<SearchFilter, FilterSupport> filters = new EnumMap<>(SearchFilter.class);
        for (SearchFilter filter : SearchFilter.values()) {
            filters.put(filter, FilterSupport.NATIVE);
        }
        return new CarrierCapabilities(Set.of(), Set.of(), filters, EnumSet.allOf(OfferAttribute.class),
                CarrierCapabilities.DEFAULT_MAX_QUANTITY);
    }

    /** Nothing to order: the host moves the number out of the stock in its registry. */
    @Override
    public NumberRecord acquireNumber(NumberRecord number) throws CarrierException {
        stock();
        return number;
    }

    /** Nothing to release: the host puts the number back in the stock in its registry. */
    @Override
    public NumberRecord disconnectNumber(NumberRecord number) throws CarrierException {
        stock();
        return number;
    }

    /** The local carrier's inventory is its stock: the numbers taken from it, as the host's registry holds them. */
    @Override
    public boolean listsInventory() {
        return inventory.isPresent();
    }

    @Override
    public InventoryPage inventory(int page, int size) throws CarrierException {
        List<NumberRecord> taken = stock().findTaken(carrierId, (page - 1) * size, size + 1);
        return new InventoryPage(taken.stream().limit(size).map(r -> new InventoryPage.Entry(r.number(), r.state())).toList(),
                taken.size() > size);
    }

    @Override
    public boolean shouldLookupCnam() {
        return true;
    }

    @Override
    public boolean isNumberBillable(NumberRecord number) {
        return false;
    }

    @Override
    public boolean isLocal() {
        return true;
    }

    private NumberInventory stock() throws CarrierException {
        return inventory.orElseThrow(() -> new CarrierException(ErrorCode.CARRIER_UNAVAILABLE,
                "local carrier " + carrierId + " has no number inventory",
                "the host gave it none at start; a local carrier searches the host's registry and keeps no stock of its own"));
    }
}
