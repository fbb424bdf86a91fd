package org.b24backlog.backlog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.b24backlog.demoportal.DemoData;
import org.b24backlog.demoportal.DemoPortal;
import org.b24backlog.demoportal.JournalEntry;
import org.b24backlog.demoportal.oauth.TokenPair;
import org.b24backlog.testsupport.AppFrames;
import org.b24backlog.testsupport.Installs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Loading backlog pages while tokens expire, under the portal's rate limit, and with hostile task titles. */
@QuarkusTest
class BacklogLoadTest {

    @Inject
    DemoPortal portal;

    @Inject
    ReferenceCache cache;

    private String session;

    @BeforeEach
    void installAndOpen() throws Exception {
        Installs.reset(portal);
        Installs.install(portal);
        String page = AppFrames.open(portal.launchGroupTab(DemoData.USER_SCRUM_MASTER, DemoData.SCRUM_MOBILE)).body().asString();
        session = AppFrames.sessionToken(page);
    }

    @Test
    void expiredTokenRefreshedOnceForParallelPages() throws Exception {
        portal.expireAccessTokens();
        portal.clearJournal();

        int parallel = 8;
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Callable<Integer>> loads = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                loads.add(() -> given().queryParam("s", session).get("/backlog/" + DemoData.SCRUM_MOBILE).statusCode());
            }
            for (Future<Integer> status : pool.invokeAll(loads)) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        List<JournalEntry> refreshes = portal.journal().stream().filter(e -> e.method().equals("oauth/token")).toList();
        assertThat(refreshes).hasSize(1);
        assertThat(refreshes.get(0).status()).isEqualTo(200);
        long expired = portal.journal().stream().filter(e -> "expired_token".equals(e.error())).count();
        assertThat(expired).isGreaterThanOrEqualTo(1);
    }

    @Test
    void largeBacklogRendersThroughRateLimit() {
        portal.addBacklogTasks(DemoData.SCRUM_MOBILE, 300);
        portal.setRateLimitEnabled(true);
        // Fill the portal's bucket first, as another app on the same portal might have done.
        TokenPair other = portal.issueTokens(DemoData.USER_ADMIN);
        for (int i = 0; i < 60; i++) {
            given().baseUri(portal.clientEndpoint()).contentType("application/json")
                    .body("{\"auth\":\"" + other.accessToken() + "\"}").post("user.current");
        }
        portal.clearJournal();

        String page = given().queryParam("s", session).get("/backlog/" + DemoData.SCRUM_MOBILE)
                .then().statusCode(200).extract().asString();

        assertThat(page.split("data-task-id=").length - 1).isEqualTo(DemoData.MOBILE_BACKLOG_TASKS + 300);
        assertThat(portal.journal()).anySatisfy(e -> assertThat(e.error()).isEqualTo("QUERY_LIMIT_EXCEEDED"));
        long batches = portal.journal().stream().filter(e -> e.method().equals("batch") && e.succeeded()).count();
        assertThat(batches).as("successful batch requests for %d tasks", DemoData.TASK_COUNT + 300).isLessThanOrEqualTo(10);
    }

    @Test
    void coldAndWarmPagesWithinRequestBudget() {
        portal.addBacklogTasks(DemoData.SCRUM_MOBILE, 500 - DemoData.MOBILE_BACKLOG_TASKS);
        portal.setRateLimitEnabled(false);
        cache.forget(portal.memberId());
        portal.clearJournal();

        String cold = given().queryParam("s", session).get("/backlog/" + DemoData.SCRUM_MOBILE).then().statusCode(200).extract()
                .asString();
        long coldRequests = portalRequests();
        portal.clearJournal();
        given().queryParam("s", session).get("/backlog/" + DemoData.SCRUM_MOBILE).then().statusCode(200);
        long warmRequests = portalRequests();

        assertThat(cold.split("data-task-id=").length - 1).isEqualTo(500);
        assertThat(coldRequests).as("requests for a cold page of 500 tasks").isLessThanOrEqualTo(500 / 50 + 2);
        assertThat(warmRequests).as("requests for a warm page of 500 tasks").isLessThanOrEqualTo(coldRequests - 1);
    }

    private long portalRequests() {
        return portal.journal().stream().filter(e -> e.server().equals("portal")).count();
    }

    @Test
    void htmlInTaskTitleShownAsText() {
        String page = given().queryParam("s", session).get("/backlog/" + DemoData.SCRUM_MOBILE)
                .then().statusCode(200).extract().asString();

        assertThat(page).contains("&lt;b&gt;Bold&lt;/b&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt; login copy");
        assertThat(page).doesNotContain("<script>alert(1)</script>");
        assertThat(page).doesNotContain("<b>Bold</b>");
    }
}
