package org.b24backlog.demoportal.faults;

import java.time.Duration;

import org.b24backlog.demoportal.rest.RestException;

/**
 * The common part of the fault builders: which calls of the target a fault fires on and how many times. A builder
 * adds its fault to the plan when a terminal method such as {@code error(...)} is called, and returns the rule.
 *
 * @param <B> the concrete builder, returned by the chained setters
 */
public abstract class FaultBuilder<B extends FaultBuilder<B>> {

    private final FaultPlan plan;
    private final FaultRule.Scope scope;
    private final String target;
    private FaultTrigger trigger = FaultTrigger.always();
    private int times = -1;

    FaultBuilder(FaultPlan plan, FaultRule.Scope scope, String target) {
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException("A fault needs a method name, a batch command key or \"*\".");
        }
        this.plan = plan;
        this.scope = scope;
        this.target = target.trim();
    }

    /** Limits the fault to the next {@code n} calls it fires on; afterwards the fault is spent. */
    public B times(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("times(n) needs n >= 1, got " + n + ".");
        }
        times = n;
        return self();
    }

    /** Fires only on the k-th, 2k-th and later multiples of k among the calls the target matches. */
    public B everyNth(int k) {
        trigger = FaultTrigger.everyNth(k);
        return self();
    }

    /** Fires on a random {@code fraction} of the matching calls, repeatable for the same {@code seed}. */
    public B fraction(double fraction, long seed) {
        trigger = FaultTrigger.fraction(fraction, seed);
        return self();
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    FaultRule add(FaultKind kind, Duration sleep, SlowEffect effect, RestException error, int httpStatus) {
        return plan.add(new FaultRule(scope, target, kind, trigger, times, sleep, effect, error, httpStatus));
    }

    static Duration requirePositive(Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("A fault's sleep must be a positive duration, got " + duration + ".");
        }
        return duration;
    }

    static int requireServerError(int httpStatus) {
        if (httpStatus < 500 || httpStatus > 599) {
            throw new IllegalArgumentException("An HTML error page needs a 5xx status, got " + httpStatus + ".");
        }
        return httpStatus;
    }
}
