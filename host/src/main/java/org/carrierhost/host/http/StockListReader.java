package org.carrierhost.host.http;

import java.io.IOException;

import org.carrierhost.host.manager.StockEntries;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads an import's {@code "numbers": [...]} token by token into {@link StockEntries}, as the body is parsed: a string
 * entry is kept as its text (an E.164 one as its digits), an object as the entry it describes (checked as
 * {@link ImportBody} checks it, naming {@code numbers[i]}), anything else as its JSON text, for the import to find
 * invalid. No tree of the list is built, so a million numbers cost the parse and 8 MB, not a node and a string each.
 *
 * <p>Thread-safe: stateless, as Jackson requires of a deserializer.
 */
final class StockListReader extends JsonDeserializer<StockEntries> {

    @Override
    public StockEntries deserialize(JsonParser p, DeserializationContext context) throws IOException {
        if (!p.isExpectedStartArrayToken()) {
            return (StockEntries) context.handleUnexpectedToken(StockEntries.class, p);
        }
        StockEntries.Builder entries = new StockEntries.Builder();
        for (JsonToken token = p.nextToken(); token != JsonToken.END_ARRAY; token = p.nextToken()) {
            if (token == JsonToken.VALUE_NULL) {
                entries.add("null");
            } else if (token == JsonToken.VALUE_STRING) {
                entries.add(p.getText());
            } else if (token == JsonToken.START_OBJECT) {
                JsonNode entry = p.readValueAsTree();
                entries.add(ImportBody.entry(entry, "numbers[" + entries.size() + "]"));
            } else {
                JsonNode other = p.readValueAsTree();
                entries.add(other.toString());
            }
        }
        return entries.build();
    }
}
