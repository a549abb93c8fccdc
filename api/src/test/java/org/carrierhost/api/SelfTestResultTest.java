package org.carrierhost.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.carrierhost.api.SelfTestResult.Check;
import org.carrierhost.api.SelfTestResult.Outcome;
import org.junit.jupiter.api.Test;

class SelfTestResultTest {

    private static Check check(Outcome outcome) {
        return new Check("c", outcome, null, 0);
    }

    @Test
    void oneFailedCheckFailsTheSelfTest() {
        assertEquals(Outcome.FAILED, SelfTestResult.of(List.of(check(Outcome.PASSED), check(Outcome.INCONCLUSIVE),
                check(Outcome.FAILED))).outcome());
    }

    @Test
    void anInconclusiveCheckWithoutAFailureIsInconclusive() {
        assertEquals(Outcome.INCONCLUSIVE, SelfTestResult.of(List.of(check(Outcome.PASSED), check(Outcome.INCONCLUSIVE))).outcome());
    }

    @Test
    void noChecksIsNotImplemented() {
        assertEquals(Outcome.NOT_IMPLEMENTED, SelfTestResult.of(List.of()).outcome());
    }
}
