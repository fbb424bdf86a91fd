package org.b24backlog.demoportal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;

import org.b24backlog.demoportal.faults.FaultKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class RenameFaultTest {

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
    void renamedDomainRejectedBeforeRename() {
        callOnRenamedDomain("user.current").then()
                .statusCode(404)
                .body("error", equalTo("PORTAL_NOT_FOUND"));

        assertThat(portal.isRenamed()).isFalse();
    }

    @Test
    void renameRedirectsToRenamedDomain() {
        portal.faults().on("user.current").rename();

        Response redirect = given().redirects().follow(false).contentType(ContentType.JSON)
                .body("{\"auth\":\"" + token + "\"}").post("/rest/user.current.json?x=1");

        redirect.then().statusCode(302);
        assertThat(redirect.header("Location"))
                .isEqualTo("http://" + portal.renamedDomain() + "/rest/user.current.json?x=1");
        JournalEntry entry = portal.journal().get(0);
        assertThat(entry.status()).isEqualTo(302);
        assertThat(entry.succeeded()).isFalse();
        assertThat(entry.faults()).extracting(f -> f.kind()).containsExactly(FaultKind.RENAME);
        assertThat(portal.isRenamed()).isTrue();
    }

    @Test
    void renamedDomainServesAfterRename() {
        portal.faults().on("user.current").rename();
        PortalClient.call("user.current", token, "{}").then().statusCode(302);

        callOnRenamedDomain("user.current").then()
                .statusCode(200)
                .body("result.ID", equalTo("3"));
        callOnRenamedDomain("user.admin").then().statusCode(200);

        // The old domain keeps redirecting the faulted method and serving the others.
        PortalClient.call("user.current", token, "{}").then().statusCode(302);
        PortalClient.call("user.admin", token, "{}").then().statusCode(200);
        assertThat(portal.journal().get(1).faults()).isEmpty();
    }

    private Response callOnRenamedDomain(String method) {
        return given().redirects().follow(false).header("Host", portal.renamedDomain())
                .contentType(ContentType.JSON)
                .body("{\"auth\":\"" + token + "\"}")
                .post("/rest/" + method);
    }
}
