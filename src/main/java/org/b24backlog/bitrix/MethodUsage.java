package org.b24backlog.bitrix;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * One method's use of its execution-time budget on one portal, as the client estimates it. It combines the last
 * reading of a direct response ({@code time.operating}, dropping out at {@code time.operating_reset_at}), the
 * execution times of batch sub-commands since that reading, each dropping out one window after it was seen, and the
 * time until which the portal is known to reject the method.
 * <p>
 * The sum is an estimate: a reading's seconds count in full until its reset time and not at all afterwards, because
 * the response does not say how they spread over the window.
 */
final class MethodUsage {

    private record Contribution(Instant at, double seconds) {
    }

    /** A moment at which {@code seconds} of the sum drop out of the window. */
    private record Drop(Instant at, double seconds) {
    }

    /** Buckets in a window: Bitrix24 sums execution time over ten one-minute buckets. */
    private static final int BUCKETS = 10;

    private final Duration window;
    private final Deque<Contribution> contributions = new ArrayDeque<>();
    private double readingSeconds;
    private Instant readingResetAt;
    private boolean readingResetReported;
    private Instant blockedUntil;

    MethodUsage(Duration window) {
        this.window = window;
    }

    /**
     * Replaces the estimate with a portal's reading. Contributions seen before the reading's request was sent are
     * part of the reading; later ones may not be, so they stay.
     */
    synchronized void read(double seconds, Instant resetAt, boolean resetReported, Instant sentAt) {
        readingSeconds = seconds;
        readingResetAt = resetAt;
        readingResetReported = resetReported;
        contributions.removeIf(contribution -> contribution.at().isBefore(sentAt));
        blockedUntil = null;
    }

    /** Adds the execution time of a sub-command that ran, which also shows that the method is not blocked. */
    synchronized void add(double seconds, Instant at) {
        contributions.addLast(new Contribution(at, seconds));
        blockedUntil = null;
    }

    /**
     * Marks the method as rejected for its limit until its oldest one-minute bucket drops out. That is a reading's
     * reset time when known. Otherwise it is at most one bucket from now, because older unknown usage may drop out
     * that soon, and then one call may probe.
     */
    synchronized void block(Instant now) {
        prune(now);
        if (readingResetReported && readingResetAt != null && readingResetAt.isAfter(now)) {
            // A reset further away than one window cannot be right, for example from a portal clock that runs ahead.
            Instant latest = now.plus(window);
            blockedUntil = readingResetAt.isBefore(latest) ? readingResetAt : latest;
            return;
        }
        Instant probe = now.plus(window.dividedBy(BUCKETS));
        Instant firstDrop = contributions.isEmpty() ? probe : contributions.peekFirst().at().plus(window);
        blockedUntil = firstDrop.isBefore(probe) ? firstDrop : probe;
    }

    /** Returns the time until which the method is known to be rejected, or null when it is not. */
    synchronized Instant blockedUntil(Instant now) {
        return blockedUntil != null && blockedUntil.isAfter(now) ? blockedUntil : null;
    }

    /** Returns the estimated seconds used within the window at {@code now}. */
    synchronized double seconds(Instant now) {
        prune(now);
        return drops(now).stream().mapToDouble(Drop::seconds).sum();
    }

    /**
     * Returns how long from {@code now} until the estimated sum falls below {@code threshold} seconds. That is zero
     * when it is already below, and the time of the last drop when no drop brings it below (with a threshold of zero).
     */
    synchronized Duration untilBelow(double threshold, Instant now) {
        prune(now);
        List<Drop> drops = drops(now);
        double used = drops.stream().mapToDouble(Drop::seconds).sum();
        if (used < threshold) {
            return Duration.ZERO;
        }
        Instant at = now;
        for (Drop drop : drops) {
            used -= drop.seconds();
            at = drop.at();
            if (used < threshold) {
                break;
            }
        }
        return Duration.between(now, at);
    }

    /**
     * Returns how long until the first known part of the sum drops out, zero when a reported reset has passed, and
     * null when neither a reading nor a contribution is known.
     */
    synchronized Duration untilReset(Instant now) {
        prune(now);
        Instant first = readingResetAt;
        if (!contributions.isEmpty()) {
            Instant contributionDrop = contributions.peekFirst().at().plus(window);
            first = first == null || contributionDrop.isBefore(first) ? contributionDrop : first;
        }
        if (first == null) {
            return null;
        }
        Duration wait = Duration.between(now, first);
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    /** Lists the parts of the sum still inside the window, earliest drop first. */
    private List<Drop> drops(Instant now) {
        List<Drop> drops = new ArrayList<>();
        if (readingResetAt != null && readingResetAt.isAfter(now)) {
            drops.add(new Drop(readingResetAt, readingSeconds));
        }
        for (Contribution contribution : contributions) {
            drops.add(new Drop(contribution.at().plus(window), contribution.seconds()));
        }
        drops.sort(Comparator.comparing(Drop::at));
        return drops;
    }

    private void prune(Instant now) {
        while (!contributions.isEmpty() && !contributions.peekFirst().at().plus(window).isAfter(now)) {
            contributions.removeFirst();
        }
    }
}
