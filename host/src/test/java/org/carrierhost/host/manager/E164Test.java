package org.carrierhost.host.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.host.errors.StandardException;
import org.junit.jupiter.api.Test;

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
}
