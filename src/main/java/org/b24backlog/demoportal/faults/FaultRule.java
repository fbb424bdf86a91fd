package org.b24backlog.demoportal.faults;

import java.time.Duration;
import java.util.Locale;

import org.b24backlog.demoportal.rest.RestException;

/**
 * One fault of the plan: where it applies, on which calls it fires, how often it may still fire and what it does.
 * Tests get it back from the builder and may read how often it fired.
 */
public final class FaultRule {

    /** Requests a rule applies to. */
    enum Scope {
        /** Top-level {@code /rest/} requests, by method name; {@code batch} names the batch request itself. */
        REST,
        /** Sub-commands of a batch, by their key in {@code cmd} or by method name. */
        BATCH_COMMAND,
        /** Requests to the OAuth server's {@code oauth/token/}. */
        OAUTH_TOKEN
    }

    static final String EVERY_METHOD = "*";

    private final Scope scope;
    private final String target;
    private final FaultKind kind;
    private final FaultTrigger trigger;
    private final Duration sleep;
    private final SlowEffect effect;
    private final RestException error;
    private final int httpStatus;
    private int remaining;
    private int fired;

    FaultRule(Scope scope, String target, FaultKind kind, FaultTrigger trigger, int times, Duration sleep,
            SlowEffect effect, RestException error, int httpStatus) {
        this.scope = scope;
        this.target = target.toLowerCase(Locale.ROOT);
        this.kind = kind;
        this.trigger = trigger;
        this.remaining = times;
        this.sleep = sleep;
        this.effect = effect;
        this.error = error;
        this.httpStatus = httpStatus;
    }

    /** Number of calls this fault has fired on so far. */
    public synchronized int firedCount() {
        return fired;
    }

    /** True once a fault limited with {@code times(n)} has fired n times; an unlimited fault is never spent. */
    public synchronized boolean isSpent() {
        return remaining == 0;
    }

    public FaultKind kind() {
        return kind;
    }

    synchronized boolean matches(Scope requestScope, String... names) {
        if (scope != requestScope || remaining == 0) {
            return false;
        }
        if (target.equals(EVERY_METHOD)) {
            return true;
        }
        for (String name : names) {
            if (name != null && name.toLowerCase(Locale.ROOT).equals(target)) {
                return true;
            }
        }
        return false;
    }

    /** Counts a matching call and returns whether the fault fires on it. A firing uses up one of its remaining times. */
    synchronized boolean tryFire() {
        if (remaining == 0 || !trigger.fires()) {
            return false;
        }
        fired++;
        if (remaining > 0) {
            remaining--;
        }
        return true;
    }

    /** Returns the journal's record of this fault firing. */
    public AppliedFault applied() {
        return new AppliedFault(kind, detail());
    }

    Duration sleep() {
        return sleep;
    }

    public SlowEffect effect() {
        return effect;
    }

    public RestException error() {
        return error;
    }

    public int httpStatus() {
        return httpStatus;
    }

    private String detail() {
        return switch (kind) {
            case LATENCY -> sleep.toMillis() + " ms";
            case SLOW_RESPONSE -> sleep.toMillis() + " ms, effect " + effect;
            case ERROR -> error.httpStatus() + " " + error.errorCode();
            case HTML_ERROR -> httpStatus + " HTML";
            case EXPIRED_TOKEN -> "401 expired_token";
            case RENAME -> "302";
        };
    }

    @Override
    public String toString() {
        return kind + " on " + scope + " " + target + " (" + detail() + ", " + trigger.describe() + ")";
    }
}
