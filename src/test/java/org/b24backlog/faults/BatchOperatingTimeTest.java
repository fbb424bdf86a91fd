package org.b24backlog.faults;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.b24backlog.demoportal.DemoData;
import org.b24backlog.demoportal.DemoPortal;
import org.b24backlog.demoportal.JournalEntry;
import org.b24backlog.testsupport.Installs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * Backlog pages read the workgroup inside a batch. When that command is slow and its method's budget small, the app
 * must slow its batches down before the portal rejects the command, although batch responses report no operating
 * time for their commands.
 */
@QuarkusTest
@TestProfile(BatchOperatingTimeTest.SmallBudget.class)
class BatchOperatingTimeTest {

    /** The app's limit and window, which the demo portal gets in each test through its hooks. */
    public static class SmallBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("b24.operating-limit", "PT2S", "b24.operating-window", "PT4S");
        }
    }

    private static final String GROUP_GET = "socialnetwork.api.workgroup.get";
    private static final Duration LIMIT = Duration.ofSeconds(2);
    private static final Duration WINDOW = Duration.ofSeconds(4);
    private static final Duration COMMAND_TIME = Duration.ofMillis(500);
    private static final int PAGE_LOADS = 8;

    @Inject
    DemoPortal portal;

    private String session;

    @BeforeEach
    void install() throws Exception {
        session = Installs.adminSessionWithoutRateLimit(portal);
    }

    @Test
    void slowCommandWaitsInsteadOfRejection() {
        portal.limits().operatingWindow(WINDOW).operatingBudget(GROUP_GET, LIMIT);
        portal.faults().batchCommand(GROUP_GET).latency(COMMAND_TIME);
        List<Integer> statuses = new ArrayList<>();
        List<Duration> loadTimes = new ArrayList<>();

        for (int i = 0; i < PAGE_LOADS; i++) {
            long started = System.nanoTime();
            Response page = given().queryParam("s", session).get("/backlog/" + DemoData.SCRUM_MOBILE);
            loadTimes.add(Duration.ofNanos(System.nanoTime() - started));
            statuses.add(page.statusCode());
        }

        List<JournalEntry> groupReads = portal.journal().stream()
                .flatMap(entry -> entry.subCommands().stream())
                .filter(command -> command.method().equals(GROUP_GET))
                .toList();
        assertThat(groupReads).extracting(JournalEntry::error).as("errors of the workgroup commands the portal received")
                .doesNotContain("OPERATION_TIME_LIMIT");
        assertThat(groupReads).as("workgroup commands the portal received").hasSize(PAGE_LOADS);
        assertThat(groupReads).allMatch(JournalEntry::succeeded);
        assertThat(statuses).as("status of each backlog page").containsOnly(200);
        // Eight commands of 0.5 s cannot fit a 2 s budget per 4 s window without at least one pause for the window.
        assertThat(loadTimes.stream().max(Duration::compareTo).orElseThrow()).as("longest page load")
                .isGreaterThan(COMMAND_TIME.multipliedBy(2));
    }
}
