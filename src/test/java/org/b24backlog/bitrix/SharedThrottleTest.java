package org.b24backlog.bitrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.b24backlog.config.BitrixConfig;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Two throttles are two app instances on one PostgreSQL database: they draw from the same stored budget, so
 * together they send no faster than one instance alone would.
 */
@QuarkusTest
@TestProfile(SharedThrottleTest.SmallBudget.class)
class SharedThrottleTest {

    /** Ten requests at once and five a second. With a tenth kept free, nine may go at once. */
    public static class SmallBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("b24.rate-limit.burst", "10", "b24.rate-limit.drain-per-second", "5");
        }
    }

    private static final int CAPACITY = 9;
    private static final int DRAIN = 5;

    @Inject
    BitrixConfig config;

    @Inject
    DataSource dataSource;

    @Test
    void instancesShareOnePortalBudget() throws Exception {
        String memberId = "shared-budget-" + System.nanoTime();
        List<PortalThrottle> instances = List.of(new PortalThrottle(config, dataSource), new PortalThrottle(config, dataSource));
        int requests = 34;

        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Void>> calls = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                PortalThrottle instance = instances.get(i % 2);
                calls.add(() -> {
                    instance.acquire(memberId);
                    return null;
                });
            }
            for (Future<Void> call : pool.invokeAll(calls)) {
                call.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        // One budget: (34 - 9) / 5 = 5 seconds at least. Two separate budgets would need only (34 - 18) / 10 = 1.6.
        assertThat(seconds).as("seconds for %d requests", requests).isGreaterThanOrEqualTo((requests - CAPACITY) / (double) DRAIN - 0.3);
        assertThat(instances.get(1).available(memberId)).as("tokens left after the run").isLessThanOrEqualTo(1);
    }
}
