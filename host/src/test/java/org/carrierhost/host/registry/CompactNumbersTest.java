package org.carrierhost.host.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.carrierhost.api.NumberState;
import org.carrierhost.host.store.NumberDigits;
import org.junit.jupiter.api.Test;

/** {@link NumberList}, {@link NumberSet} and {@link PresentNumbers}: an import's numbers held without an object each. */
class CompactNumbersTest {

    @Test
    void anE164NumberReadsBackTheSameFromItsDigitsAndAnythingElseHasNone() {
        for (String number : List.of("+1", "+14155550100", "+442071838750", "+999999999999999")) {
            assertEquals(number, NumberDigits.number(NumberDigits.digits(number)));
        }
        for (String other : List.of("", "+", "14155550100", "+04155550100", "+1415555010x", "+1234567890123456", "(415) 555-0100")) {
            assertEquals(-1, NumberDigits.digits(other), other);
        }
    }

    @Test
    void aSetOfDigitsAgreesWithAHashSetOfTheNumbers() {
        Random random = new Random(28);
        NumberSet compact = new NumberSet();
        Set<String> plain = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            String number = "+1" + (2_000_000_000L + random.nextInt(50_000_000));
            assertEquals(plain.add(number), compact.add(NumberDigits.digits(number)), number);
        }
        assertEquals(plain.size(), compact.size());
        for (int i = 0; i < 10_000; i++) {
            String number = "+1" + (2_000_000_000L + random.nextInt(60_000_000));
            assertEquals(plain.contains(number), compact.contains(number), number);
        }
    }

    @Test
    void aListReadsAsItsNumbersAndSortsWithoutChangingThem() {
        List<String> numbers = List.of("+14155550102", "+442071838750", "+14155550100");
        NumberList list = NumberList.of(numbers);

        assertEquals(numbers, new ArrayList<>(list));
        assertEquals(List.of("+14155550100", "+14155550102", "+442071838750"), list.sorted());
        assertEquals(numbers, list);
    }

    @Test
    void presentNumbersAreKeptByStateAndFoundAgain() {
        PresentNumbers present = new PresentNumbers();
        present.found("+14155550100", NumberState.AVAILABLE);
        present.found("+14155550101", NumberState.IN_SERVICE);
        present.found("+14155550100", NumberState.AVAILABLE);

        assertEquals(2, present.size());
        assertEquals(NumberState.IN_SERVICE, present.stateOf("+14155550101"));
        assertTrue(present.contains("+14155550100"));
        assertFalse(present.contains("+14155550102"));
        assertNull(present.stateOf("+14155550102"));
        assertEquals(Map.of(NumberState.AVAILABLE, List.of("+14155550100"), NumberState.IN_SERVICE, List.of("+14155550101")),
                present.byState());
        assertEquals(Map.of("+14155550100", NumberState.AVAILABLE, "+14155550101", NumberState.IN_SERVICE), present.asMap());
    }
}
