package org.b24backlog.bitrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The budget's arithmetic on a clock the test moves: readings, sub-command estimates and rejections. */
class OperatingBudgetTest {

    private static final String MEMBER = "member";
    private static final String METHOD = "tasks.api.scrum.task.get";
    private static final Instant START = Instant.parse("2026-08-26T10:00:00Z");

    private final MovableClock clock = new MovableClock(START);
    /** A limit of 10 s over a ten-minute window, so calls slow down from 9 s on. */
    private final OperatingBudget budget = new OperatingBudget(Duration.ofSeconds(10), Duration.ofMinutes(10), clock);

    @Test
    void unknownMethodNeedsNoWait() {
        assertThat(budget.waitBefore(MEMBER, METHOD)).isEqualTo(OperatingBudget.Wait.NONE);
        assertThat(budget.untilReset(MEMBER, METHOD)).isNull();
        assertThat(budget.usedSeconds(MEMBER, METHOD)).isZero();
    }

    @Test
    void readingNearLimitWaitsForReset() {
        budget.record(MEMBER, METHOD, time(9.5, START.plusSeconds(40)), START);

        OperatingBudget.Wait wait = budget.waitBefore(MEMBER, METHOD);

        assertThat(wait.duration()).isEqualTo(Duration.ofSeconds(40));
        assertThat(wait.atLimit()).isFalse();
        assertThat(budget.untilReset(MEMBER, METHOD)).isEqualTo(Duration.ofSeconds(40));
    }

    @Test
    void readingBelowThresholdNeedsNoWait() {
        budget.record(MEMBER, METHOD, time(8.9, START.plusSeconds(40)), START);

        assertThat(budget.waitBefore(MEMBER, METHOD)).isEqualTo(OperatingBudget.Wait.NONE);
        assertThat(budget.usedSeconds(MEMBER, METHOD)).isCloseTo(8.9, within(1e-9));
    }

    @Test
    void passedResetFreesReading() {
        budget.record(MEMBER, METHOD, time(9.5, START.plusSeconds(40)), START);
        clock.advance(Duration.ofSeconds(41));

        assertThat(budget.waitBefore(MEMBER, METHOD)).isEqualTo(OperatingBudget.Wait.NONE);
        assertThat(budget.usedSeconds(MEMBER, METHOD)).isZero();
        assertThat(budget.untilReset(MEMBER, METHOD)).isEqualTo(Duration.ZERO);
    }

    @Test
    void responseWithoutOperatingIgnored() {
        budget.record(MEMBER, METHOD, new ObjectMapper().createObjectNode().put("start", 1), START);

        assertThat(budget.untilReset(MEMBER, METHOD)).isNull();
    }

    @Test
    void subCommandsAddUp() {
        budget.addSubCommand(MEMBER, METHOD, 3);
        clock.advance(Duration.ofSeconds(60));
        budget.addSubCommand(MEMBER, METHOD, 2.5);

        assertThat(budget.usedSeconds(MEMBER, METHOD)).isCloseTo(5.5, within(1e-9));
        assertThat(budget.waitBefore(MEMBER, METHOD)).isEqualTo(OperatingBudget.Wait.NONE);
        assertThat(budget.untilReset(MEMBER, METHOD)).isEqualTo(Duration.ofSeconds(540));
    }

    @Test
    void subCommandsNearLimitWaitForFirstDrop() {
        budget.addSubCommand(MEMBER, METHOD, 3);
        clock.advance(Duration.ofSeconds(60));
        budget.addSubCommand(MEMBER, METHOD, 3);
        clock.advance(Duration.ofSeconds(60));
        budget.addSubCommand(MEMBER, METHOD, 3);

        OperatingBudget.Wait wait = budget.waitBefore(MEMBER, METHOD);

        assertThat(wait.duration()).as("until the first 3 s drop out, ten minutes after they were added")
                .isEqualTo(Duration.ofSeconds(480));
        assertThat(wait.atLimit()).isFalse();
    }

    @Test
    void waitCoversSeveralDrops() {
        budget.addSubCommand(MEMBER, METHOD, 0.5);
        clock.advance(Duration.ofSeconds(10));
        budget.addSubCommand(MEMBER, METHOD, 0.5);
        clock.advance(Duration.ofSeconds(10));
        budget.addSubCommand(MEMBER, METHOD, 8.6);

        assertThat(budget.waitBefore(MEMBER, METHOD).duration()).as("both small parts must drop out to go below 9 s")
                .isEqualTo(Duration.ofSeconds(590));
    }

    @Test
    void subCommandsAgeOut() {
        budget.addSubCommand(MEMBER, METHOD, 9.5);
        clock.advance(Duration.ofMinutes(10));

        assertThat(budget.usedSeconds(MEMBER, METHOD)).isZero();
        assertThat(budget.waitBefore(MEMBER, METHOD)).isEqualTo(OperatingBudget.Wait.NONE);
        assertThat(budget.untilReset(MEMBER, METHOD)).isNull();
    }

