package org.b24backlog.bitrix;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Request budgets kept in the {@code portal_rate_bucket} table, so that every app instance on one database draws from
 * the same budget of a portal. Each request locks the portal's row for the few statements Bucket4j needs to update it.
 * <p>
 * Within one instance the requests of a portal take turns before they touch the row, so waiting requests hold no
 * database connection. When the row cannot be read or updated in time, the instance counts that portal's requests on
 * its own for a while: the portal still enforces its limit, and the client retries its rejections.
 */
final class SharedRateBuckets {

    /** How long a full bucket stays stored. A row past it means the same as no row, and the scheduled purge deletes it. */
    private static final Duration KEEP_FULL = Duration.ofMinutes(5);

    /** How long each statement of a row update may take, lock wait included. Normal updates take milliseconds. */
    static final Duration UPDATE_TIMEOUT = Duration.ofSeconds(2);

    /** How long an instance counts a portal's requests on its own after the shared budget failed. */
    static final Duration LOCAL_AFTER_FAILURE = Duration.ofSeconds(30);

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final ConcurrentHashMap<String, ReentrantLock> turns = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Instant> localUntil = new ConcurrentHashMap<>();

    SharedRateBuckets(DataSource dataSource) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("portal_rate_bucket")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_FULL))
                .requestTimeout(UPDATE_TIMEOUT)
                .build();
    }

    BucketProxy bucket(String key, BucketConfiguration configuration) {
        return buckets.builder().build(key, () -> configuration);
    }

    /**
     * Takes one token from the shared bucket, waiting up to {@code maxWait} for it. Returns false when no token came
     * within the wait, and null when the shared budget failed, so that the caller uses its own.
     */
    Boolean tryConsume(String memberId, BucketProxy bucket, Duration maxWait) throws InterruptedException {
        if (countsLocally(memberId)) {
            return null;
        }
        ReentrantLock turn = turns.computeIfAbsent(memberId, id -> new ReentrantLock(true));
        long started = System.nanoTime();
        if (!turn.tryLock(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
            return failed(memberId, "no turn within " + maxWait.toMillis() + " ms", null);
        }
        TurnReleasingStrategy strategy = new TurnReleasingStrategy(turn);
        try {
            // The request that had the turn before may have found the shared budget failing meanwhile.
            if (countsLocally(memberId)) {
                return null;
            }
            // The caller's transaction is suspended, so the row stays locked for Bucket4j's own short transaction alone.
            // The wait for the turn counts towards the wait for the token, so the whole stays within maxWait.
            Duration left = maxWait.minusNanos(System.nanoTime() - started);
            Duration wait = left.isNegative() ? Duration.ZERO : left;
            return QuarkusTransaction.suspendingExisting().call(() -> bucket.asBlocking().tryConsume(1, wait, strategy));
        } catch (RuntimeException e) {
            if (e.getCause() instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            return failed(memberId, e.getMessage(), e);
        } finally {
            strategy.release();
        }
    }

    /** Deletes the rows of buckets that have been full for a while and returns the number deleted. */
    int purgeExpired() {
        int total = 0;
        int removed;
        do {
            removed = buckets.removeExpired(500);
            total += removed;
        } while (removed == 500);
        return total;
    }

    private boolean countsLocally(String memberId) {
        Instant until = localUntil.get(memberId);
        return until != null && until.isAfter(Instant.now());
    }

    private Boolean failed(String memberId, String reason, RuntimeException cause) {
        localUntil.put(memberId, Instant.now().plus(LOCAL_AFTER_FAILURE));
        Log.warnf(cause, "Shared request budget of portal %s failed (%s); this instance counts the portal's requests on its "
                + "own for %d s", memberId, reason, LOCAL_AFTER_FAILURE.toSeconds());
        return null;
    }

    /** Parks after the reservation without the portal's turn, so that the next request may reserve meanwhile. */
    private static final class TurnReleasingStrategy implements BlockingStrategy {

        private final ReentrantLock turn;
        private boolean released;

        TurnReleasingStrategy(ReentrantLock turn) {
            this.turn = turn;
        }

        @Override
        public void park(long nanos) throws InterruptedException {
            release();
            BlockingStrategy.PARKING.park(nanos);
        }

        void release() {
            if (!released) {
                released = true;
                turn.unlock();
            }
        }
    }
}
