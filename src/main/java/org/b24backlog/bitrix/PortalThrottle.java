package org.b24backlog.bitrix;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.b24backlog.config.BitrixConfig;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps the requests to each portal inside the portal's leaky bucket (Bitrix24 counts every HTTP request, drains
 * the count at a fixed rate and rejects with 503 QUERY_LIMIT_EXCEEDED past the burst), so that normal use never meets
 * the limit. A token bucket with the same capacity and refill rate admits exactly the same requests.
 * <p>
 * With {@code b24.rate-limit.shared} the buckets live in PostgreSQL and all app instances on the database share them;
 * otherwise each instance keeps its own, which is right only when a single instance runs.
 */
@ApplicationScoped
public class PortalThrottle {

    private final BitrixConfig.RateLimit limits;
    private final Duration maxWait;
    private final SharedRateBuckets shared;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Inject
    public PortalThrottle(BitrixConfig config, DataSource dataSource) {
        this.limits = config.rateLimit();
        this.maxWait = config.requestTimeout();
        this.shared = limits.shared() ? new SharedRateBuckets(dataSource) : null;
    }

    /**
     * Waits until the portal's budget admits one more request. A wait longer than the request timeout is cut short
     * and the request goes out anyway, because the portal itself then decides and the client retries a refusal.
     */
    public void acquire(String memberId) {
        Bucket bucket = buckets.computeIfAbsent(memberId, this::newBucket);
        boolean admitted;
        try {
            admitted = shared == null ? bucket.asBlocking().tryConsume(1, maxWait) : consumeOutsideTransaction(bucket);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BitrixTransportException("Interrupted while waiting for the request budget of portal " + memberId, e, true);
        }
        if (!admitted) {
            Log.infof("Throttle for portal %s waited %d ms without a free slot; sending anyway", memberId, maxWait.toMillis());
        }
    }

    /** Tokens left in a portal's budget, for tests and benchmarks. */
    public long available(String memberId) {
        Bucket bucket = buckets.computeIfAbsent(memberId, this::newBucket);
        return shared == null ? bucket.getAvailableTokens()
                : QuarkusTransaction.suspendingExisting().call(bucket::getAvailableTokens);
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeOnSchedule() {
        if (shared != null) {
            int removed = QuarkusTransaction.suspendingExisting().call(shared::purgeExpired);
            if (removed > 0) {
                Log.infof("Deleted %d stored request budgets that were full", removed);
            }
        }
    }

    /**
     * Consumes one token in a short transaction of Bucket4j's own. The caller's transaction is suspended meanwhile, so
     * the bucket's row stays locked for the update alone and not for the caller's work or the wait.
     */
    private boolean consumeOutsideTransaction(Bucket bucket) throws InterruptedException {
        try {
            return QuarkusTransaction.suspendingExisting().call(() -> bucket.asBlocking().tryConsume(1, maxWait));
        } catch (RuntimeException e) {
            if (e.getCause() instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            throw e;
        }
    }

    private Bucket newBucket(String memberId) {
        BitrixConfig.RateLimit.Plan plan = limits.portals().get(memberId);
        int burst = plan == null ? limits.burst() : plan.burst();
        int drain = plan == null ? limits.drainPerSecond() : plan.drainPerSecond();
        // A tenth of the burst stays unused: the portal's count may already hold requests this app did not send
        // (other apps from the same address), and its drain and ours never tick at the same moment.
        int capacity = Math.max(1, burst - Math.max(1, burst / 10));
        Bandwidth bandwidth = Bandwidth.builder().capacity(capacity).refillGreedy(drain, Duration.ofSeconds(1)).build();
        if (shared == null) {
            return Bucket.builder().addLimit(bandwidth).build();
        }
        // The numbers are part of the key, so that a changed plan does not keep the old bucket's settings.
        return shared.bucket(memberId + "|" + capacity + "|" + drain, BucketConfiguration.builder().addLimit(bandwidth).build());
    }
}
