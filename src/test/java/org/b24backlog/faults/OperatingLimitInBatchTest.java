package org.b24backlog.faults;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.b24backlog.audit.AuditEntry;
import org.b24backlog.demoportal.DemoData;
import org.b24backlog.demoportal.DemoPortal;
import org.b24backlog.testsupport.AppFrames;
import org.b24backlog.testsupport.Installs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * What users and the audit log get when the portal rejects one command of a batch with OPERATION_TIME_LIMIT while the
 * batch itself succeeds with HTTP 200, and what they get when the throttle's table cannot be read.
 */
@QuarkusTest
@TestProfile(FaultyPortalTest.ShortTimeout.class)
class OperatingLimitInBatchTest {

    private static final String TASK_GET = "tasks.api.scrum.task.get";
    private static final String BACKLOG_GET = "tasks.api.scrum.backlog.get";
    private static final String GROUP_GET = "socialnetwork.api.workgroup.get";

    @Inject
    DemoPortal portal;

    @Inject
    DataSource dataSource;

    private String session;

    @BeforeEach
    void install() throws Exception {
        session = Installs.adminSessionWithoutRateLimit(portal);
    }

    @Test
    void rejectedTaskReadsNotHidden() {
        // The first task read spends the whole budget, so the portal rejects the other reads of that batch.
        portal.limits().operatingBudget(TASK_GET, Duration.ofMillis(500)).operatingCharge(TASK_GET, Duration.ofSeconds(1));

        Response page = given().queryParam("s", session).get("/backlog/" + DemoData.SCRUM_MOBILE);

        assertThat(page.statusCode()).as("status of a page whose task reads were rejected").isEqualTo(502);
        assertThat(page.body().asString()).contains("The pause ends within ten minutes");
        assertThat(page.body().asString()).doesNotContain("data-task-id=");
    }

    @Test
    void rejectedBacklogReadNotRecordedAsMissing() {
        portal.limits().operatingBudget(BACKLOG_GET, Duration.ofMillis(500))
                .operatingCharge(BACKLOG_GET, Duration.ofSeconds(1));
        given().queryParam("s", session).get("/backlog/" + DemoData.SCRUM_MOBILE).then().statusCode(200);

        Response answer = updateBacklog();

        assertThat(answer.statusCode()).isEqualTo(303);
        String notice = given().urlEncodingEnabled(false).get(answer.header("Location")).asString();
        assertThat(notice).as("page after the update").doesNotContain("no longer exists");
        assertThat(auditMessageKeys()).as("message keys of the failed update in the audit log")
                .containsExactly("refusal_operating_limit");
    }

    @Test
    void rejectedGroupReadNotReportedMissing() {
        portal.limits().operatingBudget(GROUP_GET, Duration.ofMillis(500)).operatingCharge(GROUP_GET, Duration.ofSeconds(1));
        given().queryParam("s", session).get("/backlog/" + DemoData.SCRUM_MOBILE).then().statusCode(200);

        Response answer = updateBacklog();

        assertThat(answer.statusCode()).isEqualTo(303);
        String notice = given().urlEncodingEnabled(false).get(answer.header("Location")).asString();
        // The page after the redirect reads the group again, so it shows the pause rather than the notice.
        assertThat(notice).doesNotContain("does not exist, or you have no access to it");
        assertThat(notice).contains("Bitrix24 paused this kind of request for the app");
        assertThat(auditMessageKeys()).as("message keys of the failed update in the audit log")
                .containsExactly("refusal_operating_limit");
    }

    @Test
    void paddingRejectionKeepsCompletePage() {
        int tasks = portal.backlogTasks(DemoData.SCRUM_MOBILE).size();
        // Each read costs 1 s and the budget ends half a second before the last real read, so only padding is rejected.
        portal.limits().operatingBudget(TASK_GET, Duration.ofMillis(tasks * 1000L - 500)).operatingCharge(TASK_GET,
                Duration.ofSeconds(1));

        Response page = given().queryParam("s", session).get("/backlog/" + DemoData.SCRUM_MOBILE);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body().asString().split("data-task-id=").length - 1).as("tasks listed").isEqualTo(DemoData.MOBILE_BACKLOG_TASKS);
    }

    @Test
    void rejectedMoveTargetCheckRecorded() {
        // The group's own backlog read runs, and the portal rejects the reads of the target Scrums' backlogs.
        portal.limits().operatingBudget(BACKLOG_GET, Duration.ofMillis(500)).operatingCharge(BACKLOG_GET, Duration.ofSeconds(1));

        Response answer = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .queryParam("s", session).formParam("backlogId", DemoData.BACKLOG_MOBILE)
                .formParam("targetGroupId", DemoData.SCRUM_NO_BACKLOG).post("/backlog/" + DemoData.SCRUM_MOBILE + "/move");

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry> list("action", "backlog.moved").stream()
                .map(entry -> entry.messageKey).toList())).as("message keys of the failed move").containsExactly("refusal_operating_limit");
        assertThat(portal.backlogOf(DemoData.SCRUM_MOBILE)).as("the backlog stays where it was").isPresent();
    }

    @Test
    void rejectedAdminCheckShowsPause() {
        portal.limits().operatingBudget("user.admin", Duration.ofMillis(500)).operatingCharge("user.admin", Duration.ofSeconds(1));
        // The first frame spends the whole user.admin budget.
        AppFrames.open(portal.launchGroupTab(DemoData.USER_ADMIN, DemoData.SCRUM_MOBILE)).then().statusCode(200);

        Response second = AppFrames.open(portal.launchGroupTab(DemoData.USER_ADMIN, DemoData.SCRUM_MOBILE));
        Response third = AppFrames.open(portal.launchGroupTab(DemoData.USER_ADMIN, DemoData.SCRUM_MOBILE));

        assertThat(second.statusCode()).as("frame whose admin check was rejected").isEqualTo(502);
        assertThat(second.body().asString()).contains("Bitrix24 paused this kind of request for the app");
        assertThat(second.body().asString()).as("no session for a guessed role").doesNotContain("?s=");
        assertThat(third.statusCode()).as("frame while user.admin is marked as rejected").isEqualTo(502);
        assertThat(third.body().asString()).doesNotContain("did not accept the token");
        assertThat(third.body().asString()).contains("Bitrix24 paused this kind of request for the app");
    }

    @Test
    void throttleDatabaseErrorFallsBackToLocalBudget() throws Exception {
        try (Connection admin = dataSource.getConnection(); Statement sql = admin.createStatement()) {
            sql.execute("alter table portal_rate_bucket rename to portal_rate_bucket_moved");
            try {
                Response page = given().queryParam("s", session).get("/backlog/" + DemoData.SCRUM_MOBILE);

                assertThat(page.statusCode()).as("status while the throttle's table is missing").isEqualTo(200);
                assertThat(page.body().asString()).contains("Backlog #" + DemoData.BACKLOG_MOBILE);
            } finally {
                sql.execute("alter table portal_rate_bucket_moved rename to portal_rate_bucket");
            }
        }
    }

    private Response updateBacklog() {
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .queryParam("s", session).formParam("backlogId", DemoData.BACKLOG_MOBILE)
                .post("/backlog/" + DemoData.SCRUM_MOBILE + "/update");
    }

    private static List<String> auditMessageKeys() {
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry> list("action", "backlog.updated").stream()
                .map(entry -> entry.messageKey)
                .toList());
    }
}
