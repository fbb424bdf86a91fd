package org.b24backlog.demoportal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.util.List;

import jakarta.inject.Inject;

import org.b24backlog.demoportal.faults.AppliedFault;
import org.b24backlog.demoportal.faults.FaultKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class BatchFaultsTest {

    private static final String BATCH = "{\"cmd\": {\"first\": \"user.current\", \"admin\": \"user.admin\", "
            + "\"second\": \"user.current\"}}";

    @Inject
    DemoPortal portal;

    String token;

    @BeforeEach
    void setUp() {
        portal.reset();
        PortalClient.installQuietly(portal);
        token = portal.issueTokens(DemoData.USER_DEVELOPER).accessToken();
        portal.clearJournal();
    }

    @Test
    void commandFailsByKey() {
        portal.faults().batchCommand("admin").error(403, "ACCESS_DENIED", "Access denied!");

        PortalClient.call("batch", token, BATCH).then()
                .statusCode(200)
                .body("result.result.first.ID", equalTo("3"))
                .body("result.result.second.ID", equalTo("3"))
                .body("result.result", not(hasKey("admin")))
                .body("result.result_error.admin.error", equalTo("ACCESS_DENIED"))
                .body("result.result_error.admin.error_description", equalTo("Access denied!"))
                .body("result.result_error.size()", equalTo(1));

        JournalEntry batch = portal.journal().get(0);
        assertThat(batch.status()).isEqualTo(200);
        assertThat(batch.faults()).isEmpty();
        List<JournalEntry> commands = batch.subCommands();
        assertThat(commands).hasSize(3);
        assertThat(commands.get(1).method()).isEqualTo("user.admin");
        assertThat(commands.get(1).status()).isEqualTo(403);
        assertThat(commands.get(1).error()).isEqualTo("ACCESS_DENIED");
        assertThat(commands.get(1).faults()).containsExactly(new AppliedFault(FaultKind.ERROR, "403 ACCESS_DENIED"));
        assertThat(commands.get(0).faults()).isEmpty();
    }

    @Test
    void commandFailsByMethodOnce() {
        portal.faults().batchCommand("user.current").times(1).scrumError("Task not found");

        PortalClient.call("batch", token, BATCH).then()
                .statusCode(200)
                .body("result.result_error.first.error", equalTo(0))
                .body("result.result_error.first.error_description", equalTo("Task not found"))
                .body("result.result.second.ID", equalTo("3"))
                .body("result.result.admin", equalTo(false));
    }

    @Test
    void haltStopsAtFaultedCommand() {
        portal.faults().batchCommand("first").error(400, "ERROR_CORE", "Injected failure");

        PortalClient.call("batch", token, BATCH.replace("}}", "}, \"halt\": 1}")).then()
                .statusCode(200)
                .body("result.result.size()", equalTo(0))
                .body("result.result_error.first.error", equalTo("ERROR_CORE"));

        assertThat(portal.journal().get(0).subCommands()).hasSize(1);
    }
}
