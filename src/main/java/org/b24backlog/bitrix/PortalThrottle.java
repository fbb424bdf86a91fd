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
import io.github.bucket4j.distributed.BucketProxy;
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
    private final ConcurrentHashMap<String, BucketProxy> sharedBuckets = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Bucket> localBuckets = new ConcurrentHashMap<>();

    @Inject
    public PortalThrottle(BitrixConfig config, DataSource dataSource) {
        this.limits = config.rateLimit();
        this.maxWait = config.requestTimeout();
        this.shared = limits.shared() ? new SharedRateBuckets(dataSource) : null;
    }

    /**
     * Waits until the portal's budget admits one more request. A wait longer than the request timeout is cut short
     * and the request goes out anyway, because the portal itself then decides and the client retries a rejection.
     */
    public void acquire(String memberId) {
        boolean admitted;
        try {
            Boolean sharedAdmitted = shared == null ? null : shared.tryConsume(memberId, sharedBucket(memberId), maxWait);
            admitted = sharedAdmitted != null ? sharedAdmitted : localBucket(memberId).asBlocking().tryConsume(1, maxWait);
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
        if (shared == null) {
            return localBucket(memberId).getAvailableTokens();
        }
        BucketProxy bucket = sharedBucket(memberId);
        return QuarkusTransaction.suspendingExisting().call(bucket::getAvailableTokens);
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

    /** Returns the bucket this instance keeps for a portal: its only one, or the stand-in while the shared one fails. */
    private Bucket localBucket(String memberId) {
        return localBuckets.computeIfAbsent(memberId, id -> Bucket.builder().addLimit(bandwidth(id)).build());
    }

    private BucketProxy sharedBucket(String memberId) {
        return sharedBuckets.computeIfAbsent(memberId, id -> {
            Bandwidth bandwidth = bandwidth(id);
            // The numbers are part of the key, so that a changed plan does not keep the old bucket's settings.
            String key = id + "|" + bandwidth.getCapacity() + "|" + bandwidth.getRefillTokens();
            return shared.bucket(key, BucketConfiguration.builder().addLimit(bandwidth).build());
        });
    }

    private Bandwidth bandwidth(String memberId) {
        BitrixConfig.RateLimit.Plan plan = limits.portals().get(memberId);
        int burst = plan == null ? limits.burst() : plan.burst();
        int drain = plan == null ? limits.drainPerSecond() : plan.drainPerSecond();
        // A tenth of the burst stays unused: the portal's count may already hold requests this app did not send
        // (other apps from the same address), and its drain and ours never tick at the same moment.
        int capacity = Math.max(1, burst - Math.max(1, burst / 10));
        return Bandwidth.builder().capacity(capacity).refillGreedy(drain, Duration.ofSeconds(1)).build();
    }
}
