package org.b24backlog.demoportal.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.b24backlog.demoportal.DemoPortalConfig;

import io.quarkus.arc.profile.IfBuildProfile;

/**
 * The portal's request limit: each REST request adds one to a bucket that drains at a fixed rate, and a request that
 * finds the bucket full is rejected without running. With the defaults (50, 2/s) a burst of 50 passes, the 51st
 * fails, and one more passes every half second.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = { "dev", "test" })
public class LeakyBucket {

    @Inject
    DemoPortalConfig config;

    private double level;
    private long lastNanos = System.nanoTime();
    private Boolean enabledOverride;

    /** Takes one request from the budget; false means the request must be rejected. */
    public synchronized boolean tryAcquire() {
        long now = System.nanoTime();
        level = Math.max(0, level - (now - lastNanos) / 1e9 * config.rateLimit().drainPerSecond());
        lastNanos = now;
        if (!isEnabled()) {
            return true;
        }
        if (level + 1 > config.rateLimit().burst()) {
            return false;
        }
        level += 1;
        return true;
    }

    public synchronized boolean isEnabled() {
        return enabledOverride != null ? enabledOverride : config.rateLimit().enabled();
    }

    /** Switches the limit on or off at run time; {@code null} returns to the configured value. */
    public synchronized void setEnabled(Boolean enabled) {
        enabledOverride = enabled;
    }

    public synchronized void empty() {
        level = 0;
        lastNanos = System.nanoTime();
    }
}
