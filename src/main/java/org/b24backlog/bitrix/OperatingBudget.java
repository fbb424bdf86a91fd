package org.b24backlog.bitrix;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.logging.Log;

/**
 * Tracks each method's execution-time budget on each portal. Bitrix24 sums a method's execution time over ten minutes
 * and rejects its calls with HTTP 429 OPERATION_TIME_LIMIT once the sum passes the limit (480 seconds in the
 * documentation's example). Direct responses report the sum as {@code time.operating}. Batch sub-commands count against their own
 * methods too, but their {@code result_time} carries only the duration, so the budget adds those durations to an
 * estimate of its own until the next direct response of the method reports the sum again.
 */
final class OperatingBudget {

    /** Usage from which calls of a method wait for its reset, as a share of the limit. */
    private static final double SLOW_DOWN_AT = 0.9;

    /**
     * How long a call should wait before it is sent.
     *
     * @param method the method that needs the wait, null when none does
     * @param atLimit whether the portal already rejected the method for its limit, so that a call sent before the wait
     *        ends would be rejected too
     */
    record Wait(String method, Duration duration, boolean atLimit) {

        static final Wait NONE = new Wait(null, Duration.ZERO, false);
    }

    private final Duration limit;
    private final Duration window;
    private final Clock clock;
    private final ConcurrentHashMap<String, MethodUsage> usage = new ConcurrentHashMap<>();

    /** Creates a budget with the portals' limit and the span over which they sum execution time (ten minutes). */
    OperatingBudget(Duration limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /**
     * Records the usage that a direct response reports, in place of the estimate for the calls made before
     * {@code sentAt}. Responses of on-premise portals carry none.
     */
    void record(String memberId, String method, JsonNode time, Instant sentAt) {
        if (time == null || !time.has("operating")) {
            return;
        }
        boolean reported = time.hasNonNull("operating_reset_at");
        Instant resetAt = reported ? Instant.ofEpochSecond(time.get("operating_reset_at").asLong()) : clock.instant().plus(window);
        usageOf(memberId, method).read(time.get("operating").asDouble(), resetAt, reported, sentAt);
    }

    /** Adds the execution time of a batch sub-command, in seconds as {@code result_time.duration} gives it. */
    void addSubCommand(String memberId, String method, double seconds) {
        usageOf(memberId, method).add(seconds, clock.instant());
    }

    /**
     * Adds each command's execution time to its method's estimate, and marks the methods whose commands the portal
     * rejected with OPERATION_TIME_LIMIT. The durations go first, so that a rejection later in the batch is kept.
     */
    void recordBatch(String memberId, Batch batch, BatchResult result) {
        result.durations().forEach((key, seconds) -> {
            String method = batch.method(key);
            if (method != null) {
                addSubCommand(memberId, method, seconds);
            }
        });
        result.errors().forEach((key, error) -> {
            String method = batch.method(key);
            if (method != null && error.isOperationTimeLimit()) {
                Log.infof("Portal %s rejected batch command %s (%s) with OPERATION_TIME_LIMIT; later calls of it wait "
                        + "until its budget frees up", memberId, key, method);
                markExhausted(memberId, method);
            }
        });
    }

    /**
     * Marks the method as rejected with OPERATION_TIME_LIMIT, so that its later calls wait until the first part of its
     * usage drops out.
     */
    void markExhausted(String memberId, String method) {
        usageOf(memberId, method).block(clock.instant());
    }

    /**
     * Returns how long a call should wait before it runs: until the time the method is known to be rejected ends,
     * or, when its usage is near the limit, until enough of it drops out. Zero when the method is well inside its
     * budget.
     */
    Wait waitBefore(String memberId, String method) {
        MethodUsage current = usage.get(key(memberId, method));
        if (current == null) {
            return Wait.NONE;
        }
        Instant now = clock.instant();
        Instant blockedUntil = current.blockedUntil(now);
        if (blockedUntil != null) {
            return new Wait(method, Duration.between(now, blockedUntil), true);
        }
        Duration wait = current.untilBelow(limit.toNanos() / 1e9 * SLOW_DOWN_AT, now);
        return wait.isZero() ? Wait.NONE : new Wait(method, wait, false);
    }

    /**
     * Returns the longest wait of a request that uses the budgets of {@code methods}, among the waits up to
     * {@code maxWait}. A method near its limit with a longer wait is left out, because the portal decides and may still
     * accept it.
     *
     * @throws BitrixApiException with OPERATION_TIME_LIMIT when the portal rejected one of the methods and goes on
     *         rejecting it for longer than {@code maxWait}, because sending the request would only be rejected again
     */
    Wait waitBefore(String memberId, Collection<String> methods, Duration maxWait) {
        Wait longest = Wait.NONE;
        for (String method : methods) {
            Wait wait = waitBefore(memberId, method);
            if (wait.duration().compareTo(maxWait) <= 0) {
                longest = wait.duration().compareTo(longest.duration()) > 0 ? wait : longest;
            } else if (wait.atLimit()) {
                Log.infof("Not sending %s to portal %s: the method stays over its execution-time limit for %d ms",
                        method, memberId, wait.duration().toMillis());
                throw BitrixApiException.operatingLimitNotSent(method, memberId, wait.duration());
            } else {
                Log.debugf("Method %s of portal %s is near its execution-time budget, but its reset is %d ms away; "
                        + "sending without a wait", method, memberId, wait.duration().toMillis());
            }
        }
        return longest;
    }

    /** Returns the time until the method's budget frees up in part, or null when nothing about it is known. */
    Duration untilReset(String memberId, String method) {
        MethodUsage current = usage.get(key(memberId, method));
        if (current == null) {
            return null;
        }
        Instant now = clock.instant();
        Instant blockedUntil = current.blockedUntil(now);
        return blockedUntil != null ? Duration.between(now, blockedUntil) : current.untilReset(now);
    }

    /** Returns the estimated seconds the method used within the window, zero when nothing is known. */
    double usedSeconds(String memberId, String method) {
        MethodUsage current = usage.get(key(memberId, method));
        return current == null ? 0 : current.seconds(clock.instant());
    }

    /** Forgets every method's usage on one portal. */
    void forget(String memberId) {
        usage.keySet().removeIf(key -> key.startsWith(memberId + "|"));
    }

    private MethodUsage usageOf(String memberId, String method) {
        return usage.computeIfAbsent(key(memberId, method), k -> new MethodUsage(window));
    }

    /** Bitrix24 method names are case-insensitive, so one method has one budget whatever its spelling. */
    private static String key(String memberId, String method) {
        return memberId + "|" + method.toLowerCase(Locale.ROOT);
    }
}
