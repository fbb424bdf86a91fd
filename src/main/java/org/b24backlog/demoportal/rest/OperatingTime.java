package org.b24backlog.demoportal.rest;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.b24backlog.demoportal.DemoPortalConfig;

import io.quarkus.arc.profile.IfBuildProfile;

/**
 * Execution time per method over the last ten minutes, which Bitrix24 reports as {@code time.operating} and resets
 * as each call drops out of the window ({@code time.operating_reset_at}). Once a method's time exceeds its budget,
 * its next calls fail with HTTP 429 {@code OPERATION_TIME_LIMIT} until enough time drops out; other methods keep
 * working. Tests may give a method a small budget and a fixed charge per call so that the limit is reached after a
 * known number of calls, and may shorten the window so that a reset comes within seconds.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = { "dev", "test" })
public class OperatingTime {

    /** Bitrix24 sums a method's execution time over ten one-minute buckets. */
    static final Duration WINDOW = Duration.ofMinutes(10);

    /** Seconds used by one method over the window, and the Unix time at which the oldest call drops out. */
    public record Usage(double seconds, long resetAt) {
    }

    private record Sample(long epochSecond, double seconds) {
    }

    @Inject
    DemoPortalConfig config;

    private final Map<String, Deque<Sample>> samples = new HashMap<>();
    private final Map<String, Duration> budgets = new HashMap<>();
    private final Map<String, Duration> charges = new HashMap<>();
    private long windowSeconds = WINDOW.toSeconds();

    /** Adds one call's time, or the method's fixed charge when a test set one, and returns the new usage. */
    public synchronized Usage record(String method, long epochSecond, double seconds) {
        String key = key(method);
        Duration charge = charges.get(key);
        double charged = charge != null ? charge.toNanos() / 1e9 : seconds;
        Deque<Sample> queue = samples.computeIfAbsent(key, k -> new ArrayDeque<>());
        queue.addLast(new Sample(epochSecond, charged));
        return usage(queue, epochSecond);
    }

    /** Returns the method's usage within the window ending at {@code epochSecond}, without adding a call. */
    public synchronized Usage usage(String method, long epochSecond) {
        return usage(samples.computeIfAbsent(key(method), k -> new ArrayDeque<>()), epochSecond);
    }

    /** Tells whether the method used more than its budget within the window ending at {@code epochSecond}. */
    public synchronized boolean isExhausted(String method, long epochSecond) {
        Deque<Sample> queue = samples.get(key(method));
        if (queue == null) {
            return false;
        }
        double budget = budgetOf(method).toNanos() / 1e9;
        return usage(queue, epochSecond).seconds() > budget;
    }

    /** Sets the method's budget in place of {@code demo-portal.operating-limit.budget}. */
    public synchronized void setBudget(String method, Duration budget) {
        budgets.put(key(method), budget);
    }

    /** Counts every later call of the method as taking {@code perCall}, whatever it really took. */
    public synchronized void setCharge(String method, Duration perCall) {
        charges.put(key(method), perCall);
    }

    /**
     * Sums execution time over {@code window} instead of ten minutes, in whole seconds, so that a reset comes within
     * seconds in a test. Samples already recorded keep their time and drop out by the new window.
     */
    public synchronized void setWindow(Duration window) {
        if (window == null || window.toSeconds() < 1) {
            throw new IllegalArgumentException("The operating-time window must be at least one second, got " + window + ".");
        }
        windowSeconds = window.toSeconds();
    }

    public synchronized Duration budgetOf(String method) {
        return budgets.getOrDefault(key(method), config.operatingLimit().budget());
    }

    /** Forgets the recorded time and every budget, charge and window that tests set. */
    public synchronized void clear() {
        samples.clear();
        budgets.clear();
        charges.clear();
        windowSeconds = WINDOW.toSeconds();
    }

    private Usage usage(Deque<Sample> queue, long epochSecond) {
        while (!queue.isEmpty() && queue.peekFirst().epochSecond() <= epochSecond - windowSeconds) {
            queue.removeFirst();
        }
        if (queue.isEmpty()) {
            return new Usage(0, epochSecond + windowSeconds);
        }
        double total = queue.stream().mapToDouble(Sample::seconds).sum();
        return new Usage(total, queue.peekFirst().epochSecond() + windowSeconds);
    }

    private static String key(String method) {
        return method.toLowerCase(Locale.ROOT);
    }
}
