package org.b24backlog.bench;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.b24backlog.backlog.ReferenceCache;
import org.b24backlog.bitrix.BitrixClient;
import org.b24backlog.bitrix.PortalCredentials;
import org.b24backlog.demoportal.DemoData;
import org.b24backlog.demoportal.DemoPortal;
import org.b24backlog.installation.InstallationService;
import org.b24backlog.installation.PortalRef;
import org.b24backlog.installation.TokenStore;
import org.b24backlog.testsupport.AppFrames;
import org.b24backlog.testsupport.Installs;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Requests to the portal and wall time per backlog page view, for backlogs of 50, 500 and 2,000 tasks, cold and
 * warm, beside a naive reader (one request per REST call, no batch, no cache). The demo portal adds 30 ms to every
 * request and keeps the real leaky bucket (burst 50, 2 per second), and the app's throttle uses the same numbers.
 * Before each measured view the benchmark waits until a drained bucket would be full again.
 * Run with {@code ./mvnw verify -Pbench}; {@code -Dbench.naive-max=2000} also runs the slowest baseline.
 */
@QuarkusTest
@TestProfile(BacklogPageBenchmark.RealLimits.class)
class BacklogPageBenchmark {

    public static class RealLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("b24.rate-limit.burst", "50", "b24.rate-limit.drain-per-second", "2",
                    "demo-portal.rate-limit.burst", "50", "demo-portal.rate-limit.drain-per-second", "2",
                    "demo-portal.rate-limit.enabled", "true", "quarkus.log.category.\"org.b24backlog\".level", "INFO");
        }
    }

    private static final Duration LATENCY = Duration.ofMillis(30);
    private static final Duration REFILL = Duration.ofSeconds(26);

    @Inject
    DemoPortal portal;

    @Inject
    ReferenceCache cache;

    @Inject
    BitrixClient bitrix;

    @Inject
    TokenStore tokens;

    @Inject
    InstallationService installations;

    private record Row(int tasks, String reader, String cache, long requests, long millis) {
    }

    @Test
    void pageViews() throws Exception {
        int naiveMax = Integer.getInteger("bench.naive-max", 500);
        List<Row> rows = new ArrayList<>();
        for (int size : new int[] { 50, 500, 2000 }) {
            Installs.reset(portal);
            portal.setRateLimitEnabled(true);
            Installs.install(portal);
            portal.addBacklogTasks(DemoData.SCRUM_MOBILE, size - DemoData.MOBILE_BACKLOG_TASKS);
            portal.faults().onEveryMethod().latency(LATENCY);
            String session = AppFrames.sessionToken(
                    AppFrames.open(portal.launch(DemoData.USER_SCRUM_MASTER, "DEFAULT", Map.of())).body().asString());

            cache.forget(portal.memberId());
            rows.add(measure(size, "app", "cold", () -> pageView(session, size)));
            rows.add(measure(size, "app", "warm", () -> pageView(session, size)));
            if (size <= naiveMax) {
                PortalRef ref = installations.findInstalled(portal.memberId()).orElseThrow();
                PortalCredentials viewer = tokens.chain(ref, String.valueOf(DemoData.USER_SCRUM_MASTER));
                NaiveBacklogReader naive = new NaiveBacklogReader(bitrix);
                rows.add(measure(size, "naive", "none", () -> check(naive.read(viewer, String.valueOf(DemoData.SCRUM_MOBILE)), size)));
            }
        }
        print(rows);
    }

    private void pageView(String session, int size) {
        String page = given().queryParam("s", session).get("/backlog/" + DemoData.SCRUM_MOBILE).then().statusCode(200).extract()
                .asString();
        check(page.split("data-task-id=").length - 1, size);
    }

    private static void check(int found, int expected) {
        if (found != expected) {
            throw new AssertionError("expected " + expected + " tasks in the backlog, found " + found);
        }
    }

    private Row measure(int size, String reader, String cacheState, Runnable view) throws InterruptedException {
        Thread.sleep(REFILL.toMillis());
        portal.clearJournal();
        long started = System.nanoTime();
        view.run();
        long millis = (System.nanoTime() - started) / 1_000_000;
        long requests = portal.journal().stream().filter(e -> e.server().equals("portal")).count();
        Row row = new Row(size, reader, cacheState, requests, millis);
        System.out.printf("bench: %5d tasks  %-5s  %-4s  %5d requests  %7d ms%n", size, reader, cacheState, requests, millis);
        return row;
    }

    private static void print(List<Row> rows) {
        StringBuilder table = new StringBuilder("\n| tasks | reader | cache | requests | wall time (ms) | budget ceil(N/50)+2 |\n");
        table.append("|---:|---|---|---:|---:|---:|\n");
        for (Row row : rows) {
            table.append(String.format("| %d | %s | %s | %d | %d | %d |%n", row.tasks(), row.reader(), row.cache(), row.requests(),
                    row.millis(), (row.tasks() + 49) / 50 + 2));
        }
        System.out.println(table);
    }
}
