package org.carrierhost.host.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.carrierhost.host.Databases;
import org.carrierhost.host.TestDatabase;
import org.carrierhost.host.plugins.lifecycle.RolloutBoard;
import org.carrierhost.host.plugins.rollout.RolloutStatus;
import org.carrierhost.host.plugins.rollout.RolloutView;
import org.carrierhost.host.plugins.rollout.WindowFigures;
import org.carrierhost.host.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rollouts two hosts share in one PostgreSQL database ({@link SharedRollouts}): who judges a window, on whose
 * figures, and what a host that begins the same rollout later follows.
 */
class SharedRolloutsTest {

    private static final Duration LONG = Duration.ofMinutes(1);
    private static final Duration PASSED = Duration.ofMillis(1);

    private TestDatabase database;
    private Database opened;
    private SharedRollouts a;
    private SharedRollouts b;
    private final List<WindowFigures[]> judged = new ArrayList<>();

    @BeforeEach
    void twoHostsOnOneDatabase() {
        database = Databases.createPostgres();
        opened = database.open();
        a = new SharedRollouts(opened.dataSource(), "a");
        b = new SharedRollouts(opened.dataSource(), "b");
    }

    @AfterEach
    void drop() {
        opened.close();
        Databases.drop(database);
    }

    private static RolloutView running() {
        return new RolloutView("1.0.0", "2.0.0", 10, 1, 3, false, RolloutStatus.RUNNING, "began", Instant.now(),
                WindowFigures.NONE, WindowFigures.NONE);
    }

    private static WindowFigures calls(long calls, long errors) {
        return new WindowFigures(calls, errors, 0, 10.0, calls, calls, calls);
    }

    /** A decision that records the figures it was given and takes the next step. */
    private RolloutBoard.Decision nextStep() {
        return (view, stable, canary) -> {
            judged.add(new WindowFigures[] {stable, canary});
            return new RolloutView(view.stable(), view.canary(), 50, view.step() + 1, view.steps(), false,
                    RolloutStatus.RUNNING, "passed", view.since(), stable, canary);
        };
    }

    @Test
    void theHostThatJudgesJudgesEveryHostsFiguresTogether() {
        a.began("mock", running(), true);
        b.judge("mock", running(), calls(10, 0), calls(3, 1), LONG, nextStep());

        RolloutView decided = a.judge("mock", running(), calls(20, 0), calls(4, 0), PASSED, nextStep()).orElseThrow();

        assertEquals(1, judged.size());
        assertEquals(30, judged.get(0)[0].calls(), "the stable's calls on both hosts");
        assertEquals(7, judged.get(0)[1].calls(), "the canary's calls on both hosts");
        assertEquals(1, judged.get(0)[1].errors());
        assertEquals(2, decided.step());
        assertEquals(2, b.stored("mock").orElseThrow().step(), "what the other host reads");
    }

    @Test
    void aWindowIsNotJudgedAgainBeforeTheIntervalHasPassed() {
        a.began("mock", running(), true);

        RolloutView stored = b.judge("mock", running(), calls(10, 0), calls(10, 0), LONG, nextStep()).orElseThrow();

        assertTrue(judged.isEmpty(), "no judgement");
        assertEquals(1, stored.step());
    }

    @Test
    void aHostDoesNotJudgeWhileAnotherHoldsTheCarriersAdvisoryLock() throws Exception {
        a.began("mock", running(), true);
        try (Connection other = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             Statement s = other.createStatement()) {
            s.execute("SELECT pg_advisory_lock(27, hashtext('mock'))");

            RolloutView stored = a.judge("mock", running(), calls(10, 0), calls(10, 0), PASSED, nextStep()).orElseThrow();

            assertTrue(judged.isEmpty(), "no judgement");
            assertEquals(1, stored.step());
        }
    }

    @Test
    void anOperatorsPauseOnOneHostIsWhatTheOtherReads() {
        a.began("mock", running(), true);

        a.change("mock", running(), view -> view.at(RolloutStatus.PAUSED, "paused by api:ops", view.weight()));

        assertEquals(RolloutStatus.PAUSED, b.stored("mock").orElseThrow().status());
        assertEquals("paused by api:ops", b.stored("mock").orElseThrow().reason());
    }

    @Test
    void aHostThatBeginsTheSameRolloutLaterFollowsTheOneRunning() {
        a.began("mock", running(), true);
        a.judge("mock", running(), calls(10, 0), calls(10, 0), PASSED, nextStep());

        RolloutView followed = b.began("mock", running(), false);

        assertEquals(2, followed.step());
        assertEquals(50, followed.weight());
    }

    @Test
    void aHostThatDeploysTheCanaryAfterItWasRolledBackFollowsTheRollback() {
        a.began("mock", running(), true);
        a.change("mock", running(), view -> view.at(RolloutStatus.ROLLED_BACK, "aborted by api:ops", 0));

        RolloutView followed = b.began("mock", running(), false);

        assertEquals(RolloutStatus.ROLLED_BACK, followed.status());
    }

    @Test
    void theSameVersionUploadedAgainAfterItsRolloutEndedBeginsAfresh() {
        a.began("mock", running(), true);
        a.change("mock", running(), view -> view.at(RolloutStatus.ROLLED_BACK, "aborted by api:ops", 0));

        RolloutView again = b.began("mock", running(), true);

        assertEquals(RolloutStatus.RUNNING, again.status());
        assertFalse(a.stored("mock").orElseThrow().status().ended(), "what the other host reads");
    }
}
