package org.b24backlog.bitrix;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.b24backlog.config.BitrixConfig;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.quarkus.logging.Log;

/**
 * Keeps the requests to each portal inside the portal's leaky bucket (Bitrix24 counts every HTTP request, drains
 * the count at a fixed rate and rejects with 503 QUERY_LIMIT_EXCEEDED past the burst), so that normal use never meets
 * the limit. A token bucket with the same capacity and refill rate admits exactly the same requests.
 */
@ApplicationScoped
public class PortalThrottle {

    private final BitrixConfig.RateLimit limits;
    private final Duration maxWait;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public PortalThrottle(BitrixConfig config) {
        this.limits = config.rateLimit();
        this.maxWait = config.requestTimeout();
    }

    /**
     * Waits until the portal's budget admits one more request. A wait longer than the request timeout is cut short
     * and the request goes out anyway, because the portal itself then decides and the client retries a refusal.
     */
    public void acquire(String memberId) {
        Bucket bucket = buckets.computeIfAbsent(memberId, this::newBucket);
        try {
            if (!bucket.asBlocking().tryConsume(1, maxWait)) {
                Log.infof("Throttle for portal %s waited %d ms without a free slot; sending anyway", memberId, maxWait.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BitrixTransportException("Interrupted while waiting for the request budget of portal " + memberId, e, true);
        }
    }

    /** Tokens left in a portal's budget, for tests and benchmarks. */
    public long available(String memberId) {
        return buckets.computeIfAbsent(memberId, this::newBucket).getAvailableTokens();
    }

    private Bucket newBucket(String memberId) {
        BitrixConfig.RateLimit.Plan plan = limits.portals().get(memberId);
        int burst = plan == null ? limits.burst() : plan.burst();
        int drain = plan == null ? limits.drainPerSecond() : plan.drainPerSecond();
        // A tenth of the burst stays unused: the portal's count may already hold requests this instance did not send
        // (other instances, other apps from the same address), and its drain and ours never tick at the same moment.
        int capacity = Math.max(1, burst - Math.max(1, burst / 10));
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(drain, Duration.ofSeconds(1)).build())
                .build();
    }
}
