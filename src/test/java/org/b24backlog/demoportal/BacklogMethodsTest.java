package org.b24backlog.demoportal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Every error of the backlog methods, in the order the Bitrix24 controller checks them, and the success paths. */
@QuarkusTest
class BacklogMethodsTest {

    @Inject
    DemoPortal portal;

    private String admin;
    private String outsider;
    private String developer;

    @BeforeEach
    void setUp() {
        portal.reset();
        PortalClient.installQuietly(portal);
        portal.setRateLimitEnabled(false);
        admin = portal.issueTokens(DemoData.USER_ADMIN).accessToken();
        outsider = portal.issueTokens(DemoData.USER_OUTSIDER).accessToken();
        developer = portal.issueTokens(DemoData.USER_DEVELOPER).accessToken();
    }

    @Test
    void addRejectsEachInvalidCase() {
        assertScrumError(call("add", admin, "{}"), 100, "Could not find value for parameter {fields}");
        assertScrumError(call("add", admin, "{\"fields\": {\"createdBy\": 1}}"), 0, "Group id not found");
        assertScrumError(call("add", outsider, "{\"fields\": {\"groupId\": 43}}"), 0, "Access denied");
        assertScrumError(call("add", admin, "{\"fields\": {\"groupId\": 42}}"), 0, "Backlog already added");
        assertScrumError(call("add", admin, "{\"fields\": {\"groupId\": 44, \"createdBy\": 777}}"), 0,
                "createdBy user not found");
        assertScrumError(call("add", admin, "{\"fields\": {\"groupId\": 44, \"modifiedBy\": 777}}"), 0,
                "modifiedBy user not found");
    }

    @Test
    void addStoresOmittedUsersAsZero() {
        call("add", developer, "{\"fields\": {\"groupId\": 44}}").statusCode(200)
                .body("result.groupId", equalTo(44))
                .body("result.createdBy", equalTo(0))
                .body("result.modifiedBy", equalTo(0));

        assertThat(portal.backlogOf(DemoData.SCRUM_NO_BACKLOG)).isPresent();
    }

    @Test
    void updateRejectsEachInvalidCase() {
        assertScrumError(call("update", admin, "{\"fields\": {}}"), 100, "Could not find value for parameter {id}");
        assertScrumError(call("update", admin, "{\"id\": \"abc\", \"fields\": {}}"), 100,
                "Invalid value {abc} to match with parameter {id}. Should be value of type int.");
        assertScrumError(call("update", admin, "{\"id\": 311}"), 100, "Could not find value for parameter {fields}");
        assertScrumError(call("update", admin, "{\"id\": 0, \"fields\": {}}"), 0, "Backlog id not found");
        assertScrumError(call("update", admin, "{\"id\": 9999, \"fields\": {}}"), 0, "Backlog not found");
        assertScrumError(call("update", admin, "{\"id\": 321, \"fields\": {}}"), 0, "Backlog not found");
        assertScrumError(call("update", outsider, "{\"id\": 312, \"fields\": {}}"), 0, "Access denied");
        assertScrumError(call("update", admin, "{\"id\": 311, \"fields\": {\"groupId\": 44}}"), 0,
                "It is forbidden move a backlog with items");
        int empty = portal.store().addBacklog(DemoData.SCRUM_NO_BACKLOG, 1, 1).id();
        assertScrumError(call("update", admin, "{\"id\": " + empty + ", \"fields\": {\"groupId\": 42}}"), 0,
                "The target group already has a backlog");
        assertScrumError(call("update", admin, "{\"id\": 311, \"fields\": {\"createdBy\": 777}}"), 0,
                "createdBy user not found");
        assertScrumError(call("update", admin, "{\"id\": 311, \"fields\": {\"modifiedBy\": 777}}"), 0,
                "modifiedBy user not found");
    }

