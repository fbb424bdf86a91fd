package org.b24backlog.faults;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.b24backlog.demoportal.DemoData;
import org.b24backlog.demoportal.DemoPortal;
import org.b24backlog.demoportal.JournalEntry;
import org.b24backlog.demoportal.faults.SlowEffect;
import org.b24backlog.installation.Installation;
import org.b24backlog.testsupport.Installs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/** Pages a user gets, and requests the portal received, when the portal misbehaves. */
@QuarkusTest
@TestProfile(FaultyPortalTest.ShortTimeout.class)
class FaultyPortalTest {

    /** A short request timeout, and 127.0.0.1 as the portal's new name after a rename. */
    public static class ShortTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String port = "${quarkus.http.test-port}";
            return Map.of("b24.request-timeout", "PT2S", "b24.connect-timeout", "PT1S",
                    "b24.portal-hosts", "localhost:" + port + ",127.0.0.1:" + port,
                    "demo-portal.renamed-domain", "127.0.0.1:" + port);
        }
    }

    private static final String GROUP_GET = "socialnetwork.api.workgroup.get";
    private static final String GROUP_LIST = "socialnetwork.api.workgroup.list";

    @Inject
    DemoPortal portal;

    private String session;

    @BeforeEach
    void install() throws Exception {
        session = Installs.adminSessionWithoutRateLimit(portal);
    }

    @Test
    void renamedPortalKeepsWorking() {
        portal.faults().on("batch").times(1).rename();

        String page = given().queryParam("s", session).get("/backlog/" + DemoData.SCRUM_MOBILE).then().statusCode(200)
                .extract().asString();

        assertThat(page).contains("Backlog #" + DemoData.BACKLOG_MOBILE);
        assertThat(portal.isRenamed()).isTrue();
        Installation installation = QuarkusTransaction.requiringNew()
                .call(() -> Installation.findByMemberId(portal.memberId()).orElseThrow());
        assertThat(installation.domain).isEqualTo(portal.renamedDomain());
        List<JournalEntry> batches = portal.journal().stream().filter(e -> e.method().equals("batch")).toList();
        assertThat(batches.get(0).status()).isEqualTo(302);
        assertThat(batches.get(1).status()).isEqualTo(200);
        assertThat(batches.get(1).httpMethod()).isEqualTo("POST");
    }

    @Test
    void timedOutCreateNotRepeated() {
        portal.faults().on("tasks.api.scrum.backlog.add").times(1).slowResponse(Duration.ofSeconds(4), SlowEffect.BEFORE_SLEEP);

        Response answer = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .queryParam("s", session).post("/backlog/" + DemoData.SCRUM_NO_BACKLOG + "/create");

        assertThat(answer.statusCode()).isEqualTo(502);
        assertThat(answer.body().asString()).contains("did not respond to tasks.api.scrum.backlog.add");
        long adds = portal.journal().stream().filter(e -> e.method().equals("tasks.api.scrum.backlog.add")).count();
        assertThat(adds).as("backlog.add requests the portal received").isEqualTo(1);
        assertThat(portal.backlogOf(DemoData.SCRUM_NO_BACKLOG)).as("the write ran once on the portal").isPresent();
        assertThat(QuarkusTransaction.requiringNew().call(() -> org.b24backlog.audit.AuditEntry
                .count("action = ?1 and details like ?2", "backlog.created", "outcome unknown%"))).isEqualTo(1);
    }

    @Test
    void serverErrorOnReadRetried() {
        portal.faults().on("batch").times(1).htmlError(502);

        String page = given().queryParam("s", session).get("/backlog/" + DemoData.SCRUM_MOBILE).then().statusCode(200)
                .extract().asString();

        assertThat(page).contains("Backlog #" + DemoData.BACKLOG_MOBILE);
        assertThat(portal.journal().stream().filter(e -> e.method().equals("batch")).map(JournalEntry::status).toList())
                .startsWith(502, 200);
    }

    @Test
    void errorRateOnReadsAbsorbed() {
        portal.faults().on("batch").everyNth(2).htmlError(502);

        for (int i = 0; i < 6; i++) {
            given().queryParam("s", session).get("/backlog/" + DemoData.SCRUM_MOBILE).then().statusCode(200);
        }

        assertThat(portal.journal().stream().filter(e -> e.status() == 502).count()).as("faulted requests").isGreaterThanOrEqualTo(3);
    }

    @Test
    void serverErrorOnWriteNotRepeated() {
        portal.faults().on("tasks.api.scrum.backlog.update").times(1).internalError();

        Response answer = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .queryParam("s", session).formParam("backlogId", DemoData.BACKLOG_MOBILE)
                .post("/backlog/" + DemoData.SCRUM_MOBILE + "/update");

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(given().urlEncodingEnabled(false).get(answer.header("Location")).asString())
                .contains("may or may not have been made");
        assertThat(portal.journal().stream().filter(e -> e.method().equals("tasks.api.scrum.backlog.update")).count())
                .as("backlog.update requests the portal received").isEqualTo(1);
    }

    @Test
    void failedCommandInBatchLeavesPageUsable() {
        portal.faults().batchCommand("people").error(403, "ACCESS_DENIED", "Access denied!");

        String page = given().queryParam("s", session).get("/backlog/" + DemoData.SCRUM_MOBILE).then().statusCode(200)
                .extract().asString();

        assertThat(page.split("data-task-id=").length - 1).isEqualTo(DemoData.MOBILE_BACKLOG_TASKS);
    }

    @Test
    void paymentRequiredSaysRenew() {
        portal.faults().oauthToken().paymentRequired();
        portal.expireAccessTokens();

        Response page = given().queryParam("s", session).get("/backlog/" + DemoData.SCRUM_MOBILE);

        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.body().asString()).contains("to renew the app");
    }

    @Test
    void removedAppSaysReinstall() {
        portal.faults().oauthToken().wrongClient();
        portal.expireAccessTokens();

        Response page = given().queryParam("s", session).get("/backlog/" + DemoData.SCRUM_MOBILE);

        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.body().asString()).contains("install the app again");
    }

    @Test
    void operatingLimitNotHammered() {
        portal.limits().operatingBudget(GROUP_GET, Duration.ofMillis(1)).operatingCharge(GROUP_GET, Duration.ofSeconds(1));
        given().queryParam("s", session).get("/backlog/" + DemoData.SCRUM_MOBILE);
        portal.clearJournal();

        Response page = given().queryParam("s", session).get("/backlog/" + DemoData.SCRUM_MOBILE);

        assertThat(page.statusCode()).isEqualTo(502);
        assertThat(page.body().asString()).contains("OPERATION_TIME_LIMIT");
        assertThat(callsOf(GROUP_GET).stream().filter(e -> "OPERATION_TIME_LIMIT".equals(e.error())).count())
                .as("workgroup reads rejected for the operating limit").isEqualTo(1);

        Response again = given().queryParam("s", session).get("/backlog/" + DemoData.SCRUM_MOBILE);

        assertThat(again.statusCode()).isEqualTo(502);
        assertThat(again.body().asString()).contains("Call " + GROUP_GET + " to portal " + portal.memberId()
                + " was not sent: the portal rejected the method with OPERATION_TIME_LIMIT");
        assertThat(callsOf(GROUP_GET)).as("workgroup reads the portal received, none after the rejection").hasSize(1);
    }

    @Test
    void nearOperatingResetWaitedFor() {
        portal.limits().operatingWindow(Duration.ofSeconds(2)).operatingBudget(GROUP_LIST, Duration.ofMillis(500))
                .operatingCharge(GROUP_LIST, Duration.ofSeconds(1));
        given().queryParam("s", session).get("/groups").then().statusCode(200);
        portal.clearJournal();

        Response page = given().queryParam("s", session).get("/groups");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body().asString()).contains("Mobile app");
        assertThat(callsOf(GROUP_LIST)).extracting(JournalEntry::status).as("workgroup lists the portal received")
                .containsExactly(429, 200);
        assertThat(callsOf(GROUP_LIST).get(0).error()).isEqualTo("OPERATION_TIME_LIMIT");
    }

    @Test
    void operatingLimitOnWriteReportedNotMade() {
        String update = "tasks.api.scrum.backlog.update";
        portal.limits().operatingBudget(update, Duration.ofMillis(500)).operatingCharge(update, Duration.ofSeconds(1));
        updateBacklog();
        portal.clearJournal();

        Response answer = updateBacklog();

        assertThat(answer.statusCode()).isEqualTo(303);
        String notice = given().urlEncodingEnabled(false).get(answer.header("Location")).asString();
        assertThat(notice).contains("so the change was not made");
        assertThat(notice).doesNotContain("may or may not have been made");
        assertThat(callsOf(update)).extracting(JournalEntry::status).as("updates the portal received").containsExactly(429);
    }

    private Response updateBacklog() {
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .queryParam("s", session).formParam("backlogId", DemoData.BACKLOG_MOBILE)
                .post("/backlog/" + DemoData.SCRUM_MOBILE + "/update");
    }

    @Test
    void farOperatingResetShownToUser() {
        portal.limits().operatingBudget(GROUP_LIST, Duration.ofMillis(500)).operatingCharge(GROUP_LIST, Duration.ofSeconds(1));
        given().queryParam("s", session).get("/groups").then().statusCode(200);
        portal.clearJournal();

        long started = System.nanoTime();
        Response page = given().queryParam("s", session).get("/groups");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(page.statusCode()).isEqualTo(502);
        String text = page.body().asString();
        assertThat(text).contains("Something went wrong");
        assertThat(text).contains(GROUP_LIST + " failed with HTTP 429, error OPERATION_TIME_LIMIT: "
                + "Method is blocked due to operation time limit.");
        assertThat(text).contains("The pause ends within ten minutes");
        assertThat(text).doesNotContain("Mobile app");
        assertThat(callsOf(GROUP_LIST)).as("workgroup lists the portal received").hasSize(1);
        assertThat(callsOf(GROUP_LIST).get(0).status()).isEqualTo(429);
        assertThat(took).as("no wait for a reset ten minutes away").isLessThan(Duration.ofSeconds(2));
    }

    /** Returns the calls of a method the portal received, direct or inside a batch, in order. */
    private List<JournalEntry> callsOf(String method) {
        return portal.journal().stream()
                .flatMap(entry -> Stream.concat(Stream.of(entry), entry.subCommands().stream()))
                .filter(entry -> entry.method().equals(method))
                .toList();
    }

    @Test
    void revokedRefreshTokenSaysReopen() {
        portal.faults().oauthToken().invalidGrant();
        portal.expireAccessTokens();

        Response page = given().queryParam("s", session).get("/backlog/" + DemoData.SCRUM_MOBILE);

        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.body().asString()).contains("open the app again");
    }
}
