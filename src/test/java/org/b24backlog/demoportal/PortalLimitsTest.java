package org.b24backlog.demoportal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import jakarta.inject.Inject;

import org.b24backlog.demoportal.faults.AppliedFault;
import org.b24backlog.demoportal.faults.FaultKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class PortalLimitsTest {

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
    void operatingLimitBlocksOneMethod() {
        portal.limits().operatingBudget("user.admin", Duration.ofMillis(2500))
                .operatingCharge("user.admin", Duration.ofSeconds(1));
        long before = System.currentTimeMillis() / 1000;

        JsonPath first = PortalClient.call("user.admin", token, "{}").then().statusCode(200).extract().jsonPath();
        PortalClient.call("user.admin", token, "{}").then().statusCode(200);
        JsonPath third = PortalClient.call("user.admin", token, "{}").then().statusCode(200).extract().jsonPath();

        assertThat(first.getDouble("time.operating")).isCloseTo(1.0, within(1e-6));
        assertThat(third.getDouble("time.operating")).isCloseTo(3.0, within(1e-6));
        long resetAt = third.getLong("time.operating_reset_at");
        assertThat(resetAt).isEqualTo(first.getLong("time.operating_reset_at"));
        assertThat(resetAt).isBetween(before + 600, before + 602);
        PortalClient.call("user.admin", token, "{}").then()
                .statusCode(429)
                .body("error", equalTo("OPERATION_TIME_LIMIT"));
        PortalClient.call("user.current", token, "{}").then().statusCode(200);
        JournalEntry rejected = portal.journal().get(3);
        assertThat(rejected.status()).isEqualTo(429);
        assertThat(rejected.error()).isEqualTo("OPERATION_TIME_LIMIT");
    }

    @Test
    void operatingLimitAppliesInBatch() {
        portal.limits().operatingBudget("user.admin", Duration.ofMillis(500))
                .operatingCharge("user.admin", Duration.ofSeconds(1));
        PortalClient.call("user.admin", token, "{}").then().statusCode(200);

        PortalClient.call("batch", token, "{\"cmd\": {\"a\": \"user.admin\", \"c\": \"user.current\"}}").then()
                .statusCode(200)
                .body("result.result_error.a.error", equalTo("OPERATION_TIME_LIMIT"))
                .body("result.result.c.ID", equalTo("3"));
    }

    @Test
    void batchCommandsUseUpTheirMethod() {
        portal.limits().operatingBudget("user.admin", Duration.ofMillis(1500))
                .operatingCharge("user.admin", Duration.ofSeconds(1));

        PortalClient.call("batch", token, "{\"cmd\": {\"a\": \"user.admin\", \"b\": \"user.admin\", "
                + "\"c\": \"user.admin\", \"d\": \"user.current\"}}").then()
                .statusCode(200)
                .body("result.result.a", equalTo(false))
                .body("result.result.b", equalTo(false))
                .body("result.result_error.c.error", equalTo("OPERATION_TIME_LIMIT"))
                .body("result.result.d.ID", equalTo("3"));

        PortalClient.call("user.admin", token, "{}").then()
                .statusCode(429)
                .body("error", equalTo("OPERATION_TIME_LIMIT"));
        JournalEntry batch = portal.journal().get(0);
        assertThat(batch.subCommands()).extracting(JournalEntry::error)
                .containsExactly(null, null, "OPERATION_TIME_LIMIT", null);
    }

    @Test
    void batchItselfNotCounted() {
        portal.limits().operatingBudget("batch", Duration.ZERO).operatingCharge("batch", Duration.ofSeconds(1));

        PortalClient.call("batch", token, "{\"cmd\": {\"me\": \"user.current\"}}").then().statusCode(200);
        JsonPath second = PortalClient.call("batch", token, "{\"cmd\": {\"me\": \"user.current\"}}").then()
                .statusCode(200)
                .body("result.result.me.ID", equalTo("3"))
                .extract().jsonPath();

        assertThat(second.getDouble("time.operating")).isZero();
        JsonPath direct = PortalClient.call("user.current", token, "{}").then().statusCode(200).extract().jsonPath();
        assertThat(direct.getDouble("time.operating")).as("two sub-commands and the direct call")
                .isGreaterThan(0).isLessThan(1);
    }

    @Test
    void commandLatencyCountsAsExecutionTime() {
        portal.faults().batchCommand("user.admin").latency(Duration.ofMillis(300));

        JsonPath batch = PortalClient.call("batch", token, "{\"cmd\": {\"a\": \"user.admin\", "
                + "\"b\": \"user.admin\", \"me\": \"user.current\"}}").then()
                .statusCode(200)
                .extract().jsonPath();
        JsonPath direct = PortalClient.call("user.admin", token, "{}").then().statusCode(200).extract().jsonPath();

        assertThat(batch.getDouble("result.result_time.a.duration")).isGreaterThanOrEqualTo(0.3);
        assertThat(batch.getDouble("result.result_time.b.duration")).isGreaterThanOrEqualTo(0.3);
        assertThat(batch.getDouble("result.result_time.me.duration")).isLessThan(0.3);
        assertThat(direct.getDouble("time.operating")).as("both commands, not the direct call's own latency")
                .isGreaterThanOrEqualTo(0.6).isLessThan(0.9);
        assertThat(portal.journal().get(0).subCommands().get(0).faults()).extracting(AppliedFault::kind)
                .containsExactly(FaultKind.LATENCY);
    }

    @Test
    void shortWindowResetsWithinSeconds() throws InterruptedException {
        portal.limits().operatingWindow(Duration.ofSeconds(2)).operatingBudget("user.admin", Duration.ofMillis(500))
                .operatingCharge("user.admin", Duration.ofSeconds(1));
        long before = System.currentTimeMillis() / 1000;

        JsonPath first = PortalClient.call("user.admin", token, "{}").then().statusCode(200).extract().jsonPath();
        PortalClient.call("user.admin", token, "{}").then().statusCode(429);
        long resetAt = first.getLong("time.operating_reset_at");
        Thread.sleep(Math.max(0, resetAt * 1000 - System.currentTimeMillis()));

        assertThat(resetAt).isBetween(before + 2, before + 3);
        PortalClient.call("user.admin", token, "{}").then().statusCode(200);
    }

    @Test
    void bucketNumbersAreSettable() {
        portal.limits().bucket(5, 0.1);

        for (int i = 0; i < 5; i++) {
            PortalClient.call("user.current", token, "{}").then().statusCode(200);
        }

        assertThat(portal.limits().bucketLevel()).isBetween(4.5, 5.0);
        assertThat(portal.limits().bucketBurst()).isEqualTo(5);
        PortalClient.call("user.current", token, "{}").then()
                .statusCode(503)
                .body("error", equalTo("QUERY_LIMIT_EXCEEDED"));
    }

    @Test
    void enterpriseBucketAllowsLargerBurst() {
        portal.limits().bucket(250, 5);

        for (int i = 0; i < 60; i++) {
            PortalClient.call("user.admin", token, "{}").then().statusCode(200);
        }

        assertThat(portal.limits().bucketLevel()).isGreaterThan(40);
        assertThat(portal.limits().bucketDrainPerSecond()).isEqualTo(5.0);
    }

    @Test
    void resetRestoresConfiguredLimits() {
        portal.limits().bucket(1, 0.1).operatingBudget("user.current", Duration.ZERO);

        portal.reset();

        assertThat(portal.limits().bucketBurst()).isEqualTo(50);
        assertThat(portal.limits().bucketDrainPerSecond()).isEqualTo(2.0);
        assertThat(portal.limits().bucketLevel()).isZero();
    }
}
