package org.b24backlog.demoportal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.b24backlog.demoportal.faults.AppliedFault;
import org.b24backlog.demoportal.faults.FaultKind;
import org.b24backlog.demoportal.oauth.TokenPair;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class OAuthFaultsTest {

    @Inject
    DemoPortal portal;

    @ConfigProperty(name = "demo-portal.client-id")
    String clientId;

    @ConfigProperty(name = "demo-portal.client-secret")
    String clientSecret;

    TokenPair pair;

    @BeforeEach
    void setUp() {
        portal.reset();
        PortalClient.installQuietly(portal);
        pair = portal.issueTokens(DemoData.USER_DEVELOPER);
        portal.clearJournal();
    }

    @Test
    void invalidGrantKeepsRefreshToken() {
        portal.faults().oauthToken().times(1).invalidGrant();

        refresh().then().statusCode(400)
                .body("error", equalTo("invalid_grant"))
                .body("error_description", equalTo("Invalid refresh token"));

        JournalEntry entry = portal.journal().get(0);
        assertThat(entry.server()).isEqualTo("oauth");
        assertThat(entry.method()).isEqualTo("oauth/token");
        assertThat(entry.status()).isEqualTo(400);
        assertThat(entry.error()).isEqualTo("invalid_grant");
        assertThat(entry.faults()).containsExactly(new AppliedFault(FaultKind.ERROR, "400 invalid_grant"));
        assertThat(entry.params().has("refresh_token")).isFalse();
        refresh().then().statusCode(200).body("user_id", equalTo(DemoData.USER_DEVELOPER));
    }

    @Test
    void paymentRequiredIsError() {
        portal.faults().oauthToken().paymentRequired();

        refresh().then().statusCode(401).body("error", equalTo("PAYMENT_REQUIRED"));

        assertThat(portal.journal().get(0).error()).isEqualTo("PAYMENT_REQUIRED");
    }

    @Test
    void wrongClientComesWithStatus200() {
        portal.faults().oauthToken().wrongClient();

        refresh().then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("error", equalTo("wrong_client"))
                .body("access_token", equalTo(null));

        JournalEntry entry = portal.journal().get(0);
        assertThat(entry.status()).isEqualTo(200);
        assertThat(entry.succeeded()).isFalse();
    }

    @Test
    void latencySlowsTokenEndpoint() {
        portal.faults().oauthToken().latency(Duration.ofMillis(400));

        long started = System.nanoTime();
        refresh().then().statusCode(200);
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(elapsedMillis).isGreaterThanOrEqualTo(400);
        assertThat(portal.journal().get(0).faults()).containsExactly(new AppliedFault(FaultKind.LATENCY, "400 ms"));
        assertThat(portal.journal().get(0).succeeded()).isTrue();
    }

    @Test
    void htmlErrorOnTokenEndpoint() {
        portal.faults().oauthToken().times(1).htmlError(503);

        refresh().then().statusCode(503).contentType(containsString("text/html"))
                .body(containsString("503 Service Unavailable"));

        assertThat(portal.journal().get(0).status()).isEqualTo(503);
        refresh().then().statusCode(200);
    }

    @Test
    void restFaultSparesTokenEndpoint() {
        portal.faults().onEveryMethod().internalError();

        refresh().then().statusCode(200);
    }

    private Response refresh() {
        return given().contentType(ContentType.URLENC)
                .formParams(Map.of("grant_type", "refresh_token", "client_id", clientId, "client_secret", clientSecret,
                        "refresh_token", pair.refreshToken()))
                .post("/demo-oauth/oauth/token/");
    }
}
