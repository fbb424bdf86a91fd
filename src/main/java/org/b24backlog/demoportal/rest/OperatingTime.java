package org.b24backlog.demoportal.rest;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.profile.IfBuildProfile;

/**
 * Execution time per method over the last ten minutes, which Bitrix24 reports as {@code time.operating} and resets
 * as each call drops out of the window ({@code time.operating_reset_at}). The portal only reports it and does not
 * enforce the per-method budget.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = { "dev", "test" })
public class OperatingTime {

    static final long WINDOW_SECONDS = 600;

    /** Seconds used by one method over the window, and the Unix time at which the oldest call drops out. */
    public record Usage(double seconds, long resetAt) {
    }

    private record Sample(long epochSecond, double seconds) {
    }

    private final Map<String, Deque<Sample>> samples = new HashMap<>();

    public synchronized Usage record(String method, long epochSecond, double seconds) {
        Deque<Sample> queue = samples.computeIfAbsent(method, key -> new ArrayDeque<>());
        queue.addLast(new Sample(epochSecond, seconds));
        while (!queue.isEmpty() && queue.peekFirst().epochSecond() <= epochSecond - WINDOW_SECONDS) {
            queue.removeFirst();
        }
        double total = queue.stream().mapToDouble(Sample::seconds).sum();
        return new Usage(total, queue.peekFirst().epochSecond() + WINDOW_SECONDS);
    }

    public synchronized void clear() {
        samples.clear();
    }
}
