package org.b24backlog.bitrix;

import java.time.Duration;

import javax.sql.DataSource;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;

/**
 * Request budgets kept in the {@code portal_rate_bucket} table, so that every app instance on one database draws from
 * the same budget of a portal. Each request locks the portal's row for the few statements Bucket4j needs to update it.
 */
final class SharedRateBuckets {

    /** How long a full bucket stays stored. A row past it means the same as no row, and the scheduled purge deletes it. */
    private static final Duration KEEP_FULL = Duration.ofMinutes(5);

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

    SharedRateBuckets(DataSource dataSource) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("portal_rate_bucket")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_FULL))
                .build();
    }

    BucketProxy bucket(String key, BucketConfiguration configuration) {
        return buckets.builder().build(key, () -> configuration);
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
}
