package org.b24backlog.bitrix;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Tracks each method's execution-time budget on each portal from the {@code time.operating} and
 * {@code time.operating_reset_at} of its responses. Bitrix24 sums a method's execution time over ten minutes and
 * answers HTTP 429 OPERATION_TIME_LIMIT once the sum passes the limit (480 seconds in the documentation's example).
 */
final class OperatingBudget {

    /** Usage from which calls of a method wait for its reset, as a share of the limit. */
    private static final double SLOW_DOWN_AT = 0.9;

    private record Usage(double operatingSeconds, Instant resetAt) {
    }

    private final Duration limit;
    private final ConcurrentHashMap<String, Usage> usage = new ConcurrentHashMap<>();

    OperatingBudget(Duration limit) {
        this.limit = limit;
    }

    /** Records the usage that a response reports; responses of on-premise portals carry none. */
    void record(String memberId, String method, JsonNode time) {
        if (time == null || !time.has("operating")) {
            return;
        }
        Instant resetAt = time.hasNonNull("operating_reset_at") ? Instant.ofEpochSecond(time.get("operating_reset_at").asLong())
                : Instant.now().plus(Duration.ofMinutes(10));
        usage.put(memberId + "|" + method, new Usage(time.get("operating").asDouble(), resetAt));
    }

    /** Returns how long a call should wait before it runs, zero when the method is well inside its budget. */
    Duration waitBefore(String memberId, String method) {
        Usage current = usage.get(memberId + "|" + method);
        if (current == null || current.operatingSeconds() < limit.toSeconds() * SLOW_DOWN_AT) {
            return Duration.ZERO;
        }
        Duration wait = Duration.between(Instant.now(), current.resetAt());
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    /** The time until the method's budget resets, when a response has reported it. */
    Duration untilReset(String memberId, String method) {
        Usage current = usage.get(memberId + "|" + method);
        if (current == null) {
            return null;
        }
        Duration wait = Duration.between(Instant.now(), current.resetAt());
        return wait.isNegative() ? Duration.ZERO : wait;
    }
}
