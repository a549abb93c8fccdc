package org.carrierhost.host.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.host.errors.StandardError;
import org.carrierhost.host.errors.StandardException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A stock import given as CSV ({@code POST /api/numbers/import?carrier=local} with {@code Content-Type: text/csv}):
 * a header row naming the columns ({@code number}, required, and any of {@code locality}, {@code region},
 * {@code postal_code}, {@code rate_center}, {@code type} and {@code features}, in any order), then a row per number.
 * Fields are separated by commas and may be quoted ({@code "San Francisco, CA"}, a quote doubled inside); features
 * are separated by {@code ;} ({@code sms;voice}); an empty field is no value; blank lines are left out. Each row becomes
 * the same object a JSON import takes, so its values are checked the same way.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param rows  each row as the object a JSON import takes
 * @param lines each row's line number in the text (the header is line 1), for naming a bad value
 */
record CsvStock(List<JsonNode> rows, List<Integer> lines) {

    CsvStock {
        rows = List.copyOf(rows);
        lines = List.copyOf(lines);
    }

    /**
     * Reads {@code body} (UTF-8).
     *
     * @throws StandardException {@code invalid} naming the line and column of a missing, unknown or repeated column, or a
     *                           row with more or fewer fields than the header names
     */
    static CsvStock parse(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r?\n", -1);
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) {
            first++;
        }
        if (first == lines.length) {
            throw StandardException.of(ErrorCode.INVALID, "the CSV has no header row",
                    "its first line names the columns: number, and any of " + String.join(", ", ImportBody.ATTRIBUTE_FIELDS));
        }
        List<String> columns = header(fields(lines[first], first + 1));
        List<JsonNode> rows = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        for (int i = first + 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            List<String> fields = fields(lines[i], i + 1);
            if (fields.size() != columns.size()) {
                throw StandardException.of(ErrorCode.INVALID, "CSV line " + (i + 1) + " has " + fields.size() + " fields",
                        "the header names " + columns.size() + ": " + String.join(",", columns));
            }
            rows.add(row(columns, fields));
            numbers.add(i + 1);
        }
        return new CsvStock(rows, numbers);
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
