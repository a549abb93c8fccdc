package org.carrierhost.host.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.carrierhost.api.NumberAttributes;
import org.carrierhost.api.NumberFeature;
import org.carrierhost.api.NumberState;
import org.carrierhost.api.SearchFilters;
import org.carrierhost.api.SearchOptions;

/**
 * The attributes of a local carrier's stock in the registry's columns (migration V12): written with an import, and read
 * by a filtered stock search. Locality, region, postal code and rate center are stored upper-case as search keys (the
 * values as imported stay in the data); features as their sorted wire names between bars, for example {@code |sms|voice|}.
 *
 * <p>Thread-safe: stateless.
 */
final class StockAttributes {

    private static final String DESCRIBE = "UPDATE numbers SET locality = ?, region = ?, postal_code = ?, rate_center = ?,"
            + " number_type = ?, features = ?, data = ? WHERE number = ? AND carrier = ?";
    private static final int BATCH = 5_000;

    private StockAttributes() {
    }

    /** Stores the attributes of the numbers just added (those not {@code present}), in the caller's transaction. */
    static void describeAdded(Connection c, String carrier, Map<String, NumberAttributes> attributes,
                              java.util.function.Predicate<String> present)
            throws SQLException {
        if (attributes.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(DESCRIBE)) {
            int batched = 0;
            for (Map.Entry<String, NumberAttributes> entry : attributes.entrySet()) {
                NumberAttributes a = entry.getValue();
                if (present.test(entry.getKey()) || a.toData().isEmpty()) {
                    continue;
                }
                s.setString(1, key(a.locality()));
                s.setString(2, key(a.region()));
                s.setString(3, key(a.postalCode()));
                s.setString(4, key(a.rateCenter()));
                s.setString(5, a.type() == null ? null : a.type().wireName());
                s.setString(6, a.features().isEmpty() ? null : features(a.features()));
                s.setString(7, CarrierDataCodec.encode(a.toData()));
                s.setString(8, entry.getKey());
                s.setString(9, carrier);
                s.addBatch();
                if (++batched % BATCH == 0) {
                    s.executeBatch();
                }
            }
            s.executeBatch();
        }
    }

    /**
     * The stock search of {@code carrier}'s available numbers in [{@code from}, {@code to}) matching the filters of
     * {@code options}, ordered by the columns of the index that serves it (so the database reads it in order and
     * stops after the page), skipping the options' offset and returning at most {@code limit}.
     */
    static Query search(String columns, String carrier, String from, String to, SearchOptions options, int limit) {
        SearchFilters f = options.filters();
        StringBuilder where = new StringBuilder(" WHERE carrier = ? AND state = ?");
        List<Object> values = new ArrayList<>(List.of(carrier, NumberState.AVAILABLE.name()));
        String order = "carrier, state, number";
        if (f.locality() != null) {
            where.append(" AND locality = ?");
            values.add(key(f.locality()));
            order = "carrier, state, locality, number";
        }
        if (f.region() != null) {
            where.append(" AND region = ?");
            values.add(key(f.region()));
            order = f.locality() == null ? "carrier, state, region, number" : order;
        }
        where.append(" AND number >= ? AND number < ?");
        values.add(from);
        values.add(to);
        equal(where, values, "postal_code", key(f.postalCode()));
        equal(where, values, "rate_center", key(f.rateCenter()));
        equal(where, values, "number_type", f.type() == null ? null : f.type().wireName());
        for (NumberFeature feature : f.features()) {
            like(where, values, "features", "%|" + feature.wireName() + "|%");
        }
        if (f.contains() != null) {
            like(where, values, "number", options.dialcode() + "%" + f.contains() + "%");
        }
        if (f.endsWith() != null) {
            like(where, values, "number", "%" + f.endsWith());
        }
        return new Query("SELECT " + columns + " FROM numbers" + where + " ORDER BY " + order + page(options.offset(), limit), values);
    }

    /**
     * The clause that pages a stock search, with its offset and size written in: PostgreSQL plans a statement whose
     * LIMIT is a parameter for a tenth of the range (its generic plan then costs more than a fresh plan), so it would
     * plan the search again on every execution, about half a millisecond of its CPU each time, where the written-in
     * LIMIT lets it keep one plan per connection and page size.
     */
    static String page(int offset, int limit) {
        return " OFFSET " + Math.max(0, offset) + " ROWS FETCH NEXT " + Math.max(0, limit) + " ROWS ONLY";
    }

    private static void equal(StringBuilder where, List<Object> values, String column, String value) {
        if (value != null) {
            where.append(" AND ").append(column).append(" = ?");
            values.add(value);
        }
    }

    private static void like(StringBuilder where, List<Object> values, String column, String pattern) {
        where.append(" AND ").append(column).append(" LIKE ?");
        values.add(pattern);
    }

    private static String key(String value) {
        return value == null ? null : value.strip().toUpperCase(Locale.ROOT);
    }

    private static String features(Set<NumberFeature> features) {
        return EnumSet.copyOf(features).stream().map(NumberFeature::wireName).sorted()
                .collect(Collectors.joining("|", "|", "|"));
    }

    /**
     * A statement and its values, in order.
     *
     * @param sql    the statement
     * @param values its parameters: strings and whole numbers
     */
    record Query(String sql, List<Object> values) {

        Query {
            values = List.copyOf(values);
        }

        void bind(PreparedStatement s) throws SQLException {
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) instanceof Integer whole) {
                    s.setInt(i + 1, whole);
                } else {
                    s.setString(i + 1, (String) values.get(i));
                }
            }
        }
    }
}
