package org.b24backlog.demoportal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.b24backlog.demoportal.data.DemoTask;
import org.b24backlog.demoportal.faults.FaultKind;
import org.b24backlog.demoportal.faults.SlowEffect;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.http.ContentType;

@QuarkusTest
class SlowResponseFaultTest {

    private static final int CLIENT_TIMEOUT_MILLIS = 300;
    private static final Duration SLEEP = Duration.ofMillis(1500);

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
    void writeBeforeSleepExistsOnce() throws InterruptedException {
        portal.faults().on("tasks.task.add").times(1).slowResponse(SLEEP, SlowEffect.BEFORE_SLEEP);

        Throwable timeout = catchThrowable(() -> addTaskWithTimeout("Slow write before sleep"));

        assertThat(timeout).isInstanceOf(SocketTimeoutException.class);
        assertThat(tasksTitled("Slow write before sleep")).hasSize(1);
        JournalEntry entry = portal.journal().get(0);
        assertThat(entry.method()).isEqualTo("tasks.task.add");
        assertThat(entry.status()).isEqualTo(200);
        assertThat(entry.faults()).extracting(f -> f.kind()).containsExactly(FaultKind.SLOW_RESPONSE);
        Thread.sleep(SLEEP.toMillis());
        assertThat(tasksTitled("Slow write before sleep")).hasSize(1);
    }

    @Test
    void writeAfterSleepLandsLate() throws InterruptedException {
        portal.faults().on("tasks.task.add").times(1).slowResponse(SLEEP, SlowEffect.AFTER_SLEEP);

        Throwable timeout = catchThrowable(() -> addTaskWithTimeout("Slow write after sleep"));

        assertThat(timeout).isInstanceOf(SocketTimeoutException.class);
        assertThat(tasksTitled("Slow write after sleep")).isEmpty();
        assertThat(portal.journal()).isEmpty();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (tasksTitled("Slow write after sleep").isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(tasksTitled("Slow write after sleep")).hasSize(1);
        assertThat(portal.journal().get(0).faults()).extracting(f -> f.kind())
                .containsExactly(FaultKind.SLOW_RESPONSE);
    }

    private void addTaskWithTimeout(String title) {
        HttpClientConfig timeouts = HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", CLIENT_TIMEOUT_MILLIS);
        RestAssured.given().config(RestAssured.config().httpClient(timeouts))
                .contentType(ContentType.JSON)
                .body("{\"auth\":\"" + token + "\",\"fields\":{\"TITLE\":\"" + title + "\",\"GROUP_ID\":"
                        + DemoData.SCRUM_MOBILE + "}}")
                .post("/rest/tasks.task.add");
    }

    private List<DemoTask> tasksTitled(String title) {
        return portal.tasksOfGroup(DemoData.SCRUM_MOBILE).stream().filter(task -> task.title().equals(title)).toList();
    }
}
