package org.b24backlog.frame;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.b24backlog.demoportal.DemoData;
import org.b24backlog.demoportal.DemoPortal;
import org.b24backlog.demoportal.install.FrameLaunch;
import org.b24backlog.demoportal.oauth.TokenPair;
import org.b24backlog.installation.Installation;
import org.b24backlog.installation.PortalToken;
import org.b24backlog.testsupport.AppFrames;
import org.b24backlog.testsupport.Installs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Requests that claim to come from a portal but do not: each gets a clear error and changes nothing. */
@QuarkusTest
class ForgedRequestTest {

    @Inject
    DemoPortal portal;

    private String applicationToken;

    @BeforeEach
    void install() throws Exception {
        Installs.reset(portal);
        applicationToken = Installs.install(portal);
        portal.clearJournal();
    }

    @Test
    void untrustedDomainNeverContacted() {
        Response page = AppFrames.open(withQuery(launch(), "DOMAIN", "evil.example.com"));

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body().asString()).contains("evil.example.com is not trusted");
        assertThat(page.header("Content-Security-Policy")).isEqualTo("frame-ancestors 'none'");
        assertThat(portal.journal()).isEmpty();
    }

    @Test
    void allowedButWrongDomainRejected() {
        Response page = AppFrames.open(withQuery(launch(), "DOMAIN", "other-portal.localhost:" + port()));

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body().asString()).contains("this installation belongs to " + portal.domain());
        assertThat(userTokens(DemoData.USER_SCRUM_MASTER)).isZero();
    }

    @Test
    void unknownMemberIdRejected() {
        Response page = AppFrames.open(withForm(launch(), "member_id", "0123456789abcdef0123456789abcdef"));

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body().asString()).contains("not installed");
        assertThat(portal.journal()).isEmpty();
    }

    @Test
    void applicationTokenMismatchLeftToPortal() {
        // The portal's check of AUTH_ID decides, and a stale APPLICATION_TOKEN alone neither admits nor rejects.
        Response accepted = AppFrames.open(withForm(launch(), "APPLICATION_TOKEN", "0000"));
        Response forged = AppFrames.open(withForm(withForm(launch(), "APPLICATION_TOKEN", "0000"), "AUTH_ID", "garbage"));

        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(forged.statusCode()).isEqualTo(401);
    }

    @Test
    void uninstallWithCopiedApplicationTokenRejected() {
        // Any user who opens the app receives the application token in the frame POST.
        String copied = launch().form().get("APPLICATION_TOKEN");
        assertThat(copied).isEqualTo(applicationToken);

        Response answer = given().contentType("application/x-www-form-urlencoded").formParam("event", "ONAPPUNINSTALL")
                .formParam("data[CLEAN]", "1").formParam("auth[member_id]", portal.memberId())
                .formParam("auth[application_token]", copied).post("/events");

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.jsonPath().getString("error_description")).contains("still accepts the app's token");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Installation.findByMemberId(portal.memberId())))
                .hasValueSatisfying(i -> assertThat(i.isInstalled()).isTrue());
        assertThat(AppFrames.open(launch()).statusCode()).isEqualTo(200);
    }

    @Test
    void garbageAccessTokenRejected() {
        Response page = AppFrames.open(withForm(launch(), "AUTH_ID", "not-a-token"));

        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.body().asString()).contains("open the app again");
        assertThat(userTokens(DemoData.USER_SCRUM_MASTER)).isZero();
    }

    @Test
    void postWithoutPortalParametersRejected() {
        Response page = given().contentType("application/x-www-form-urlencoded").formParam("AUTH_ID", "x").post("/app");

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body().asString()).contains("did not come from a Bitrix24 portal frame");
    }

    @Test
    void tamperedSessionTokenRejected() {
        String session = AppFrames.sessionToken(AppFrames.open(launch()).body().asString());
        String tampered = session.substring(0, session.length() - 4) + "AAAA";

        Response page = given().queryParam("s", tampered).get("/groups");

        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.body().asString()).contains("session token is invalid or expired");
    }

    @Test
    void auditPageClosedToNonAdmins() {
        String session = AppFrames.sessionToken(AppFrames.open(launch()).body().asString());

        assertThat(given().queryParam("s", session).get("/audit").statusCode()).isEqualTo(403);
    }

    @Test
    void invalidGroupIdExplained() {
        String session = AppFrames.sessionToken(AppFrames.open(launch()).body().asString());

        Response page = given().queryParam("s", session).get("/backlog/abc");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body().asString()).contains("Invalid group id &#39;abc&#39;");
    }

    @Test
    void noticeOfAnotherUserNotShown() {
        String adminPage = AppFrames.open(portal.launchGroupTab(DemoData.USER_ADMIN, DemoData.SCRUM_MOBILE)).body().asString();
        Response touched = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .queryParam("s", AppFrames.sessionToken(adminPage)).formParam("backlogId", DemoData.BACKLOG_MOBILE)
                .post("/backlog/" + DemoData.SCRUM_MOBILE + "/update");
        String notice = touched.header("Location").replaceAll(".*notice=", "");
        String other = AppFrames.sessionToken(AppFrames.open(launch()).body().asString());

        String page = given().queryParam("s", other).queryParam("notice", notice)
                .queryParam("detail", "Log in again at http://evil.example").get("/backlog/" + DemoData.SCRUM_MOBILE).asString();

        assertThat(page).doesNotContain("The backlog was updated.");
        assertThat(page).doesNotContain("evil.example");
    }

    @Test
    void hugeGroupIdExplained() {
        String session = AppFrames.sessionToken(AppFrames.open(launch()).body().asString());

        Response page = given().queryParam("s", session).get("/backlog/2147483648");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body().asString()).contains("from 1 to 2147483647");
    }

    @Test
    void nonMemberOfOpenGroupToldToJoin() {
        FrameLaunch outsider = portal.launchGroupTab(DemoData.USER_OUTSIDER, DemoData.SCRUM_PAYMENTS);

        Response page = AppFrames.open(outsider);

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body().asString()).contains("Join the workgroup");
    }

    @Test
    void memberWithoutRoleSeesReadOnlyBacklog() {
        String page = AppFrames.open(portal.launchGroupTab(DemoData.USER_TESTER, DemoData.SCRUM_MOBILE)).body().asString();
        String session = AppFrames.sessionToken(page);

        assertThat(page).contains("Only a portal administrator");
        assertThat(page).doesNotContain("/update?s=");
        Response refused = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .queryParam("s", session).formParam("backlogId", DemoData.BACKLOG_MOBILE)
                .post("/backlog/" + DemoData.SCRUM_MOBILE + "/update");
        assertThat(given().urlEncodingEnabled(false).get(refused.header("Location")).asString())
                .contains("Only a portal administrator");
        assertThat(portal.journal()).noneSatisfy(e -> assertThat(e.method()).isEqualTo("tasks.api.scrum.backlog.update"));
    }

    @Test
    void backlogOfAnotherGroupRejected() {
        // The developer owns Mobile app but is a plain member of Payments platform.
        String page = AppFrames.open(portal.launchGroupTab(DemoData.USER_DEVELOPER, DemoData.SCRUM_MOBILE)).body().asString();
        String session = AppFrames.sessionToken(page);
        portal.clearJournal();

        for (String change : new String[] { "update", "delete", "move" }) {
            Response refused = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                    .queryParam("s", session).formParam("backlogId", DemoData.BACKLOG_PAYMENTS).formParam("confirm", "yes")
                    .formParam("targetGroupId", DemoData.SCRUM_NO_BACKLOG)
                    .post("/backlog/" + DemoData.SCRUM_MOBILE + "/" + change);
            assertThat(refused.statusCode()).as(change).isEqualTo(303);
            assertThat(given().urlEncodingEnabled(false).get(refused.header("Location")).asString()).as(change)
                    .contains("The backlog no longer exists");
        }
        assertThat(portal.journal().stream().flatMap(e -> java.util.stream.Stream.concat(java.util.stream.Stream.of(e),
                e.subCommands().stream())).map(e -> e.method()))
                .doesNotContain("tasks.api.scrum.backlog.update", "tasks.api.scrum.backlog.delete");
        assertThat(portal.backlogOf(DemoData.SCRUM_PAYMENTS).orElseThrow().modifiedBy()).isNotEqualTo(DemoData.USER_DEVELOPER);
    }

    @Test
    void installEventWithGarbageTokenRejected() {
        Response answer = installEvent("fedcba9876543210fedcba9876543210", "garbage-refresh-token", "new-app-token");

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.jsonPath().getString("error")).isEqualTo("rejected");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Installation.count())).isEqualTo(1);
    }

    @Test
    void installEventForAnotherMemberIdRejected() {
        TokenPair admin = portal.issueTokens(DemoData.USER_ADMIN);

        Response answer = installEvent("fedcba9876543210fedcba9876543210", admin.refreshToken(), "new-app-token");

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.jsonPath().getString("error_description")).contains("belongs to another portal");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Installation.findByMemberId("fedcba9876543210fedcba9876543210")))
                .isEmpty();
    }

    @Test
    void installEventFromNonAdminKeepsApplicationToken() {
        TokenPair member = portal.issueTokens(DemoData.USER_DEVELOPER);

        Response answer = installEvent(portal.memberId(), member.refreshToken(), "attacker-app-token");

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.jsonPath().getString("error_description")).contains("is not an administrator");
        Response uninstall = given().contentType("application/x-www-form-urlencoded").formParam("event", "ONAPPUNINSTALL")
                .formParam("data[CLEAN]", "0").formParam("auth[member_id]", portal.memberId())
                .formParam("auth[application_token]", "attacker-app-token").post("/events");
        assertThat(uninstall.statusCode()).isEqualTo(403);
        assertThat(applicationToken).isNotEqualTo("attacker-app-token");
    }

    @Test
    void eventWithoutMemberIdExplained() {
        Response answer = given().contentType("application/x-www-form-urlencoded").formParam("event", "ONAPPUNINSTALL")
                .post("/events");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.jsonPath().getString("error_description")).contains("auth[member_id]");
    }

    private Response installEvent(String memberId, String refreshToken, String appToken) {
        return given().contentType("application/x-www-form-urlencoded")
                .formParam("event", "ONAPPINSTALL")
                .formParam("data[INSTALLED]", "Y")
                .formParam("auth[member_id]", memberId)
                .formParam("auth[domain]", portal.domain())
                .formParam("auth[client_endpoint]", portal.clientEndpoint())
                .formParam("auth[refresh_token]", refreshToken)
                .formParam("auth[application_token]", appToken)
                .post("/events");
    }

    private FrameLaunch launch() {
        return portal.launch(DemoData.USER_SCRUM_MASTER, "DEFAULT", Map.of());
    }

    private static FrameLaunch withQuery(FrameLaunch launch, String key, String value) {
        Map<String, String> query = new LinkedHashMap<>(launch.query());
        query.put(key, value);
        return new FrameLaunch(launch.url(), query, launch.form(), launch.userId(), launch.install());
    }

    private static FrameLaunch withForm(FrameLaunch launch, String key, String value) {
        Map<String, String> form = new LinkedHashMap<>(launch.form());
        form.put(key, value);
        return new FrameLaunch(launch.url(), launch.query(), form, launch.userId(), launch.install());
    }

    private long userTokens(int userId) {
        return QuarkusTransaction.requiringNew().call(() -> PortalToken.count("userId", String.valueOf(userId)));
    }

    private static int port() {
        return io.restassured.RestAssured.port;
    }
}
