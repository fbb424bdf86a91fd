package org.b24backlog.demoportal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.b24backlog.demoportal.faults.AppliedFault;
import org.b24backlog.demoportal.faults.FaultKind;
import org.b24backlog.demoportal.faults.FaultRule;
import org.b24backlog.demoportal.oauth.TokenPair;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class RestFaultsTest {

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
    void latencyDelaysEveryMethod() {
        portal.faults().onEveryMethod().latency(Duration.ofMillis(30));

        for (String method : List.of("user.current", "user.admin")) {
            long started = System.nanoTime();
            PortalClient.call(method, token, "{}").then().statusCode(200);
            long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

            assertThat(elapsedMillis).as("elapsed ms for " + method).isGreaterThanOrEqualTo(30);
        }
        List<JournalEntry> entries = portal.journal();
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).faults()).containsExactly(new AppliedFault(FaultKind.LATENCY, "30 ms"));
        assertThat(entries.get(1).faults()).containsExactly(new AppliedFault(FaultKind.LATENCY, "30 ms"));
        assertThat(entries.get(1).succeeded()).isTrue();
    }

    @Test
    void errorFiresOnEveryThirdCall() {
        portal.faults().on("user.current").everyNth(3).error(503, "QUERY_LIMIT_EXCEEDED", "Too many requests");

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(PortalClient.call("user.current", token, "{}").statusCode());
        }

        assertThat(statuses).containsExactly(200, 200, 503, 200, 200, 503);
        JournalEntry third = portal.journal().get(2);
        assertThat(third.status()).isEqualTo(503);
        assertThat(third.error()).isEqualTo("QUERY_LIMIT_EXCEEDED");
        assertThat(third.faults()).extracting(AppliedFault::kind).containsExactly(FaultKind.ERROR);
        assertThat(portal.journal().get(3).faults()).isEmpty();
    }

    @Test
    void seededFractionRepeats() {
        List<Integer> first = statusesWithFraction(0.5, 7);
        portal.reset();
        PortalClient.installQuietly(portal);
        token = portal.issueTokens(DemoData.USER_DEVELOPER).accessToken();
        List<Integer> second = statusesWithFraction(0.5, 7);

        assertThat(second).isEqualTo(first);
        assertThat(first).contains(200, 500);
    }

    @Test
    void errorBodyIsBitrixEnvelope() {
        portal.faults().on("user.current").internalError();

        PortalClient.call("user.current", token, "{}").then()
                .statusCode(500)
                .contentType("application/json")
                .body("error", equalTo("INTERNAL_SERVER_ERROR"))
                .body("error_description", equalTo("Internal server error"));

        JournalEntry entry = portal.journal().get(0);
        assertThat(entry.status()).isEqualTo(500);
        assertThat(entry.error()).isEqualTo("INTERNAL_SERVER_ERROR");
        assertThat(entry.userId()).isEqualTo(DemoData.USER_DEVELOPER);
    }

    @Test
    void htmlErrorIsNotJson() {
        portal.faults().on("user.current").htmlError(502);

        Response response = PortalClient.call("user.current", token, "{}");

        response.then().statusCode(502).contentType(containsString("text/html"))
                .body(containsString("<title>502 Bad Gateway</title>"));
        JournalEntry entry = portal.journal().get(0);
        assertThat(entry.status()).isEqualTo(502);
        assertThat(entry.succeeded()).isFalse();
        assertThat(entry.faults()).containsExactly(new AppliedFault(FaultKind.HTML_ERROR, "502 HTML"));
    }

    @Test
    void faultOnOneMethodSparesOthers() {
        portal.faults().on("USER.current").internalError();

        PortalClient.call("user.admin", token, "{}").then().statusCode(200);
        PortalClient.call("user.current", token, "{}").then().statusCode(500);
    }

    @Test
    void limitedFaultStopsAfterTimes() {
        FaultRule rule = portal.faults().on("user.current").times(2).internalError();

        PortalClient.call("user.current", token, "{}").then().statusCode(500);
        PortalClient.call("user.current", token, "{}").then().statusCode(500);
        PortalClient.call("user.current", token, "{}").then().statusCode(200);

        assertThat(rule.firedCount()).isEqualTo(2);
        assertThat(rule.isSpent()).isTrue();
        assertThat(portal.journal().get(2).faults()).isEmpty();
    }

    @Test
    void expiredTokenFaultEndsToken() {
        TokenPair pair = portal.issueTokens(DemoData.USER_DEVELOPER);
        portal.faults().on("user.current").times(1).expireToken();

        PortalClient.call("user.current", pair.accessToken(), "{}").then()
                .statusCode(401)
                .body("error", equalTo("expired_token"))
                .body("error_description", equalTo("The access token provided has expired."));

        // The fault is spent, so this call fails because the token really expired.
        PortalClient.call("user.admin", pair.accessToken(), "{}").then().statusCode(401)
                .body("error", equalTo("expired_token"));
        JournalEntry faulted = portal.journal().get(0);
        assertThat(faulted.faults()).extracting(AppliedFault::kind).containsExactly(FaultKind.EXPIRED_TOKEN);
        assertThat(faulted.userId()).isEqualTo(DemoData.USER_DEVELOPER);
        assertThat(portal.journal().get(1).faults()).isEmpty();
        PortalClient.call("user.current", token, "{}").then().statusCode(200);
    }

    @Test
    void resetClearsEveryFault() {
        portal.faults().onEveryMethod().latency(Duration.ofMillis(500));
        portal.faults().onEveryMethod().internalError();
        portal.faults().on("user.current").rename();
        portal.faults().batchCommand("*").error(400, "ERROR_CORE", "Injected");
        portal.faults().oauthToken().invalidGrant();
        portal.limits().bucket(1, 0.1).operatingBudget("user.current", Duration.ZERO);

        portal.reset();
        PortalClient.installQuietly(portal);
        token = portal.issueTokens(DemoData.USER_DEVELOPER).accessToken();

        assertThat(portal.faults().rules()).isEmpty();
        assertThat(portal.isRenamed()).isFalse();
        assertThat(portal.limits().bucketBurst()).isEqualTo(50);
        long started = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            PortalClient.call("user.current", token, "{}").then().statusCode(200);
        }
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(1500);
        PortalClient.call("batch", token, "{\"cmd\": {\"a\": \"user.current\"}}").then().statusCode(200)
                .body("result.result_error.size()", equalTo(0));
        assertThat(portal.journal()).allSatisfy(entry -> assertThat(entry.faults()).isEmpty());
    }

    private List<Integer> statusesWithFraction(double fraction, long seed) {
        portal.faults().on("user.current").fraction(fraction, seed).internalError();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            statuses.add(PortalClient.call("user.current", token, "{}").statusCode());
        }
        return statuses;
    }
}
