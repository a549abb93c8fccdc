package org.carrierhost.host.plugins.isolation;

import java.time.Duration;
import java.util.List;

import org.carrierhost.api.CarrierCapabilities;
import org.carrierhost.api.CarrierException;
import org.carrierhost.api.CarrierExtension;
import org.carrierhost.api.CarrierSetting;
import org.carrierhost.api.InventoryPage;
import org.carrierhost.api.NumberRecord;
import org.carrierhost.api.NumberReservation;
import org.carrierhost.api.SearchOptions;
import org.carrierhost.api.SearchResult;
import org.carrierhost.api.SelfTestRequest;
import org.carrierhost.api.SelfTestResult;
import org.carrierhost.api.ErrorCode;
import org.carrierhost.api.NumberState;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The carrier contract, answered by a carrier in its own process: each call is a message to the process serving
 * now, and its answer is rebuilt from plain JSON through the api's records. The host calls it through the same
 * call path (deadline, breaker, bulkhead, statistics, events) as a carrier in its own process. What a carrier said
 * once when it started (local, CNAM, holds, inventory, its settings, what its search can answer) is answered from that, without a call.
 *
 * <p>Thread-safe: holds only immutable facts and its generation, whose process it looks up per call.
 */
final class RemoteCarrier implements CarrierExtension {

    private final ProcessGeneration generation;
    private final ObjectNode ready;
    private final CarrierCapabilities capabilities;

    RemoteCarrier(ProcessGeneration generation, ObjectNode ready) {
        this.generation = generation;
        this.ready = ready;
        this.capabilities = capabilities(ready);
    }

    /** What the carrier said it can answer when it started; a process that said nothing answers prefixes only. */
    private static CarrierCapabilities capabilities(ObjectNode ready) {
        if (!ready.hasNonNull("capabilities")) {
            return CarrierCapabilities.prefixOnly();
        }
        try {
            return Frames.JSON.treeToValue(ready.get("capabilities"), CarrierCapabilities.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("the carrier process's capabilities are malformed: " + e.getMessage(), e);
        }
    }

    @Override
    public CarrierCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public List<CarrierSetting> settings() {
        return generation.declaredSettings().declared();
    }

    @Override
    public SearchResult findNumbers(String e164Prefix, int quantity, SearchOptions options) throws CarrierException {
        ObjectNode call = call(CarrierOps.FIND);
        call.put("prefix", e164Prefix);
        call.put("quantity", quantity);
        call.set("options", Wire.options(options));
        return Wire.result(generation.serving().call(call));
    }

    @Override
    public NumberRecord acquireNumber(NumberRecord number) throws CarrierException {
        return Wire.record(generation.serving().call(withNumber(CarrierOps.ACQUIRE, number)));
    }

    @Override
    public NumberRecord disconnectNumber(NumberRecord number) throws CarrierException {
        return Wire.record(generation.serving().call(withNumber(CarrierOps.DISCONNECT, number)));
    }

    /**
     * Runs the self-test in the carrier's process; the acquires and disconnects it tried there (refused there) are
     * told to {@code request}'s calls, which refuse them too, so the host's verdict names them.
     */
    @Override
    public SelfTestResult selfTest(SelfTestRequest request) throws CarrierException {
        ObjectNode call = call(CarrierOps.SELFTEST);
        call.put("id", generation.id());
        call.put("purpose", request.purpose().name());
        call.put("deadlineMs", request.deadline().toMillis());
        call.put("budget", request.budget());
        JsonNode answer = generation.serving().call(call);
        for (JsonNode attempt : answer.path("refused")) {
            NumberRecord number = new NumberRecord(attempt.path("number").asText(""), NumberState.DISCOVERY, generation.id(), null, null);
            try {
                if ("disconnect".equals(attempt.path("call").asText())) {
                    request.calls().disconnectNumber(number);
                } else {
                    request.calls().acquireNumber(number);
                }
            } catch (CarrierException refused) {
                // Refused, as it was in the process.
            }
        }
        if (answer.hasNonNull("failure")) {
            throw new CarrierException(ErrorCode.CARRIER_UNAVAILABLE, answer.path("failure").asText());
        }
        try {
            return Frames.JSON.treeToValue(answer.path("result"), SelfTestResult.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new CarrierException(ErrorCode.CARRIER_FAULT, "the carrier process's self-test answer is malformed", e.getMessage());
        }
    }

    @Override
    public boolean shouldLookupCnam() {
        return ready.path("cnam").asBoolean();
    }

    @Override
    public boolean isNumberBillable(NumberRecord number) {
        try {
            return generation.serving().call(withNumber(CarrierOps.BILLABLE, number)).asBoolean();
        } catch (CarrierException e) {
            throw new IllegalStateException(e.getMessage() + (e.detail() == null ? "" : ": " + e.detail()), e);
        }
    }

    @Override
    public boolean isLocal() {
        return ready.path("local").asBoolean();
    }

    @Override
    public boolean reservesNumbers() {
        return ready.path("reserves").asBoolean();
    }

    @Override
    public NumberReservation reserveNumber(String number, Duration ttl, String accountId) throws CarrierException {
        ObjectNode call = call(CarrierOps.RESERVE);
        call.put("number", number);
        call.put("ttlMs", ttl.toMillis());
        call.put("account", accountId);
        return Wire.reservation(generation.serving().call(call));
    }

    @Override
    public NumberReservation extendReservation(NumberReservation reservation) throws CarrierException {
        return Wire.reservation(generation.serving().call(withReservation(CarrierOps.EXTEND, reservation)));
    }

    @Override
    public void releaseReservation(NumberReservation reservation) throws CarrierException {
        generation.serving().call(withReservation(CarrierOps.RELEASE, reservation));
    }

    @Override
    public boolean listsInventory() {
        return ready.path("lists").asBoolean();
    }

    @Override
    public InventoryPage inventory(int page, int size) throws CarrierException {
        ObjectNode call = call(CarrierOps.INVENTORY);
        call.put("page", page);
        call.put("size", size);
        try {
            return Wire.page(generation.serving().call(call));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the carrier's inventory page is malformed: " + e.getMessage(), e);
        }
    }

    private static ObjectNode call(String op) {
        ObjectNode call = Frames.message();
        call.put("op", op);
        return call;
    }

    private static ObjectNode withNumber(String op, NumberRecord number) {
        ObjectNode call = call(op);
        call.set("number", Wire.record(number));
        return call;
    }

    private static ObjectNode withReservation(String op, NumberReservation reservation) {
        ObjectNode call = call(op);
        call.set("reservation", Wire.reservation(reservation));
        return call;
    }
}
