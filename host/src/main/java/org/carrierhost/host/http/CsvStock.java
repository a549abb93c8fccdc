package org.carrierhost.host.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.host.errors.StandardError;
import org.carrierhost.host.errors.StandardException;
import org.carrierhost.host.manager.StockEntries;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A stock import given as CSV ({@code POST /api/numbers/import?carrier=local} with {@code Content-Type: text/csv}):
 * a header row naming the columns ({@code number}, required, and any of {@code locality}, {@code region},
 * {@code postal_code}, {@code rate_center}, {@code type} and {@code features}, in any order), then a row per number.
 * Fields are separated by commas and may be quoted ({@code "San Francisco, CA"}, a quote doubled inside); features
 * are separated by {@code ;} ({@code sms;voice}); an empty field is no value; blank lines are left out. Each row becomes
 * the same object a JSON import takes, so its values are checked the same way. The rows are read one at a time into
 * compact {@link StockEntries}: a million-row CSV never exists as a million rows or lines at once.
 *
 * <p>Thread-safe: stateless.
 */
final class CsvStock {

    private CsvStock() {
    }

    /**
     * Reads {@code body} (UTF-8) into the entries of an import, each row as the entry a JSON import's object gives.
     *
     * @throws StandardException {@code invalid} naming the line and column of a missing, unknown or repeated column, a
     *                           row with more or fewer fields than the header names, or a bad attribute (as
     *                           {@code CSV line n})
     */
    static StockEntries parse(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        int at = text.startsWith("\uFEFF") ? 1 : 0;
        int line = 0;
        List<String> columns = null;
        StockEntries.Builder entries = new StockEntries.Builder();
        while (at <= text.length()) {
            int end = text.indexOf('\n', at);
            end = end < 0 ? text.length() : end;
            String row = text.substring(at, end > at && text.charAt(end - 1) == '\r' ? end - 1 : end);
            at = end + 1;
            line++;
            if (row.isBlank()) {
                continue;
            }
            List<String> fields = fields(row, line);
            if (columns == null) {
                columns = header(fields);
                continue;
            }
            if (fields.size() != columns.size()) {
                throw StandardException.of(ErrorCode.INVALID, "CSV line " + line + " has " + fields.size() + " fields",
                        "the header names " + columns.size() + ": " + String.join(",", columns));
            }
            entries.add(ImportBody.entry(row(columns, fields), "CSV line " + line));
        }
        if (columns == null) {
            throw StandardException.of(ErrorCode.INVALID, "the CSV has no header row",
                    "its first line names the columns: number, and any of " + String.join(", ", ImportBody.ATTRIBUTE_FIELDS));
        }
        return entries.build();
    }

    /** The header's columns, checked: {@code number} once, and each other a known attribute, once. */
    private static List<String> header(List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!ImportBody.ENTRY_FIELDS.contains(name)) {
                throw StandardException.of(ErrorCode.INVALID, "CSV column '" + StandardError.bounded(name, 40) + "' is unknown",
                        "known: number, " + String.join(", ", ImportBody.ATTRIBUTE_FIELDS));
            }
            if (!seen.add(name)) {
                throw StandardException.of(ErrorCode.INVALID, "CSV column '" + name + "' is named twice", null);
            }
        }
        if (!seen.contains("number")) {
            throw StandardException.of(ErrorCode.INVALID, "the CSV has no number column",
                    "its header row names the columns, for example number,locality,region,features");
        }
        return names;
    }

    private static JsonNode row(List<String> columns, List<String> fields) {
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        for (int c = 0; c < columns.size(); c++) {
            String value = fields.get(c).strip();
            if (value.isEmpty()) {
                continue;
            }
            if (columns.get(c).equals("features")) {
                var list = row.putArray("features");
                for (String feature : value.split(";")) {
                    if (!feature.isBlank()) {
                        list.add(feature.strip());
                    }
                }
            } else {
                row.put(columns.get(c), value);
            }
        }
        return row;
    }

    /** The fields of one line: separated by commas, each optionally in double quotes with a quote doubled inside. */
    private static List<String> fields(String line, int number) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                quoted = true;
                field.setLength(0);
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw StandardException.of(ErrorCode.INVALID, "CSV line " + number + " has a quote that is not closed", null);
        }
        fields.add(field.toString());
        return fields.stream().map(String::strip).toList();
    }
}
