package org.carrierhost.host.plugins.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** How {@link CpuLimit} reads Linux's processor lists and picks a carrier's processors from the host's. */
class CpuLimitTest {

    @Test
    void aProcessorListOfRangesAndSinglesIsReadInOrder() {
        assertEquals(List.of(0, 1, 2, 3, 6, 8, 9), CpuLimit.parse(" 0-3,6,8-9\n"));
    }

    @Test
    void aMalformedProcessorListIsReadAsNone() {
        assertEquals(List.of(), CpuLimit.parse(""));
        assertEquals(List.of(), CpuLimit.parse("0-x"));
    }

    @Test
    void aCarriersProcessorsAreTakenFromItsOffsetOnAroundTheEnd() {
        assertEquals(List.of(6, 0), CpuLimit.choose(List.of(0, 2, 4, 6), 2, 3));
    }

    @Test
    void noMoreProcessorsAreChosenThanTheHostHas() {
        assertEquals(List.of(2, 4), CpuLimit.choose(List.of(2, 4), 5, 0));
    }

    @Test
    void noLimitAsksTheJvmForNothing() {
        assertEquals(List.of(), CpuLimit.jvmOptions(0));
        assertEquals(List.of("-XX:ActiveProcessorCount=2"), CpuLimit.jvmOptions(2));
    }

    @Test
    void noLimitPinsNothing() {
        assertEquals(List.of(), CpuLimit.pinning("mock", 0));
    }
}
