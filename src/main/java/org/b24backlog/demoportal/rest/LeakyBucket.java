package org.b24backlog.demoportal.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.b24backlog.demoportal.DemoPortalConfig;

import io.quarkus.arc.profile.IfBuildProfile;

/**
 * The portal's request limit: each REST request adds one to a bucket that drains at a fixed rate, and a request that
 * finds the bucket full is rejected without running. With the defaults (50, 2/s) a burst of 50 passes, the 51st
 * fails, and one more passes every half second. Tests may switch it off or set other numbers, such as Enterprise's
 * 250 and 5/s.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = { "dev", "test" })
public class LeakyBucket {

    @Inject
    DemoPortalConfig config;

    private double level;
    private long lastNanos = System.nanoTime();
    private Boolean enabledOverride;
    private Integer burstOverride;
    private Double drainOverride;

    /** Takes one request from the budget; false means the request must be rejected. */
    public synchronized boolean tryAcquire() {
        drain();
        if (!isEnabled()) {
            return true;
        }
        if (level + 1 > burst()) {
            return false;
        }
        level += 1;
        return true;
    }

    /** Returns the number of requests in the bucket now, after draining. A full bucket contains {@link #burst()}. */
    public synchronized double level() {
        drain();
        return level;
    }

    public synchronized int burst() {
        return burstOverride != null ? burstOverride : config.rateLimit().burst();
    }

    public synchronized double drainPerSecond() {
        return drainOverride != null ? drainOverride : config.rateLimit().drainPerSecond();
    }

    public synchronized boolean isEnabled() {
        return enabledOverride != null ? enabledOverride : config.rateLimit().enabled();
    }

    /** Switches the limit on or off at run time; {@code null} returns to the configured value. */
    public synchronized void setEnabled(Boolean enabled) {
        enabledOverride = enabled;
    }

    /**
     * Sets the bucket's size and drain rate at run time, keeping its current level; {@code null} returns to the
     * configured value.
     */
    public synchronized void setLimits(Integer burst, Double drainPerSecond) {
        if (burst != null && burst < 1 || drainPerSecond != null && drainPerSecond < 0) {
            throw new IllegalArgumentException("A leaky bucket needs burst >= 1 and a drain rate >= 0, got " + burst
                    + " and " + drainPerSecond + " per second.");
        }
        drain();
        burstOverride = burst;
        drainOverride = drainPerSecond;
    }

    public synchronized void empty() {
        level = 0;
        lastNanos = System.nanoTime();
    }

    private void drain() {
        long now = System.nanoTime();
        level = Math.max(0, level - (now - lastNanos) / 1e9 * drainPerSecond());
        lastNanos = now;
    }
}
