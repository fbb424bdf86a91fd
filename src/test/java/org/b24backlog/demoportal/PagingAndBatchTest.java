package org.b24backlog.demoportal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PagingAndBatchTest {

    @Inject
    DemoPortal portal;

    private String developer;

    @BeforeEach
    void setUp() {
        portal.reset();
        PortalClient.installQuietly(portal);
        portal.setRateLimitEnabled(false);
        developer = portal.issueTokens(DemoData.USER_DEVELOPER).accessToken();
        portal.addBacklogTasks(DemoData.SCRUM_MOBILE, 300);
    }

    @Test
    void listPagesWithTotalAndNext() {
        String filter = "{\"filter\": {\"BACKLOG_ID\": 311}, \"select\": [\"ID\"], \"start\": %d}";

        PortalClient.call("tasks.task.list", developer, filter.formatted(0)).then()
                .statusCode(200)
                .body("total", equalTo(316))
                .body("next", equalTo(50))
                .body("result.tasks", hasSize(50))
                .body("result.tasks[0].id", equalTo("8001"));
        PortalClient.call("tasks.task.list", developer, filter.formatted(300)).then()
                .body("total", equalTo(316))
                .body("$", not(hasKey("next")))
                .body("result.tasks", hasSize(16));
    }

    @Test
    void startMinusOneOmitsTotal() {
        PortalClient.call("tasks.task.list", developer,
                "{\"filter\": {\"GROUP_ID\": 42, \">ID\": 8100}, \"order\": {\"ID\": \"asc\"}, \"start\": -1}").then()
                .statusCode(200)
                .body("$", not(hasKey("total")))
                .body("$", not(hasKey("next")))
                .body("result.tasks", hasSize(50))
                .body("result.tasks[0].id", equalTo("8101"));
    }

    @Test
    void batchReportsFailedCommand() {
        PortalClient.call("batch", developer, """
                {"cmd": {"bl": "tasks.api.scrum.backlog.get?id=42", "bad": "tasks.api.scrum.backlog.get?id=44",
                         "me": "user.current"}}
                """).then()
                .statusCode(200)
                .body("result.result.bl.id", equalTo(311))
                .body("result.result.me.ID", equalTo("3"))
                .body("result.result_error.bad.error", equalTo(0))
                .body("result.result_error.bad.error_description", equalTo("Backlog not found"))
                .body("result.result_total", hasSize(0))
                .body("result.result_next", hasSize(0));
    }

    @Test
    void batchReturnsArraysForEmptyMaps() {
        PortalClient.call("batch", developer, "{\"cmd\": [\"user.current\", \"user.admin\"]}").then()
                .statusCode(200)
                .body("result.result.0.ID", equalTo("3"))
                .body("result.result.1", equalTo(false))
                .body("result.result_error", hasSize(0))
                .body("result.result_total", hasSize(0));
    }

    @Test
    void batchHaltStopsAtFirstError() {
        PortalClient.call("batch", developer, """
                {"halt": 1, "cmd": {"a": "user.current", "b": "no.such.method", "c": "user.admin"}}
                """).then()
                .body("result.result.a.ID", equalTo("3"))
                .body("result.result", not(hasKey("c")))
                .body("result.result_error.b.error", equalTo("ERROR_METHOD_NOT_FOUND"));
    }

    @Test
    void batchResolvesResultReferences() {
        PortalClient.call("batch", developer, """
                {"cmd": {
                  "bl": "tasks.api.scrum.backlog.get?id=42",
                  "items": "tasks.task.list?filter[BACKLOG_ID]=$result[bl][id]&select[]=ID&start=-1",
                  "first": "tasks.api.scrum.task.get?id=$result[items][tasks][0][id]",
                  "user": "user.get?FILTER[ID]=$result[first][createdBy]"
                }}
                """).then()
                .statusCode(200)
                .body("result.result_error", hasSize(0))
                .body("result.result.first.entityId", equalTo(311))
                .body("result.result.user[0].ID", equalTo(String.valueOf(DemoData.USER_SCRUM_MASTER)));
    }

    @Test
    void batchSubCommandsUseCallerPermissions() {
        String outsider = portal.issueTokens(DemoData.USER_OUTSIDER).accessToken();

        PortalClient.call("batch", outsider, "{\"cmd\": {\"p\": \"tasks.api.scrum.backlog.get?id=43\"}}").then()
                .body("result.result_error.p.error_description", equalTo("Access denied"));
        JournalEntry batch = portal.journal().get(portal.journal().size() - 1);
        assertThat(batch.method()).isEqualTo("batch");
        assertThat(batch.subCommands()).hasSize(1);
        assertThat(batch.subCommands().get(0).userId())
                .isEqualTo(DemoData.USER_OUTSIDER);
        assertThat(batch.subCommands().get(0).error()).isEqualTo("0");
    }

    @Test
    void nestedBatchIsRejected() {
        PortalClient.call("batch", developer, "{\"cmd\": {\"inner\": \"batch?cmd[x]=user.current\"}}").then()
                .body("result.result_error.inner.error", equalTo("ERROR_BATCH_METHOD_NOT_ALLOWED"))
                .body("result.result", hasSize(0));
    }

    @Test
    void workgroupListNeedsSelect() {
        PortalClient.call("socialnetwork.api.workgroup.list", portal.issueTokens(DemoData.USER_OUTSIDER).accessToken(),
                "{}").then()
                .statusCode(200)
                .body("result.workgroups.id", equalTo(List.of("5", "42", "43", "44")))
                .body("result.workgroups[0]", not(hasKey("name")));
    }
}
