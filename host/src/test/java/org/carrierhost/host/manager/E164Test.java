package org.carrierhost.host.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.host.errors.StandardException;
import org.junit.jupiter.api.Test;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

class E164Test {

    @Test
    void usPrefixesWithAndWithoutCountryCodeAreTheSame() {
        assertEquals("+1415", E164.prefix("415", "US"));
        assertEquals("+1415", E164.prefix("1415", "US"));
        assertEquals("+1415", E164.prefix("+1415", "US"));
        assertEquals("+1415", E164.prefix("+1415", null));
    }

    @Test
    void countryGbGivesPlus44AndDropsTheTrunkZero() {
        assertEquals("+4420", E164.prefix("20", "GB"));
        assertEquals("+4420", E164.prefix("020", "GB"));
    }

    @Test
    void lettersInAPrefixAreInvalid() {
        StandardException e = assertThrows(StandardException.class, () -> E164.prefix("41x", "US"));
        assertEquals(ErrorCode.INVALID, e.error().code());
    }

    @Test
    void anUnknownCountryIsInvalid() {
        StandardException e = assertThrows(StandardException.class, () -> E164.prefix("415", "XX"));
        assertEquals(ErrorCode.INVALID, e.error().code());
    }

    @Test
    void numbersAreNormalisedToE164() {
        assertEquals("+14155550100", E164.number("+14155550100", null));
        assertEquals("+14155550100", E164.number("4155550100", null));
        assertEquals("+14155550100", E164.number("1 (415) 555-0100", null));
    }

    @Test
    void aNumberTooLongIsInvalid() {
        StandardException e = assertThrows(StandardException.class, () -> E164.number("+141555501001234", null));
        assertEquals(ErrorCode.INVALID, e.error().code());
    }

    @Test
    void aNorthAmericanNumberAlreadyInE164IsReturnedAsLibphonenumberWouldNormaliseIt() throws NumberParseException {
        PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
        SplittableRandom random = new SplittableRandom(20261205);
        for (int i = 0; i < 20_000; i++) {
            String number = "+1" + (2 + random.nextInt(8)) + String.format("%09d", random.nextLong(1_000_000_000L));
            assertEquals(phones.format(phones.parse(number, "GB"), PhoneNumberUtil.PhoneNumberFormat.E164),
                    E164.number(number, "GB"), number);
        }
    }

    @Test
    void onlyTenDigitNorthAmericanNumbersWithAnAreaCodeTakeTheShortPath() {
        assertFalse(E164.isNorthAmericanE164("+11155550100"), "an area code cannot start with the trunk prefix 1");
        assertFalse(E164.isNorthAmericanE164("+10155550100"), "nor with 0");
        assertFalse(E164.isNorthAmericanE164("+1415555010"), "nine digits");
        assertFalse(E164.isNorthAmericanE164("+441415550100"), "another country");
        assertFalse(E164.isNorthAmericanE164("+1415555010x"), "a letter");
    }
}
