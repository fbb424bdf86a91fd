package org.b24backlog.demoportal.faults;

import java.util.Random;

/**
 * Chooses which matching calls a fault fires on: every call, every k-th call, or a seeded random fraction, so that a
 * test run repeats the same sequence. Callers synchronize on the fault plan.
 */
abstract class FaultTrigger {

    /** Counts one matching call and returns whether the fault fires on it. */
    abstract boolean fires();

    abstract String describe();

    static FaultTrigger always() {
        return new FaultTrigger() {
            @Override
            boolean fires() {
                return true;
            }

            @Override
            String describe() {
                return "every call";
            }
        };
    }

    /** Fires on call k, 2k, 3k and so on, counting only the calls the fault's target matches. */
    static FaultTrigger everyNth(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("everyNth needs k >= 1, got " + k + ".");
        }
        return new FaultTrigger() {
            private long calls;

            @Override
            boolean fires() {
                calls++;
                return calls % k == 0;
            }

            @Override
            String describe() {
                return "every call number " + k;
            }
        };
    }

    /** Fires on each call with the given probability, drawn from a {@link Random} with a fixed seed. */
    static FaultTrigger fraction(double fraction, long seed) {
        if (fraction < 0 || fraction > 1) {
            throw new IllegalArgumentException("A fault fraction must be between 0 and 1, got " + fraction + ".");
        }
        Random random = new Random(seed);
        return new FaultTrigger() {
            @Override
            boolean fires() {
                return random.nextDouble() < fraction;
            }

            @Override
            String describe() {
                return "a fraction " + fraction + " of calls (seed " + seed + ")";
            }
        };
    }
}
