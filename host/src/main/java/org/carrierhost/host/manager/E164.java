package org.carrierhost.host.manager;

import java.util.Locale;
import java.util.regex.Pattern;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.host.errors.StandardException;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Normalises what callers type into E.164, using libphonenumber's metadata for country calling codes and
 * national prefixes rather than hand-kept tables.
 *
 * <p>Thread-safe: {@link PhoneNumberUtil} is.
 */
public final class E164 {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final int MAX_DIGITS = 15;
    private static final Pattern DIALLABLE = Pattern.compile("\\+?[0-9 ().-]+");
    /** The length of a North American number in E.164: {@code +1}, then ten digits. */
    private static final int NANP_LENGTH = 12;

    private E164() {
    }

    /**
     * The E.164 prefix for a search: {@code 415}, {@code 1415} and {@code +1415} are all {@code +1415}
     * for country US; {@code 20} for GB is {@code +4420} (a leading national prefix such as {@code 0} is
     * dropped).
     *
     * @throws StandardException {@code invalid} naming the fault
     */
    public static String prefix(String raw, String country) {
        String region = region(country);
        int code = PHONES.getCountryCodeForRegion(region);
        String text = raw == null ? "" : raw.strip().replaceAll("[\\s().-]", "");
        if (text.isEmpty()) {
            throw invalid("prefix is required", "give the digits a number starts with, for example 415");
        }
        boolean international = text.startsWith("+");
        String digits = international ? text.substring(1) : text;
        if (!digits.matches("[0-9]+")) {
            throw invalid("prefix must be digits", "got '" + raw + "'");
        }
        if (!international) {
            String national = PHONES.getNddPrefixForRegion(region, true);
            String cc = Integer.toString(code);
            if (national != null && !national.isEmpty() && digits.startsWith(national)) {
                digits = cc + digits.substring(national.length());
            } else if (!digits.startsWith(cc)) {
                digits = cc + digits;
            }
        }
        if (digits.startsWith("0")) {
            throw invalid("prefix must not start with 0 after the country code", "got '" + raw + "'");
        }
        if (digits.length() > MAX_DIGITS) {
            throw invalid("prefix is longer than a phone number", "E.164 numbers have at most 15 digits; got '" + raw + "'");
        }
        return "+" + digits;
    }

    /**
     * The E.164 form of a full number, for example {@code +14155550100} from {@code 4155550100},
     * {@code 1 (415) 555-0100} or {@code %2B14155550100} already decoded.
     *
     * @throws StandardException {@code invalid} when it is not a possible number
     */
    public static String number(String raw, String country) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty()) {
            throw invalid("number is required", null);
        }
        if (isNorthAmericanE164(text)) {
            return text;
        }
        if (!DIALLABLE.matcher(text).matches()) {
            throw invalid("number must be digits", "got '" + raw + "'");
        }
        try {
            PhoneNumber parsed = PHONES.parse(text, region(country));
            if (!PHONES.isPossibleNumber(parsed)) {
                throw invalid("not a possible phone number", "'" + raw + "' has the wrong length for country code +"
                        + parsed.getCountryCode());
            }
            return PHONES.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw invalid("not a phone number", "'" + raw + "': " + e.getMessage());
        }
    }

    /**
     * Whether {@code text} is already a North American number in E.164 ({@code +1}, then an area code starting
     * with 2 to 9, then seven digits), which libphonenumber would return unchanged: its national number is
     * ten digits (possible in every NANP region) and does not start with the trunk prefix 1. A stock import
     * normalises a million of these, so this check spares each one a full parse (about ten times its cost).
     */
    static boolean isNorthAmericanE164(String text) {
        if (text.length() != NANP_LENGTH || text.charAt(0) != '+' || text.charAt(1) != '1'
                || text.charAt(2) < '2' || text.charAt(2) > '9') {
            return false;
        }
        for (int i = 3; i < NANP_LENGTH; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The region of an E.164 {@code number}, for example US for {@code +14155550100}; US when unknown. */
    public static String regionOf(String number) {
        try {
            String region = PHONES.getRegionCodeForNumber(PHONES.parse(number, "US"));
            return region == null || region.equals("ZZ") ? "US" : region;
        } catch (NumberParseException e) {
            return "US";
        }
    }

    /** The calling code of {@code country} with its plus, for example {@code +44} for GB. */
    public static String dialcode(String country) {
        return "+" + PHONES.getCountryCodeForRegion(region(country));
    }

    /** {@code country} as a region libphonenumber knows, upper-case; US when null. */
    public static String region(String country) {
        String region = country == null || country.isBlank() ? "US" : country.strip().toUpperCase(Locale.ROOT);
        if (!PHONES.getSupportedRegions().contains(region)) {
            throw invalid("unknown country", "'" + country + "' is not an ISO 3166 country code with a calling code");
        }
        return region;
    }

    private static StandardException invalid(String message, String cause) {
        return StandardException.of(ErrorCode.INVALID, message, cause);
    }
}
