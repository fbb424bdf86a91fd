package org.b24backlog.demoportal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class PortalRestTest {

    @Inject
    DemoPortal portal;

    private String adminToken;
    private String memberToken;

    @BeforeEach
    void setUp() {
        portal.reset();
        PortalClient.installQuietly(portal);
        adminToken = portal.issueTokens(DemoData.USER_ADMIN).accessToken();
        memberToken = portal.issueTokens(DemoData.USER_DEVELOPER).accessToken();
    }

    @Test
    void userCurrentReturnsTokenOwner() {
        PortalClient.call("user.current", memberToken, "{}").then()
                .statusCode(200)
                .body("result.ID", equalTo("3"))
                .body("result.ACTIVE", equalTo(true))
                .body("time.operating", notNullValue())
                .body("time.operating_reset_at", notNullValue());
    }

    @Test
    void queryStringAndJsonSuffixWork() {
        given().get("/rest/user.admin.json?auth=" + adminToken).then()
                .statusCode(200)
                .body("result", equalTo(true));
        given().get("/rest/user.admin?auth=" + memberToken).then()
                .statusCode(200)
                .body("result", equalTo(false));
    }

    @Test
    void formBodyWithBracketsWorks() {
        PortalClient.callForm("user.get", Map.of("auth", adminToken, "FILTER[ID][0]", "2", "FILTER[ID][1]", "3"))
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("result.ID", equalTo(List.of("2", "3")));
    }

    @Test
    void userGetFiltersActive() {
        PortalClient.call("user.get", adminToken, "{\"FILTER\": {\"ACTIVE\": true}}").then()
                .statusCode(200)
                .body("total", equalTo(5));
    }

    @Test
    void missingTokenIsNoAuthFound() {
        given().contentType(ContentType.JSON).body("{}").post("/rest/user.current").then()
                .statusCode(401)
                .body("error", equalTo("NO_AUTH_FOUND"));
    }

    @Test
    void unknownTokenIsInvalidToken() {
        PortalClient.call("user.current", "not-a-token", "{}").then()
                .statusCode(401)
                .body("error", equalTo("invalid_token"));
    }

    @Test
    void expiredTokenIsExpiredToken() {
        portal.expireAccessTokens();

        PortalClient.call("user.current", memberToken, "{}").then()
                .statusCode(401)
                .body("error", equalTo("expired_token"))
                .body("error_description", equalTo("The access token provided has expired."));
    }

    @Test
    void unknownMethodIsNotFound() {
        PortalClient.call("no.such.method", memberToken, "{}").then()
                .statusCode(404)
                .body("error", equalTo("ERROR_METHOD_NOT_FOUND"));
    }

    @Test
    void wrongHostIsRejected() {
        given().header("Host", "127.0.0.1:" + portal.domain().replaceAll(".*:", ""))
                .get("/rest/user.current?auth=" + memberToken)
                .then()
                .statusCode(404)
                .contentType(ContentType.JSON)
                .body("error", equalTo("PORTAL_NOT_FOUND"));
    }

    @Test
    void journalRecordsCallWithoutAuth() {
        portal.clearJournal();

        PortalClient.call("user.current", memberToken, "{\"x\": 1}");

        List<JournalEntry> entries = portal.journal();
        assertThat(entries).hasSize(1);
        JournalEntry entry = entries.get(0);
        assertThat(entry.method()).isEqualTo("user.current");
        assertThat(entry.httpMethod()).isEqualTo("POST");
        assertThat(entry.userId()).isEqualTo(DemoData.USER_DEVELOPER);
        assertThat(entry.status()).isEqualTo(200);
        assertThat(entry.params().has("auth")).isFalse();
        assertThat(entry.params().path("x").asInt()).isEqualTo(1);
    }

    @Test
    void uninstallRevokesTokens() {
        portal.uninstall(false);

        PortalClient.call("user.current", memberToken, "{}").then()
                .statusCode(401)
                .body("error", equalTo("invalid_token"));
    }
}
