package org.b24backlog.journey;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.b24backlog.audit.AuditEntry;
import org.b24backlog.demoportal.DemoData;
import org.b24backlog.demoportal.DemoPortal;
import org.b24backlog.demoportal.JournalEntry;
import org.b24backlog.demoportal.data.DemoGroup;
import org.b24backlog.demoportal.data.GroupRole;
import org.b24backlog.demoportal.install.EventDelivery;
import org.b24backlog.demoportal.install.FrameLaunch;
import org.b24backlog.installation.Installation;
import org.b24backlog.installation.InstallationState;
import org.b24backlog.installation.PortalToken;
import org.b24backlog.testsupport.AppFrames;
import org.b24backlog.testsupport.Installs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The whole life of the app on a portal, over real HTTP between the app and the demo portal. It covers install,
 * opening from the menu and from the group tab, viewing, creating, updating, moving and deleting backlogs, a forged
 * uninstall, the uninstall, and a reinstall.
 */
@QuarkusTest
class JourneyTest {

    private static final int SCRUM_EXTRA = 45;

    @Inject
    DemoPortal portal;

    @BeforeEach
    void resetPortal() {
        Installs.reset(portal);
    }

    @Test
    void installViewChangeUninstallReinstall() throws Exception {
        String applicationToken = Installs.install(portal);
        assertThat(installation().state).isEqualTo(InstallationState.INSTALLED);
        assertThat(portal.placements()).anySatisfy(p -> {
            assertThat(p.placement()).isEqualTo("SONET_GROUP_DETAIL_TAB");
            assertThat(p.handler()).endsWith("/placement/group-tab");
        });
        assertThat(portal.eventBindings()).anySatisfy(e -> {
            assertThat(e.event()).isEqualTo("ONAPPUNINSTALL");
            assertThat(e.handler()).endsWith("/events");
        });

        // Open from the left menu: the list of Scrums.
        Response menu = AppFrames.open(portal.launch(DemoData.USER_SCRUM_MASTER, "DEFAULT", Map.of()));
        assertThat(menu.statusCode()).isEqualTo(200);
        assertThat(menu.header("Content-Security-Policy")).isEqualTo("frame-ancestors http://" + portal.domain());
        assertThat(menu.body().asString()).contains("/backlog/" + DemoData.SCRUM_MOBILE);
        assertThat(menu.body().asString()).doesNotContain("/backlog/" + DemoData.GROUP_MARKETING + "?");

        // Open from the group tab: the backlog of that Scrum, read with backlog.get (by group id) and getFields.
        portal.clearJournal();
        Response tab = AppFrames.open(portal.launchGroupTab(DemoData.USER_SCRUM_MASTER, DemoData.SCRUM_MOBILE));
        assertThat(tab.statusCode()).isEqualTo(200);
        String backlogPage = tab.body().asString();
        assertThat(backlogPage).contains("Backlog #" + DemoData.BACKLOG_MOBILE);
        assertThat(backlogPage).contains("groupId", "createdBy", "modifiedBy");
        assertThat(countRows(backlogPage)).isEqualTo(DemoData.MOBILE_BACKLOG_TASKS);
        List<JournalEntry> reads = portal.journal().stream().flatMap(e -> e.subCommands().stream()).toList();
        assertThat(reads).anySatisfy(e -> {
            assertThat(e.method()).isEqualTo("tasks.api.scrum.backlog.get");
            assertThat(e.params().path("id").asText()).isEqualTo(String.valueOf(DemoData.SCRUM_MOBILE));
            assertThat(e.status()).isEqualTo(200);
        });
        assertThat(reads).anySatisfy(e -> {
            assertThat(e.method()).isEqualTo("tasks.api.scrum.backlog.getFields");
            assertThat(e.params().size()).isZero();
            assertThat(e.status()).isEqualTo(200);
        });

        // The group tab of an ordinary group explains that it is not a Scrum.
        Response marketing = AppFrames.open(portal.launchGroupTab(DemoData.USER_SCRUM_MASTER, DemoData.GROUP_MARKETING));
        assertThat(marketing.statusCode()).isEqualTo(200);
        assertThat(marketing.body().asString()).contains("is not a Scrum");

        // The changes below are made by the portal admin, who may manage every Scrum.
        String session = AppFrames.sessionToken(
                AppFrames.open(portal.launchGroupTab(DemoData.USER_ADMIN, DemoData.SCRUM_MOBILE)).body().asString());

        // Moving a backlog that contains tasks is rejected by the portal and explained in plain words.
        portal.clearJournal();
        Response refusedMove = post(session, "/backlog/" + DemoData.SCRUM_MOBILE + "/move",
                Map.of("backlogId", String.valueOf(DemoData.BACKLOG_MOBILE), "targetGroupId", String.valueOf(DemoData.SCRUM_NO_BACKLOG)));
        assertThat(follow(refusedMove)).contains("cannot move to another Scrum");
        JsonNode moveRequest = lastCall("tasks.api.scrum.backlog.update").params();
        assertThat(moveRequest.path("id").asText()).isEqualTo(String.valueOf(DemoData.BACKLOG_MOBILE));
        assertThat(moveRequest.path("fields").path("groupId").asText()).isEqualTo(String.valueOf(DemoData.SCRUM_NO_BACKLOG));

        // Create the backlog of the Scrum that has none.
        portal.clearJournal();
        Response created = post(session, "/backlog/" + DemoData.SCRUM_NO_BACKLOG + "/create", Map.of());
        assertThat(follow(created)).contains("The backlog was created.");
        JsonNode add = lastCall("tasks.api.scrum.backlog.add").params().path("fields");
        assertThat(add.path("groupId").asText()).isEqualTo(String.valueOf(DemoData.SCRUM_NO_BACKLOG));
        assertThat(add.path("createdBy").asText()).isEqualTo(String.valueOf(DemoData.USER_ADMIN));
        assertThat(add.path("modifiedBy").asText()).isEqualTo(String.valueOf(DemoData.USER_ADMIN));
        int newBacklog = portal.backlogOf(DemoData.SCRUM_NO_BACKLOG).orElseThrow().id();

        // Record the current user as the modifier.
        portal.clearJournal();
        Response touched = post(session, "/backlog/" + DemoData.SCRUM_MOBILE + "/update",
                Map.of("backlogId", String.valueOf(DemoData.BACKLOG_MOBILE)));
        assertThat(follow(touched)).contains("The backlog was updated.");
        JsonNode update = lastCall("tasks.api.scrum.backlog.update").params();
        assertThat(update.path("id").asText()).isEqualTo(String.valueOf(DemoData.BACKLOG_MOBILE));
        assertThat(update.path("fields").path("modifiedBy").asText()).isEqualTo(String.valueOf(DemoData.USER_ADMIN));
        assertThat(portal.backlogOf(DemoData.SCRUM_MOBILE).orElseThrow().modifiedBy()).isEqualTo(DemoData.USER_ADMIN);

        // Move the new, empty backlog to another Scrum without one.
        addScrumWithoutBacklog(SCRUM_EXTRA);
        String moveForm = given().queryParam("s", session).queryParam("backlogId", newBacklog)
                .get("/backlog/" + DemoData.SCRUM_NO_BACKLOG + "/move").then().statusCode(200).extract().asString();
        assertThat(moveForm).contains("value=\"" + SCRUM_EXTRA + "\"");
        portal.clearJournal();
        Response moved = post(session, "/backlog/" + DemoData.SCRUM_NO_BACKLOG + "/move",
                Map.of("backlogId", String.valueOf(newBacklog), "targetGroupId", String.valueOf(SCRUM_EXTRA)));
        assertThat(moved.header("Location")).contains("/backlog/" + SCRUM_EXTRA);
        assertThat(follow(moved)).contains("The backlog was moved to");
        JsonNode move = lastCall("tasks.api.scrum.backlog.update").params();
        assertThat(move.path("fields").path("groupId").asText()).isEqualTo(String.valueOf(SCRUM_EXTRA));
        assertThat(move.path("fields").path("modifiedBy").asText()).isEqualTo(String.valueOf(DemoData.USER_ADMIN));
        assertThat(portal.backlogOf(SCRUM_EXTRA)).isPresent();

        // Delete: refused while tasks remain, done after confirmation when empty.
        Response refusedDelete = post(session, "/backlog/" + DemoData.SCRUM_MOBILE + "/delete",
                Map.of("backlogId", String.valueOf(DemoData.BACKLOG_MOBILE), "confirm", "yes"));
        assertThat(follow(refusedDelete)).contains("still contains tasks");
        assertThat(portal.backlogOf(DemoData.SCRUM_MOBILE)).isPresent();
        String confirmation = given().queryParam("s", session).queryParam("backlogId", newBacklog)
                .get("/backlog/" + SCRUM_EXTRA + "/delete").then().statusCode(200).extract().asString();
        assertThat(confirmation).contains("name=\"confirm\" value=\"yes\"");
        portal.clearJournal();
        Response deleted = post(session, "/backlog/" + SCRUM_EXTRA + "/delete",
                Map.of("backlogId", String.valueOf(newBacklog), "confirm", "yes"));
        assertThat(follow(deleted)).contains("The backlog was deleted.");
        assertThat(lastCall("tasks.api.scrum.backlog.delete").params().path("id").asText()).isEqualTo(String.valueOf(newBacklog));
        assertThat(portal.backlogOf(SCRUM_EXTRA)).isEmpty();

        // Every change is in the audit log, successes and refusals alike.
        List<String> actions = QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry> listAll().stream()
                .map(e -> e.action + ":" + e.outcome).toList());
        assertThat(actions).contains("app.installed:success", "backlog.created:success", "backlog.updated:success",
                "backlog.moved:success", "backlog.moved:failure", "backlog.deleted:success", "backlog.deleted:failure");

