package org.carrierhost.host.manager;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.api.NumberFeature;
import org.carrierhost.api.NumberType;
import org.carrierhost.api.SearchFilter;
import org.carrierhost.api.SearchFilters;
import org.carrierhost.host.errors.StandardError;
import org.carrierhost.host.errors.StandardException;

/**
 * The search vocabulary's rules: each filter's form, read from text ({@link #read}) and checked on a
 * {@link SearchFilters} however it was made ({@link #check}); a value out of form is {@code invalid}, naming the
 * parameter and the form it expects.
 *
 * <p>Thread-safe: holds only constants.
 */
public final class SearchVocabulary {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,15}");
    private static final Pattern AREA_CODE = Pattern.compile("[0-9]{1,5}");
    private static final Pattern NANP_AREA_CODE = Pattern.compile("[2-9][0-9]{2}");
    private static final Pattern PLACE = Pattern.compile("[\\p{L}0-9][\\p{L}0-9 .,'-]{0,63}");
    private static final Pattern REGION = Pattern.compile("[A-Za-z0-9]{1,3}");
    private static final Pattern POSTAL_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 -]{1,9}");

    private SearchVocabulary() {
    }

    /**
     * The filters among query parameters, read by {@code query} (a blank or missing one gives empty): the digit
     * patterns, place, {@code type} (with {@code toll_free=true} as its alias), {@code features} (a comma list) and
     * {@code exact} (true unless {@code false}).
     *
     * @throws StandardException {@code invalid} naming the first parameter out of form
     */
    public static SearchFilters read(Function<String, Optional<String>> query) {
        NumberType type = query.apply("type").map(t -> NumberType.fromWireName(t.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> invalid("type", "local, toll_free or mobile", t))).orElse(null);
        boolean tollFree = query.apply("toll_free").map(v -> bool("toll_free", v)).orElse(false);
        if (tollFree && type != null && type != NumberType.TOLL_FREE) {
            throw StandardException.of(ErrorCode.INVALID, "toll_free=true contradicts type=" + type.wireName(),
                    "toll_free=true is an alias of type=toll_free; give one");
        }
        EnumSet<NumberFeature> features = EnumSet.noneOf(NumberFeature.class);
        query.apply("features").ifPresent(list -> {
            for (String name : list.split(",", -1)) {
                features.add(NumberFeature.fromWireName(name.strip().toLowerCase(Locale.ROOT))
                        .orElseThrow(() -> invalid("features", "a comma list of sms, mms, voice and fax", list)));
            }
        });
        SearchFilters filters = new SearchFilters(query.apply("area_code").orElse(null), query.apply("starts_with").orElse(null),
                query.apply("contains").orElse(null), query.apply("ends_with").orElse(null),
                query.apply("locality").orElse(null), query.apply("region").orElse(null),
                query.apply("postal_code").orElse(null), query.apply("rate_center").orElse(null),
                tollFree ? NumberType.TOLL_FREE : type, features,
                query.apply("exact").map(v -> bool("exact", v)).orElse(true));
        check(filters, null);
        return filters;
    }

    /**
     * Checks each filter's form; {@code dialcode} (for example {@code +1}) sharpens the area code's, or is null.
     *
     * @throws StandardException {@code invalid} naming the first filter out of form
     */
    public static void check(SearchFilters filters, String dialcode) {
        boolean nanp = "+1".equals(dialcode);
        form(SearchFilter.AREA_CODE, filters.areaCode(), nanp ? NANP_AREA_CODE : AREA_CODE,
                nanp ? "3 digits, the first 2 to 9, for example 415" : "1 to 5 digits");
        form(SearchFilter.STARTS_WITH, filters.startsWith(), DIGITS, "1 to 15 digits of the national number");
        form(SearchFilter.CONTAINS, filters.contains(), DIGITS, "1 to 15 digits of the national number");
        form(SearchFilter.ENDS_WITH, filters.endsWith(), DIGITS, "1 to 15 digits of the national number");
        form(SearchFilter.LOCALITY, filters.locality(), PLACE, "a city name of at most 64 letters, digits, spaces and .,'-");
        form(SearchFilter.REGION, filters.region(), REGION, "a state or province code of 1 to 3 letters or digits, for example CA");
        form(SearchFilter.POSTAL_CODE, filters.postalCode(), POSTAL_CODE, "2 to 10 letters, digits, spaces or -");
        form(SearchFilter.RATE_CENTER, filters.rateCenter(), PLACE, "a rate center of at most 64 letters, digits, spaces and .,'-");
    }

    private static void form(SearchFilter filter, String value, Pattern pattern, String expected) {
        if (value != null && !pattern.matcher(value).matches()) {
            throw invalid(filter.wireName(), expected, value);
        }
    }

    private static boolean bool(String name, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(name, "true or false", value);
        };
    }

    private static StandardException invalid(String name, String expected, String got) {
        return StandardException.of(ErrorCode.INVALID, name + " must be " + expected, "got '" + StandardError.bounded(got, 70) + "'");
    }
}
