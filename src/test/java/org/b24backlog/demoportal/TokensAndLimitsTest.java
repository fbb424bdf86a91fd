package org.b24backlog.demoportal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import jakarta.inject.Inject;

import org.b24backlog.demoportal.oauth.TokenPair;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
class TokensAndLimitsTest {

    @Inject
    DemoPortal portal;

    @ConfigProperty(name = "demo-portal.client-id")
    String clientId;

    @ConfigProperty(name = "demo-portal.client-secret")
    String clientSecret;

    @BeforeEach
    void setUp() {
        portal.reset();
        PortalClient.installQuietly(portal);
    }

    @Test
    void refreshReplacesExpiredToken() {
        TokenPair pair = portal.issueTokens(DemoData.USER_DEVELOPER);
        portal.expireAccessTokens();
        PortalClient.call("user.current", pair.accessToken(), "{}").then().statusCode(401)
                .body("error", equalTo("expired_token"));

        JsonPath refreshed = refresh(pair.refreshToken()).then().statusCode(200).extract().jsonPath();

        assertThat(refreshed.getInt("user_id")).isEqualTo(DemoData.USER_DEVELOPER);
        assertThat(refreshed.getInt("expires_in")).isEqualTo(3600);
        assertThat(refreshed.getString("member_id")).isEqualTo(portal.memberId());
        assertThat(refreshed.getString("client_endpoint")).isEqualTo(portal.clientEndpoint());
        assertThat(refreshed.getString("server_endpoint")).isEqualTo(portal.serverEndpoint());
        PortalClient.call("user.current", refreshed.getString("access_token"), "{}").then().statusCode(200)
                .body("result.ID", equalTo("3"));
    }

    @Test
    void refreshTokenWorksOnce() {
        TokenPair pair = portal.issueTokens(DemoData.USER_DEVELOPER);

        refresh(pair.refreshToken()).then().statusCode(200);

        refresh(pair.refreshToken()).then().statusCode(400).body("error", equalTo("invalid_grant"));
        PortalClient.call("user.current", pair.accessToken(), "{}").then().statusCode(401)
                .body("error", equalTo("invalid_token"));
    }

    @Test
    void refreshKeepsOtherChains() {
        TokenPair first = portal.issueTokens(DemoData.USER_DEVELOPER);
        TokenPair second = portal.issueTokens(DemoData.USER_DEVELOPER);

        refresh(first.refreshToken()).then().statusCode(200);

        PortalClient.call("user.current", second.accessToken(), "{}").then().statusCode(200);
    }

    @Test
    void refreshRejectsWrongClient() {
        TokenPair pair = portal.issueTokens(DemoData.USER_DEVELOPER);

        given().queryParams(Map.of("grant_type", "refresh_token", "client_id", clientId, "client_secret", "wrong",
                "refresh_token", pair.refreshToken()))
                .get("/demo-oauth/oauth/token/")
                .then()
                .statusCode(401)
                .body("error", equalTo("invalid_client"));
        refresh(pair.refreshToken()).then().statusCode(200);
    }

    @Test
    void journalHidesOAuthSecrets() {
        portal.clearJournal();

        refresh(portal.issueTokens(DemoData.USER_DEVELOPER).refreshToken());

        JournalEntry entry = portal.journal().get(0);
        assertThat(entry.server()).isEqualTo("oauth");
        assertThat(entry.params().has("client_secret")).isFalse();
        assertThat(entry.params().has("refresh_token")).isFalse();
        assertThat(entry.userId()).isEqualTo(DemoData.USER_DEVELOPER);
    }

    @Test
    void oauthAppInfoChecksToken() {
        TokenPair pair = portal.issueTokens(DemoData.USER_ADMIN);

        given().get("/demo-oauth/rest/app.info?auth=" + pair.accessToken()).then()
                .statusCode(200)
                .body("result.install.member_id", equalTo(portal.memberId()))
                .body("result.client_id", equalTo(clientId));
        given().get("/demo-oauth/rest/app.info?auth=forged").then()
                .statusCode(401)
                .body("error", equalTo("invalid_token"));
    }

    @Test
    void bucketRejectsBurstAndRecovers() throws InterruptedException {
        String token = portal.issueTokens(DemoData.USER_DEVELOPER).accessToken();
        for (int i = 0; i < 50; i++) {
            PortalClient.call("user.admin", token, "{}").then().statusCode(200);
        }

        // The bucket drains 2 requests per second while the burst runs, so a few more may pass before it is full.
        Response rejected = null;
        for (int i = 0; i < 20 && rejected == null; i++) {
            Response response = PortalClient.call("user.admin", token, "{}");
            if (response.statusCode() != 200) {
                rejected = response;
            }
        }

        assertThat(rejected).isNotNull();
        rejected.then()
                .statusCode(503)
                .body("error", equalTo("QUERY_LIMIT_EXCEEDED"))
                .body("error_description", equalTo("Too many requests"));
        Thread.sleep(1100);

        PortalClient.call("user.admin", token, "{}").then().statusCode(200);
        JournalEntry rejectedEntry = portal.journal().get(portal.journal().size() - 2);
        assertThat(rejectedEntry.status()).isEqualTo(503);
        assertThat(rejectedEntry.error()).isEqualTo("QUERY_LIMIT_EXCEEDED");
    }

    @Test
    void batchCountsAsOneRequest() {
        String token = portal.issueTokens(DemoData.USER_DEVELOPER).accessToken();
        StringBuilder commands = new StringBuilder("{\"cmd\": {");
        for (int i = 0; i < 50; i++) {
            commands.append(i == 0 ? "" : ",").append("\"c").append(i).append("\": \"user.admin\"");
        }
        String batch = commands.append("}}").toString();

        for (int i = 0; i < 3; i++) {
            PortalClient.call("batch", token, batch).then().statusCode(200)
                    .body("result.result_error.size()", equalTo(0));
        }
    }

    @Test
    void rateLimitCanBeSwitchedOff() {
        portal.setRateLimitEnabled(false);
        String token = portal.issueTokens(DemoData.USER_DEVELOPER).accessToken();

        for (int i = 0; i < 70; i++) {
            PortalClient.call("user.admin", token, "{}").then().statusCode(200);
        }
    }

    private Response refresh(String refreshToken) {
        return given().contentType(ContentType.URLENC)
                .formParams(Map.of("grant_type", "refresh_token", "client_id", clientId, "client_secret", clientSecret,
                        "refresh_token", refreshToken))
                .post("/demo-oauth/oauth/token/");
    }
}
