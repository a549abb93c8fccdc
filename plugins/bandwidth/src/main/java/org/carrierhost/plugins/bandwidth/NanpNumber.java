package org.carrierhost.plugins.bandwidth;

import org.carrierhost.api.CarrierException;
import org.carrierhost.api.ErrorCode;

/**
 * Conversions between E.164 ({@code +19733701000}) and the ten digits Bandwidth uses ({@code 9733701000}).
 *
 * <p>Thread-safe: stateless.
 */
public final class NanpNumber {

    private NanpNumber() {
    }

    /**
     * The ten digits of a +1 number.
     *
     * @throws CarrierException {@link ErrorCode#INVALID} when it is not a +1 number of ten digits
     */
    public static String tenDigits(String e164) throws CarrierException {
        if (e164 == null || !e164.startsWith("+1")) {
            throw new CarrierException(ErrorCode.INVALID, "bandwidth serves only +1 numbers", "got " + e164);
        }
        String digits = e164.substring(2);
        if (!digits.matches("\\d{10}")) {
            throw new CarrierException(ErrorCode.INVALID, "not a +1 number of ten digits: " + e164);
        }
        return digits;
    }

    /** The E.164 form of ten digits; a leading 1 (eleven digits) is accepted. */
    public static String e164(String digits) {
        String d = digits.length() == 11 && digits.startsWith("1") ? digits.substring(1) : digits;
        return "+1" + d;
    }

    /** Whether {@code text} is ten digits, or eleven with a leading 1. */
    public static boolean isNanpDigits(String text) {
        return text.matches("1?\\d{10}");
    }
}
