package org.carrierhost.host.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * Which number events are on disk before they are raised: an answered acquire or disconnect, whose history row
 * the registry committed and flushed with the new state, so its audit entry needs no flush of its own.
 */
class NumberEventTest {

    @Test
    void onlyAnAnsweredAcquireOrDisconnectIsRecordedOnDiskByItsHistoryRow() {
        Set<NumberAction> onDisk = EnumSet.allOf(NumberAction.class).stream()
                .filter(a -> NumberEvent.ok("api:test", a, "+14155550100", "mock", "in_service").recordedOnDisk())
                .collect(Collectors.toSet());

        assertEquals(EnumSet.of(NumberAction.ACQUIRE, NumberAction.DISCONNECT), onDisk);
    }

    @Test
    void aFailedAcquireIsNotOnDiskAnywhereElseSoItsAuditEntryIsForced() {
        assertEquals(false, NumberEvent.failed("api:test", NumberAction.ACQUIRE, "+14155550100", "mock", "timeout")
                .recordedOnDisk());
    }
}
