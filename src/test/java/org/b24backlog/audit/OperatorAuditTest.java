package org.b24backlog.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.b24backlog.demoportal.DemoPortal;
import org.b24backlog.testsupport.Installs;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The operator's audit page across portals, behind HTTP Basic credentials. */
@QuarkusTest
class OperatorAuditTest {

    @Inject
    DemoPortal portal;

    @Test
    void operatorSeesEveryPortal() throws Exception {
        Installs.reset(portal);
        Installs.install(portal);

        Response page = given().auth().preemptive().basic("operator", "TEST-ONLY-operator-password").get("/operator/audit");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body().asString()).contains(portal.memberId(), "app.installed");
        assertThat(page.header("Content-Security-Policy")).isEqualTo("frame-ancestors 'none'");
    }

    @Test
    void withoutCredentialsChallenged() {
        Response page = given().get("/operator/audit");

        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.header("WWW-Authenticate")).startsWith("basic");
    }

    @Test
    void wrongPasswordRejected() {
        assertThat(given().auth().preemptive().basic("operator", "guess").get("/operator/audit").statusCode()).isEqualTo(401);
    }
}
