package org.carrierhost.host.plugins.isolation;

import java.io.IOException;
import java.time.Duration;

import org.carrierhost.api.CarrierException;
import org.carrierhost.api.CarrierExtension;
import org.carrierhost.api.SelfTestRequest;
import org.carrierhost.host.plugins.SelfTestProbe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The carrier contract's calls by name, as the carrier's process serves them: each message names its {@code op}
 * and carries its arguments; the answer is the call's value as {@link Wire} writes it.
 *
 * <p>Thread-safe: stateless.
 */
final class CarrierOps {

    static final String FIND = "find";
    static final String ACQUIRE = "acquire";
    static final String DISCONNECT = "disconnect";
    static final String BILLABLE = "billable";
    static final String RESERVE = "reserve";
    static final String EXTEND = "extend";
    static final String RELEASE = "release";
    static final String INVENTORY = "inventory";
    static final String SELFTEST = "selftest";

    private CarrierOps() {
    }

    /** Calls {@code carrier} as {@code message} says and answers its value. */
    static JsonNode serve(CarrierExtension carrier, ObjectNode message) throws CarrierException, IOException {
        String op = message.path("op").asText();
        return switch (op) {
            case FIND -> Wire.result(carrier.findNumbers(message.path("prefix").asText(), message.path("quantity").asInt(),
                    Wire.options(message.path("options"))));
            case ACQUIRE -> Wire.record(carrier.acquireNumber(Wire.record(message.path("number"))));
            case DISCONNECT -> Wire.record(carrier.disconnectNumber(Wire.record(message.path("number"))));
            case BILLABLE -> BooleanNode.valueOf(carrier.isNumberBillable(Wire.record(message.path("number"))));
            case RESERVE -> Wire.reservation(carrier.reserveNumber(message.path("number").asText(),
                    Duration.ofMillis(message.path("ttlMs").asLong()), Wire.text(message, "account")));
            case EXTEND -> Wire.reservation(carrier.extendReservation(Wire.reservation(message.path("reservation"))));
            case RELEASE -> {
                carrier.releaseReservation(Wire.reservation(message.path("reservation")));
                yield NullNode.getInstance();
            }
            case INVENTORY -> Wire.page(carrier.inventory(message.path("page").asInt(), message.path("size").asInt()));
            case SELFTEST -> selfTest(carrier, message);
            default -> throw new IOException("no such call: " + op);
        };
    }

    /**
     * Runs the carrier's self-test here, with a {@link SelfTestProbe} of this process: its result, or the failure
     * it ended with once it tried an acquire or a disconnect, and those attempts, which the host's probe is told.
     */
    private static JsonNode selfTest(CarrierExtension carrier, ObjectNode message) throws CarrierException {
        int budget = message.path("budget").asInt(1);
        SelfTestProbe probe = new SelfTestProbe(message.path("id").asText("carrier"), carrier, budget);
        ObjectNode answer = Frames.message();
        try {
            answer.set("result", Frames.JSON.valueToTree(carrier.selfTest(new SelfTestRequest(
                    SelfTestRequest.Purpose.valueOf(message.path("purpose").asText()),
                    Duration.ofMillis(message.path("deadlineMs").asLong()), budget, probe))));
        } catch (CarrierException e) {
            if (probe.refused().isEmpty()) {
                throw e;
            }
            answer.put("failure", e.getMessage());
        }
        answer.set("refused", Frames.JSON.valueToTree(probe.refused()));
        return answer;
    }
}