    @Test
    void updateMovesEmptyBacklogAndResetsModifiedBy() {
        int empty = portal.store().addBacklog(DemoData.SCRUM_NO_BACKLOG, 1, 1).id();

        call("update", admin, "{\"id\": " + empty + ", \"fields\": {\"groupId\": 5}}").statusCode(200)
                .body("result.id", equalTo(empty))
                .body("result.groupId", equalTo(5))
                .body("result.createdBy", equalTo(1))
                .body("result.modifiedBy", equalTo(0));
    }

    @Test
    void getRejectsEachInvalidCase() {
        assertScrumError(call("get", admin, "{}"), 100, "Could not find value for parameter {id}");
        assertScrumError(call("get", admin, "{\"id\": 0}"), 0, "Group id not found");
        assertScrumError(call("get", outsider, "{\"id\": 44}"), 0, "Backlog not found");
        assertScrumError(call("get", outsider, "{\"id\": 43}"), 0, "Access denied");
    }

    @Test
    void getTakesGroupId() {
        call("get", developer, "{\"id\": 42}").statusCode(200)
                .body("result.id", equalTo(DemoData.BACKLOG_MOBILE))
                .body("result.groupId", equalTo(42));
    }

    @Test
    void deleteRejectsEachInvalidCase() {
        assertScrumError(call("delete", admin, "{\"id\": 0}"), 0, "Backlog id not found");
        assertScrumError(call("delete", admin, "{\"id\": 321}"), 0, "Backlog not found");
        assertScrumError(call("delete", outsider, "{\"id\": 312}"), 0, "Access denied");
        assertScrumError(call("delete", admin, "{\"id\": 311}"), 0, "It is forbidden remove a backlog with items");
    }

    @Test
    void deleteReturnsEmptyArray() {
        int empty = portal.store().addBacklog(DemoData.SCRUM_NO_BACKLOG, 1, 1).id();

        call("delete", developer, "{\"id\": " + empty + "}").statusCode(200).body("result", hasSize(0));

        assertThat(portal.backlogOf(DemoData.SCRUM_NO_BACKLOG)).isEmpty();
    }

    @Test
    void nonMemberCannotReadTasks() {
        PortalClient.call("tasks.task.list", outsider, "{\"filter\": {\"GROUP_ID\": 43}}").then()
                .statusCode(200)
                .body("result.tasks", hasSize(0));
        PortalClient.call("tasks.api.scrum.task.get", outsider, "{\"id\": 8025}").then()
                .statusCode(400)
                .body("error", equalTo(0))
                .body("error_description", equalTo("Access denied"));
    }

    @Test
    void taskAddJoinsScrumBacklog() {
        PortalClient.call("tasks.task.add", developer, "{\"fields\": {\"TITLE\": \"New item\", \"GROUP_ID\": 42}}")
                .then()
                .statusCode(200)
                .body("result.task.title", equalTo("New item"))
                .body("result.task.groupId", equalTo("42"));

        assertThat(portal.backlogTasks(DemoData.SCRUM_MOBILE)).last()
                .extracting(task -> task.title())
                .isEqualTo("New item");
    }

    @Test
    void scrumTaskUpdateKeepsStringPoints() {
        PortalClient.call("tasks.api.scrum.task.update", developer,
                "{\"id\": 8002, \"fields\": {\"storyPoints\": 8, \"epicId\": 10}}").then()
                .statusCode(200)
                .body("result", equalTo(true));
        PortalClient.call("tasks.api.scrum.task.update", developer,
                "{\"id\": 8002, \"fields\": {\"storyPoints\": \"XL\"}}").then().statusCode(200);

        PortalClient.call("tasks.api.scrum.task.get", developer, "{\"id\": 8002}").then()
                .body("result.storyPoints", equalTo("XL"))
                .body("result.epicId", equalTo(10));
    }

    private ValidatableResponse call(String action, String token, String body) {
        return PortalClient.call("tasks.api.scrum.backlog." + action, token, body).then();
    }

    private static void assertScrumError(ValidatableResponse response, int code, String description) {
        response.statusCode(400)
                .body("error", equalTo(code))
                .body("error_description", equalTo(description));
    }
}