    @Test
    void readingReplacesEarlierEstimate() {
        budget.addSubCommand(MEMBER, METHOD, 9.5);
        clock.advance(Duration.ofSeconds(5));

        budget.record(MEMBER, METHOD, time(2, START.plusSeconds(300)), clock.instant());

        assertThat(budget.usedSeconds(MEMBER, METHOD)).isCloseTo(2, within(1e-9));
        assertThat(budget.waitBefore(MEMBER, METHOD)).isEqualTo(OperatingBudget.Wait.NONE);
    }

    @Test
    void readingKeepsLaterSubCommands() {
        Instant sent = clock.instant();
        clock.advance(Duration.ofSeconds(1));
        budget.addSubCommand(MEMBER, METHOD, 4);
        clock.advance(Duration.ofSeconds(1));

        budget.record(MEMBER, METHOD, time(5, START.plusSeconds(300)), sent);

        assertThat(budget.usedSeconds(MEMBER, METHOD)).as("the reading and the batch that ran while it was in flight")
                .isCloseTo(9, within(1e-9));
        assertThat(budget.waitBefore(MEMBER, METHOD).duration()).isEqualTo(Duration.ofSeconds(298));
    }

    @Test
    void exhaustedWaitsForOldestContribution() {
        budget.addSubCommand(MEMBER, METHOD, 1);
        clock.advance(Duration.ofSeconds(570));

        budget.markExhausted(MEMBER, METHOD);
        OperatingBudget.Wait wait = budget.waitBefore(MEMBER, METHOD);

        assertThat(wait.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(wait.atLimit()).isTrue();
        assertThat(budget.untilReset(MEMBER, METHOD)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void exhaustedWithLaterDropWaitsOneBucket() {
        budget.addSubCommand(MEMBER, METHOD, 1);
        clock.advance(Duration.ofSeconds(100));

        budget.markExhausted(MEMBER, METHOD);
        OperatingBudget.Wait wait = budget.waitBefore(MEMBER, METHOD);

        assertThat(wait.duration()).as("older usage may drop out first, so one bucket").isEqualTo(Duration.ofMinutes(1));
        assertThat(wait.atLimit()).isTrue();
    }

    @Test
    void exhaustedWithoutHistoryWaitsOneBucket() {
        budget.markExhausted(MEMBER, METHOD);

        OperatingBudget.Wait wait = budget.waitBefore(MEMBER, METHOD);

        assertThat(wait.duration()).isEqualTo(Duration.ofMinutes(1));
        assertThat(wait.atLimit()).isTrue();
    }

    @Test
    void exhaustedWaitsForReportedReset() {
        budget.record(MEMBER, METHOD, time(1, START.plusSeconds(30)), START);

        budget.markExhausted(MEMBER, METHOD);

        assertThat(budget.waitBefore(MEMBER, METHOD)).isEqualTo(new OperatingBudget.Wait(METHOD, Duration.ofSeconds(30), true));
    }

    @Test
    void exhaustedWaitsForFarReportedReset() {
        budget.record(MEMBER, METHOD, time(1, START.plusSeconds(400)), START);

        budget.markExhausted(MEMBER, METHOD);

        assertThat(budget.waitBefore(MEMBER, METHOD)).as("the portal named its oldest bucket's drop")
                .isEqualTo(new OperatingBudget.Wait(METHOD, Duration.ofSeconds(400), true));
    }

    @Test
    void readingWithoutResetBlocksOneBucket() throws IOException {
        budget.record(MEMBER, METHOD, new ObjectMapper().readTree("{\"operating\":1.0}"), START);

        budget.markExhausted(MEMBER, METHOD);

        assertThat(budget.waitBefore(MEMBER, METHOD)).as("no reset reported, so one bucket")
                .isEqualTo(new OperatingBudget.Wait(METHOD, Duration.ofMinutes(1), true));
    }

    @Test
    void farReportedResetCappedAtWindow() {
        budget.record(MEMBER, METHOD, time(1, START.plus(Duration.ofDays(1))), START);

        budget.markExhausted(MEMBER, METHOD);

        assertThat(budget.waitBefore(MEMBER, METHOD)).as("a reset a day ahead cannot be right")
                .isEqualTo(new OperatingBudget.Wait(METHOD, Duration.ofMinutes(10), true));
    }

    @Test
    void exhaustedEndsAtItsTime() {
        budget.markExhausted(MEMBER, METHOD);
        clock.advance(Duration.ofMinutes(1));

        assertThat(budget.waitBefore(MEMBER, METHOD)).isEqualTo(OperatingBudget.Wait.NONE);
    }

    @Test
    void commandThatRanEndsExhaustion() {
        budget.markExhausted(MEMBER, METHOD);

        budget.addSubCommand(MEMBER, METHOD, 0.1);

        assertThat(budget.waitBefore(MEMBER, METHOD).atLimit()).isFalse();
        assertThat(budget.waitBefore(MEMBER, METHOD).duration()).isZero();
    }

    @Test
    void readingEndsExhaustion() {
        budget.markExhausted(MEMBER, METHOD);

        budget.record(MEMBER, METHOD, time(1, START.plusSeconds(30)), START);

        assertThat(budget.waitBefore(MEMBER, METHOD)).isEqualTo(OperatingBudget.Wait.NONE);
    }

    @Test
    void methodNamesCaseInsensitive() {
        budget.addSubCommand(MEMBER, "Tasks.Api.Scrum.Task.Get", 9.5);

        assertThat(budget.usedSeconds(MEMBER, METHOD)).isCloseTo(9.5, within(1e-9));
    }

    @Test
    void methodsAndPortalsSeparate() {
        budget.addSubCommand(MEMBER, METHOD, 9.5);
        budget.markExhausted(MEMBER, METHOD);

        assertThat(budget.waitBefore(MEMBER, "tasks.task.list")).isEqualTo(OperatingBudget.Wait.NONE);
        assertThat(budget.waitBefore("other-member", METHOD)).isEqualTo(OperatingBudget.Wait.NONE);
        assertThat(budget.usedSeconds("other-member", METHOD)).isZero();
    }

    @Test
    void batchWaitsForMostLoadedMethod() {
        budget.record(MEMBER, METHOD, time(9.5, START.plusSeconds(40)), START);
        budget.record(MEMBER, "tasks.task.list", time(9.5, START.plusSeconds(10)), START);

        OperatingBudget.Wait wait = budget.waitBefore(MEMBER, List.of("user.current", "tasks.task.list", METHOD),
                Duration.ofSeconds(60));

        assertThat(wait).isEqualTo(new OperatingBudget.Wait(METHOD, Duration.ofSeconds(40), false));
    }

    @Test
    void waitPastTimeoutNearLimitSkipped() {
        budget.record(MEMBER, METHOD, time(9.5, START.plusSeconds(40)), START);
        budget.record(MEMBER, "tasks.task.list", time(9.5, START.plusSeconds(10)), START);

        OperatingBudget.Wait wait = budget.waitBefore(MEMBER, List.of(METHOD, "tasks.task.list"), Duration.ofSeconds(30));

        assertThat(wait).as("the wait that fits, because the portal may still accept the other method")
                .isEqualTo(new OperatingBudget.Wait("tasks.task.list", Duration.ofSeconds(10), false));
    }

    @Test
    void rejectedMethodPastTimeoutFailsFast() {
        budget.markExhausted(MEMBER, METHOD);

        assertThatThrownBy(() -> budget.waitBefore(MEMBER, List.of("user.current", METHOD), Duration.ofSeconds(30)))
                .isInstanceOfSatisfying(BitrixApiException.class, e -> {
                    assertThat(e.isOperationTimeLimit()).isTrue();
                    assertThat(e.method()).isEqualTo(METHOD);
                    assertThat(e.httpStatus()).isEqualTo(429);
                })
                .hasMessageContaining("may free up in 60 s at the earliest");
    }

    @Test
    void rejectedMethodWithinTimeoutWaits() {
        budget.addSubCommand(MEMBER, METHOD, 1);
        clock.advance(Duration.ofSeconds(590));
        budget.markExhausted(MEMBER, METHOD);

        OperatingBudget.Wait wait = budget.waitBefore(MEMBER, List.of(METHOD), Duration.ofSeconds(30));

        assertThat(wait).isEqualTo(new OperatingBudget.Wait(METHOD, Duration.ofSeconds(10), true));
    }

    @Test
    void batchResultCountedPerMethod() throws IOException {
        Batch batch = Batch.create().add("a", METHOD).add("b", METHOD).add("c", "tasks.task.list").add("d", "user.current");
        JsonNode result = new ObjectMapper().readTree("{\"result\":{\"a\":{},\"b\":{},\"d\":{}},"
                + "\"result_error\":{\"c\":{\"error\":\"OPERATION_TIME_LIMIT\",\"error_description\":\"blocked\"}},"
                + "\"result_time\":{\"a\":{\"duration\":2.5},\"b\":{\"duration\":3},\"d\":{\"duration\":0.01}}}");

        budget.recordBatch(MEMBER, batch, BatchResult.of(result, batch));

        assertThat(budget.usedSeconds(MEMBER, METHOD)).isCloseTo(5.5, within(1e-9));
        assertThat(budget.usedSeconds(MEMBER, "user.current")).isCloseTo(0.01, within(1e-9));
        assertThat(budget.waitBefore(MEMBER, "tasks.task.list"))
                .isEqualTo(new OperatingBudget.Wait("tasks.task.list", Duration.ofMinutes(1), true));
        assertThat(budget.usedSeconds(MEMBER, "batch")).as("the batch itself").isZero();
    }

    @Test
    void forgetClearsOnePortal() {
        budget.markExhausted(MEMBER, METHOD);
        budget.markExhausted("other-member", METHOD);

        budget.forget(MEMBER);

        assertThat(budget.waitBefore(MEMBER, METHOD)).isEqualTo(OperatingBudget.Wait.NONE);
        assertThat(budget.waitBefore("other-member", METHOD).atLimit()).isTrue();
    }

    private static JsonNode time(double operating, Instant resetAt) {
        return new ObjectMapper().createObjectNode().put("operating", operating)
                .put("operating_reset_at", resetAt.getEpochSecond());
    }

    /** A clock that returns the same instant until the test advances it. */
    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
