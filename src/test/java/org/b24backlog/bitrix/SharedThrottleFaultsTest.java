package org.b24backlog.bitrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.b24backlog.config.BitrixConfig;
import org.b24backlog.testsupport.StoredBudgets;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The shared throttle under a caller's transaction, an interrupt, a locked row, the purge and a per-portal plan. */
@QuarkusTest
@TestProfile(SharedThrottleFaultsTest.Plans.class)
class SharedThrottleFaultsTest {

    /** A two-second request timeout, a budget of ten requests and one portal with an Enterprise plan. */
    public static class Plans implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("b24.request-timeout", "PT2S", "b24.connect-timeout", "PT1S",
                    "b24.rate-limit.burst", "10", "b24.rate-limit.drain-per-second", "5",
                    "b24.rate-limit.portals.\"enterprise\".burst", "250",
                    "b24.rate-limit.portals.\"enterprise\".drain-per-second", "5");
        }
    }

    @Inject
    PortalThrottle throttle;

    @Inject
    BitrixConfig config;

    @Inject
    DataSource dataSource;

    @Test
    void acquireInsideTransactionLeavesNoLock() throws Exception {
        String memberId = "in-tx-" + System.nanoTime();

        QuarkusTransaction.requiringNew().run(() -> {
            throttle.acquire(memberId);
            throttle.acquire(memberId);
        });

        assertThat(rowLocks()).as("locks on portal_rate_bucket rows after the transaction").isZero();
        assertThat(idsLike(memberId + "%")).as("stored buckets of the portal").containsExactly(memberId + "|9|5");
        assertThat(throttle.available(memberId)).as("tokens left").isEqualTo(7);
    }

    @Test
    void interruptWhileWaitingReportsInterrupt() throws Exception {
        String memberId = "wait-interrupted-" + System.nanoTime();
        for (int i = 0; i < 9; i++) {
            throttle.acquire(memberId);
        }
        List<Throwable> failures = new ArrayList<>();
        Thread waiter = new Thread(() -> {
            try {
                for (int i = 0; i < 5; i++) {
                    throttle.acquire(memberId);
                }
            } catch (Throwable e) {
                failures.add(e);
            }
        });
        waiter.start();
        Thread.sleep(100);
        waiter.interrupt();
        waiter.join(5_000);

        assertThat(failures).as("failures of the interrupted waiter").hasSize(1);
        assertThat(failures.get(0)).isInstanceOf(BitrixTransportException.class);
        assertThat(rowLocks()).as("locks on portal_rate_bucket rows").isZero();
    }

    @Test
    void lockedRowWaitEndsAtRequestTimeout() throws Exception {
        String memberId = "locked-" + System.nanoTime();
        throttle.acquire(memberId);
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.execute("select * from portal_rate_bucket where id like '" + memberId + "%' for update");
            }
            CompletableFuture<Void> acquire = CompletableFuture.runAsync(() -> throttle.acquire(memberId));
            long started = System.nanoTime();
            boolean finished;
            try {
                acquire.get(config.requestTimeout().toMillis() * 3, TimeUnit.MILLISECONDS);
                finished = true;
            } catch (TimeoutException e) {
                finished = false;
            } catch (Exception e) {
                finished = true;
            }
            Duration waited = Duration.ofNanos(System.nanoTime() - started);
            holder.rollback();
            acquire.handle((ok, e) -> null).get(5, TimeUnit.SECONDS);

            assertThat(finished).as("acquire returned within three request timeouts while another transaction "
                    + "held the row; waited %d ms", waited.toMillis()).isTrue();
        }
    }

    @Test
    void lockedRowFailsOnceForWaitingRequests() throws Exception {
        String memberId = "locked-many-" + System.nanoTime();
        throttle.acquire(memberId);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.execute("select * from portal_rate_bucket where id like '" + memberId + "%' for update");
            }
            long started = System.nanoTime();
            List<CompletableFuture<Void>> acquires = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                acquires.add(CompletableFuture.runAsync(() -> throttle.acquire(memberId), pool));
            }
            CompletableFuture.allOf(acquires.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            holder.rollback();

            // Only the first waits out the lock; the others then count on this instance's budget at once.
            assertThat(took).as("ten requests on a locked row").isLessThan(SharedRateBuckets.UPDATE_TIMEOUT.multipliedBy(3));
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Requests that wait for one portal's locked row hold no database connection, so with more of them than the pool
     * has connections another portal's request still goes through at once.
     */
    @Test
    void lockedRowLeavesOtherPortalsFree() throws Exception {
        String memberId = "stall-" + System.nanoTime();
        throttle.acquire(memberId);
        ExecutorService pool = Executors.newFixedThreadPool(55);
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.execute("select * from portal_rate_bucket where id like '" + memberId + "%' for update");
            }
            for (int i = 0; i < 55; i++) {
                pool.submit(() -> throttle.acquire(memberId));
            }
            Thread.sleep(1_000);
            String otherPortal = "other-portal-" + System.nanoTime();
            CompletableFuture<Void> other = CompletableFuture.runAsync(() -> throttle.acquire(otherPortal));
            long started = System.nanoTime();
            Throwable failure = null;
            try {
                other.get(20, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                failure = e.getCause();
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            holder.rollback();

            assertThat(failure).as("acquire for another portal after %d ms", took.toMillis()).isNull();
            assertThat(took).as("acquire for another portal").isLessThan(Duration.ofSeconds(1));
        } finally {
            pool.shutdown();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void purgeDeletesOnlyExpiredRows() throws Exception {
        String expired = "purge-old-" + System.nanoTime();
        String recent = "purge-new-" + System.nanoTime();
        throttle.acquire(expired);
        throttle.acquire(recent);
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("update portal_rate_bucket set expires_at = 1 where id like '" + expired + "%'");
        }

        throttle.purgeOnSchedule();

        assertThat(idsLike(expired + "%")).as("rows of the expired bucket").isEmpty();
        assertThat(idsLike(recent + "%")).as("rows of the recent bucket").hasSize(1);
    }

    @Test
    void portalPlanKeysItsOwnBucket() {
        throttle.acquire("enterprise");

        assertThat(idsLike("enterprise%")).as("stored buckets of the portal with its own plan")
                .containsExactly("enterprise|225|5");
        assertThat(throttle.available("enterprise")).isEqualTo(224);
    }

    private long rowLocks() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select count(*) from pg_locks l join pg_class c "
                        + "on l.relation = c.oid where c.relname = 'portal_rate_bucket' and l.pid <> pg_backend_pid()");
                ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private List<String> idsLike(String pattern) {
        return StoredBudgets.idsLike(dataSource, pattern);
    }
}
