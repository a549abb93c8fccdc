package org.carrierhost.host.plugins.isolation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.carrierhost.api.CarrierException;
import org.carrierhost.api.CarrierSetting;
import org.carrierhost.api.ErrorCode;
import org.carrierhost.api.InventoryPage;
import org.carrierhost.api.NumberBlock;
import org.carrierhost.api.NumberOffer;
import org.carrierhost.api.NumberRecord;
import org.carrierhost.api.NumberReservation;
import org.carrierhost.api.SearchOptions;
import org.carrierhost.api.SearchResult;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The carrier contract's values as JSON, both ways. What the host reads back is rebuilt through the api's own
 * records, whose constructors check it, so no plugin object ever crosses: only strings, numbers, lists and maps.
 *
 * <p>Thread-safe: stateless.
 */
final class Wire {

    private static final TypeReference<Map<String, Object>> DATA = new TypeReference<>() {
    };

    private Wire() {
    }

    static JsonNode options(SearchOptions options) {
        return Frames.JSON.valueToTree(options);
    }

    static SearchOptions options(JsonNode node) throws JsonProcessingException {
        return Frames.JSON.treeToValue(node, SearchOptions.class);
    }

    static JsonNode record(NumberRecord record) {
        ObjectNode node = Frames.message();
        node.put("number", record.number());
        node.put("state", record.state().name());
        node.put("carrier", record.carrier());
        node.put("accountId", record.accountId());
        node.set("data", plain(record.data()));
        return node;
    }

    static NumberRecord record(JsonNode node) {
        return new NumberRecord(node.path("number").asText(), org.carrierhost.api.NumberState.valueOf(node.path("state").asText()),
                node.path("carrier").asText(), text(node, "accountId"), data(node));
    }

    static JsonNode result(SearchResult result) {
        ObjectNode node = Frames.message();
        if (result instanceof SearchResult.Blocks blocks) {
            ArrayNode list = node.putArray("blocks");
            for (NumberBlock block : blocks.blocks()) {
                ObjectNode b = list.addObject();
                b.put("start", block.start());
                b.put("size", block.size());
                b.set("data", plain(block.data()));
            }
        } else {
            ArrayNode list = node.putArray("offers");
            for (NumberOffer offer : result.toOffers()) {
                ObjectNode o = list.addObject();
                o.put("number", offer.number());
                o.set("data", plain(offer.data()));
            }
        }
        return node;
    }

    static SearchResult result(JsonNode node) {
        if (node.has("blocks")) {
            List<NumberBlock> blocks = new ArrayList<>();
            for (JsonNode b : node.path("blocks")) {
                blocks.add(new NumberBlock(b.path("start").asText(), b.path("size").asInt(), data(b)));
            }
            return SearchResult.blocks(blocks);
        }
        List<NumberOffer> offers = new ArrayList<>();
        for (JsonNode o : node.path("offers")) {
            offers.add(new NumberOffer(o.path("number").asText(), data(o)));
        }
        return SearchResult.offers(offers);
    }

    static JsonNode reservation(NumberReservation reservation) {
        ObjectNode node = Frames.message();
        node.put("number", reservation.number());
        node.put("reference", reservation.reference());
        node.put("expiresAt", reservation.expiresAt().toString());
        return node;
    }

    static NumberReservation reservation(JsonNode node) {
        return new NumberReservation(node.path("number").asText(), node.path("reference").asText(),
                Instant.parse(node.path("expiresAt").asText()));
    }

    static JsonNode page(InventoryPage page) {
        return Frames.JSON.valueToTree(page);
    }

    static InventoryPage page(JsonNode node) throws JsonProcessingException {
        return Frames.JSON.treeToValue(node, InventoryPage.class);
    }

    static JsonNode settings(List<CarrierSetting> settings) {
        ArrayNode list = Frames.JSON.createArrayNode();
        for (CarrierSetting s : settings) {
            ObjectNode node = list.addObject();
            node.put("key", s.key());
            node.put("kind", s.kind().name());
            node.put("required", s.required());
            node.put("default", s.defaultValue().orElse(null));
            node.put("min", s.min());
            node.put("max", s.max());
            node.set("choices", Frames.JSON.valueToTree(s.choices()));
            node.put("secret", s.secret());
            node.put("doc", s.doc());
        }
        return list;
    }

    static List<CarrierSetting> settings(JsonNode list) {
        List<CarrierSetting> settings = new ArrayList<>();
        for (JsonNode s : list) {
            List<String> choices = new ArrayList<>();
            s.path("choices").forEach(c -> choices.add(c.asText()));
            settings.add(new CarrierSetting(s.path("key").asText(), CarrierSetting.Kind.valueOf(s.path("kind").asText()),
                    s.path("required").asBoolean(), Optional.ofNullable(text(s, "default")), s.path("min").asLong(),
                    s.path("max").asLong(), choices, s.path("secret").asBoolean(), s.path("doc").asText()));
        }
        return settings;
    }

    static JsonNode error(CarrierException e) {
        ObjectNode node = Frames.message();
        node.put("code", e.code().name());
        node.put("message", String.valueOf(e.getMessage()));
        node.put("detail", e.detail());
        node.set("data", plain(e.data()));
        return node;
    }

    static CarrierException error(JsonNode node) {
        CarrierException e = new CarrierException(ErrorCode.valueOf(node.path("code").asText()), node.path("message").asText(),
                text(node, "detail"));
        Map<String, Object> data = data(node);
        return data.isEmpty() ? e : e.withData(data);
    }

    /** {@code data} as plain JSON values only: what a plugin's value says of itself, never the value. */
    private static JsonNode plain(Map<String, ?> data) {
        return Frames.JSON.valueToTree(org.carrierhost.host.registry.CarrierDataCodec.plain(data));
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Map<String, Object> data(JsonNode node) {
        JsonNode data = node.get("data");
        return data == null || data.isNull() ? Map.of() : Frames.JSON.convertValue(data, DATA);
    }
}