        // The admin reads the same log on the audit page inside the portal.
        String auditPage = given().queryParam("s", session).get("/audit").then().statusCode(200).extract().asString();
        assertThat(auditPage).contains("backlog.created", "backlog.deleted", "Mira Holt");

        // A forged uninstall is rejected and changes nothing.
        Response forged = given().contentType("application/x-www-form-urlencoded")
                .formParam("event", "ONAPPUNINSTALL").formParam("data[CLEAN]", "1")
                .formParam("auth[member_id]", portal.memberId()).formParam("auth[application_token]", "forged-token")
                .post("/events");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.jsonPath().getString("error")).isEqualTo("rejected");
        assertThat(installation().state).isEqualTo(InstallationState.INSTALLED);
        assertThat(tokenCount()).isPositive();

        // The real uninstall destroys the tokens and keeps the audit log.
        FrameLaunch stale = portal.launch(DemoData.USER_SCRUM_MASTER, "DEFAULT", Map.of());
        List<EventDelivery> uninstall = portal.uninstall(false);
        assertThat(uninstall).singleElement().satisfies(d -> assertThat(d.httpStatus()).isEqualTo(200));
        assertThat(installation().state).isEqualTo(InstallationState.UNINSTALLED);
        assertThat(tokenCount()).isZero();
        Response afterUninstall = AppFrames.open(stale);
        assertThat(afterUninstall.statusCode()).isEqualTo(403);
        assertThat(afterUninstall.body().asString()).contains("not installed");

        // Reinstall: a new application token, and the app works again.
        String secondToken = Installs.install(portal);
        assertThat(secondToken).isNotEqualTo(applicationToken);
        Response again = AppFrames.open(portal.launchGroupTab(DemoData.USER_SCRUM_MASTER, DemoData.SCRUM_MOBILE));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body().asString()).contains("Backlog #" + DemoData.BACKLOG_MOBILE);

        // A clean uninstall deletes everything the app holds for the portal.
        portal.uninstall(true);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Installation.findByMemberId(portal.memberId()))).isEmpty();
        assertThat(QuarkusTransaction.requiringNew().call(() -> AuditEntry.count("memberId", portal.memberId()))).isZero();
    }

    private Installation installation() {
        return QuarkusTransaction.requiringNew().call(() -> Installation.findByMemberId(portal.memberId()).orElseThrow());
    }

    private long tokenCount() {
        return QuarkusTransaction.requiringNew().call(() -> PortalToken.count());
    }

    private JournalEntry lastCall(String method) {
        List<JournalEntry> calls = portal.journal().stream().filter(e -> e.method().equals(method)).toList();
        assertThat(calls).as("requests of %s that the portal received", method).isNotEmpty();
        return calls.get(calls.size() - 1);
    }

    private void addScrumWithoutBacklog(int id) {
        DemoGroup template = portal.store().group(DemoData.SCRUM_NO_BACKLOG).orElseThrow();
        portal.store().putGroup(new DemoGroup(id, "Extra Scrum", "A Scrum for the move test", "scrum", template.ownerId(),
                template.scrumMasterId(), true, true, true, OffsetDateTime.now(), Map.of(
                        DemoData.USER_SCRUM_MASTER, GroupRole.OWNER, DemoData.USER_DEVELOPER, GroupRole.MEMBER)));
    }

    private static Response post(String session, String path, Map<String, String> form) {
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .queryParam("s", session).formParams(form).post(path);
    }

    private static String follow(Response redirect) {
        assertThat(redirect.statusCode()).as("answer to a change").isEqualTo(303);
        String location = redirect.header("Location");
        return given().urlEncodingEnabled(false).get(location).then().statusCode(200).extract().asString();
    }

    private static int countRows(String html) {
        return html.split("data-task-id=").length - 1;
    }
}
