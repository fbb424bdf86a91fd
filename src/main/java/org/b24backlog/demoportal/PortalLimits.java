package org.b24backlog.demoportal;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.b24backlog.demoportal.rest.LeakyBucket;
import org.b24backlog.demoportal.rest.OperatingTime;

import io.quarkus.arc.profile.IfBuildProfile;

/**
 * The portal's request limits as tests set and read them: the leaky bucket of the whole portal and the per-method
 * operating-time budget with its window. {@code DemoPortal.reset()} returns all of them to the configured values.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = { "dev", "test" })
public class PortalLimits {

    @Inject
    LeakyBucket bucket;

    @Inject
    OperatingTime operatingTime;

    /** Sets the bucket's size and drain rate, for example 250 and 5 per second as on Enterprise plans. */
    public PortalLimits bucket(int burst, double drainPerSecond) {
        bucket.setLimits(burst, drainPerSecond);
        return this;
    }

    /** Returns the number of requests in the bucket now; a request is rejected when one more would exceed the burst. */
    public double bucketLevel() {
        return bucket.level();
    }

    public int bucketBurst() {
        return bucket.burst();
    }

    public double bucketDrainPerSecond() {
        return bucket.drainPerSecond();
    }

    public PortalLimits rateLimitEnabled(boolean enabled) {
        bucket.setEnabled(enabled);
        return this;
    }

    /** Gives one method its own operating-time budget per ten-minute window. */
    public PortalLimits operatingBudget(String method, Duration budget) {
        operatingTime.setBudget(method, budget);
        return this;
    }

    /**
     * Sums each method's execution time over {@code window} (whole seconds) instead of ten minutes, so that a used-up
     * budget resets within seconds and {@code time.operating_reset_at} is that close.
     */
    public PortalLimits operatingWindow(Duration window) {
        operatingTime.setWindow(window);
        return this;
    }

    /**
     * Counts each later call of the method as taking {@code perCall} in {@code time.operating}, so that a budget is
     * used up after a known number of calls.
     */
    public PortalLimits operatingCharge(String method, Duration perCall) {
        operatingTime.setCharge(method, perCall);
        return this;
    }
}
