package org.b24backlog.instances;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.b24backlog.demoportal.DemoData;
import org.b24backlog.demoportal.DemoPortal;
import org.b24backlog.demoportal.JournalEntry;
import org.b24backlog.testsupport.AppFrames;
import org.b24backlog.testsupport.AppProcess;
import org.b24backlog.testsupport.Installs;
import org.b24backlog.testsupport.StoredBudgets;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Two app instances in two JVMs on one PostgreSQL database: this test's Quarkus app (with the demo portal) and the
 * packaged jar started in the production profile. Page views on both while the access token expires must cost
 * exactly one refresh per token chain, and together they must stay inside the portal's rate limit.
 */
@QuarkusTest
@TestProfile(TwoInstancesIT.SharedSetUp.class)
class TwoInstancesIT {

    private static final int BURST = 40;
    private static final int DRAIN = 20;
    /**
     * The burst the instances assume, below the portal's: the demo portal shares two cores with both instances, so
     * requests reach it up to half a second later than they left, in bunches. Two separate budgets would still send
     * 2 x 29 at once, far past the portal's 40.
     */
    private static final int ASSUMED_BURST = 32;

    /** Session keys both instances share, and a portal budget small enough for the page views to spend it. */
    public static class SharedSetUp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            SessionKeyFiles.ensureWritten();
            return Map.of("smallrye.jwt.sign.key.location", SessionKeyFiles.PRIVATE_KEY.toAbsolutePath().toString(),
                    "mp.jwt.verify.publickey.location", SessionKeyFiles.PUBLIC_KEY.toAbsolutePath().toString(),
                    "b24.rate-limit.burst", String.valueOf(ASSUMED_BURST), "b24.rate-limit.drain-per-second", String.valueOf(DRAIN),
                    "quarkus.log.category.\"org.b24backlog\".level", "INFO",
                    "demo-portal.rate-limit.burst", String.valueOf(BURST),
                    "demo-portal.rate-limit.drain-per-second", String.valueOf(DRAIN));
        }
    }

    @Inject
    DemoPortal portal;

    @Inject
    Config config;

    @Inject
    DataSource dataSource;

    @Test
    void pageViewsOnTwoInstancesRefreshOnce() throws Exception {
        Installs.reset(portal);
        portal.setRateLimitEnabled(true);
        Installs.install(portal);
        // Two users, so two token chains: each must be refreshed exactly once.
        List<String> sessions = List.of(session(DemoData.USER_SCRUM_MASTER), session(DemoData.USER_DEVELOPER));
        String first = "http://127.0.0.1:" + config.getValue("quarkus.http.test-port", Integer.class);

        try (AppProcess second = AppProcess.start("second-instance", secondInstanceSettings())) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            // Both instances read the backlog once, so the views below race only for the token, not for a cold cache.
            for (String session : sessions) {
                assertThat(view(http, first, session)).as("first instance, warm-up").isEqualTo(200);
                assertThat(view(http, second.url(), session)).as("second instance, warm-up: %s", second.output()).isEqualTo(200);
            }
            Thread.sleep(Duration.ofSeconds(BURST / DRAIN + 1).toMillis());

            // A slow OAuth server widens the window in which both instances find the token expired.
            portal.faults().oauthToken().latency(Duration.ofMillis(500));
            portal.expireAccessTokens();
            portal.clearJournal();

            List<Integer> statuses = viewsOnBoth(http, List.of(first, second.url()), sessions, 200);

            assertThat(statuses).as("statuses of 200 page views").hasSize(200).containsOnly(200);
            List<JournalEntry> refreshes = portal.journal().stream().filter(e -> e.method().equals("oauth/token")).toList();
            assertThat(refreshes).as("token refreshes, one per chain").hasSize(2);
            assertThat(refreshes).as("refreshes that failed").allMatch(refresh -> refresh.status() == 200);
            long requests = portal.journal().stream().filter(e -> e.server().equals("portal")).count();
            assertThat(requests).as("REST requests, more than twice the portal's burst").isGreaterThan(2L * BURST);
            assertThat(portal.journal().stream().filter(e -> "QUERY_LIMIT_EXCEEDED".equals(e.error())).count())
                    .as("requests the portal rejected for its rate limit").isZero();

            assertThat(StoredBudgets.idsLike(dataSource, portal.memberId() + "|%")).as("stored budgets of the portal, one for both instances")
                    .containsExactly(portal.memberId() + "|" + (ASSUMED_BURST - ASSUMED_BURST / 10) + "|" + DRAIN);

            // The refreshed pair is stored: a view on each instance works without another refresh.
            portal.clearJournal();
            for (String session : sessions) {
                assertThat(view(http, first, session)).as("first instance afterwards").isEqualTo(200);
                assertThat(view(http, second.url(), session)).as("second instance afterwards").isEqualTo(200);
            }
            assertThat(portal.journal().stream().filter(e -> e.method().equals("oauth/token")).toList())
                    .as("refreshes afterwards").isEmpty();
        }
    }

    /** Returns the settings of the production-profile instance: this test's database, demo portal and keys. */
    private Map<String, String> secondInstanceSettings() {
        Map<String, String> settings = new HashMap<>();
        for (String key : List.of("quarkus.datasource.jdbc.url", "quarkus.datasource.username", "quarkus.datasource.password",
                "app.token-encryption-key", "b24.client-id", "b24.client-secret", "b24.oauth-server",
                "smallrye.jwt.sign.key.location", "mp.jwt.verify.publickey.location", "b24.rate-limit.burst",
                "b24.rate-limit.drain-per-second")) {
            settings.put(key, config.getValue(key, String.class));
        }
        settings.put("b24.portal-hosts", portal.domain());
        settings.put("b24.allow-http", "true");
        return settings;
    }

    private String session(int userId) {
        return AppFrames.sessionToken(AppFrames.open(portal.launchGroupTab(userId, DemoData.SCRUM_MOBILE)).body().asString());
    }

    private static List<Integer> viewsOnBoth(HttpClient http, List<String> instances, List<String> sessions, int views)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < views; i++) {
                String instance = instances.get(i % instances.size());
                String session = sessions.get(i / instances.size() % sessions.size());
                calls.add(() -> view(http, instance, session));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> call : pool.invokeAll(calls)) {
                statuses.add(call.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static int view(HttpClient http, String instance, String session) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(instance + "/backlog/" + DemoData.SCRUM_MOBILE + "?s=" + session))
                .timeout(Duration.ofSeconds(60)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && !response.body().contains("data-task-id=")) {
            throw new AssertionError("The backlog page of " + instance + " lists no task:\n" + response.body());
        }
        return response.statusCode();
    }
}
