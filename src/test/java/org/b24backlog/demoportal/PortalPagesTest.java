package org.b24backlog.demoportal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PortalPagesTest {

    @Inject
    DemoPortal portal;

    @BeforeEach
    void setUp() {
        portal.reset();
    }

    @Test
    void otherHostRedirectsToPortal() {
        String port = portal.domain().replaceAll(".*:", "");
        given().redirects().follow(false).header("Host", "127.0.0.1:" + port).get("/workgroups/group/42/?tab=tasks")
                .then()
                .statusCode(303)
                .header("Location", equalTo("http://" + portal.domain() + "/workgroups/group/42/?tab=tasks"));
    }

    @Test
    void startPageShowsMenuAndUsers() {
        given().get("/").then()
                .statusCode(200)
                .body(containsString("Mobile app"))
                .body(containsString("Mira Holt (administrator)"))
                .body(containsString("/market/"))
                .body(not(containsString("/marketplace/app/")));
    }

    @Test
    void userSwitchSetsCookieAndHidesGroups() {
        given().get("/?user=" + DemoData.USER_OUTSIDER).then()
                .statusCode(200)
                .cookie("DEMO_PORTAL_USER", String.valueOf(DemoData.USER_OUTSIDER))
                .body(not(containsString("Board room")));
        given().cookie("DEMO_PORTAL_USER", String.valueOf(DemoData.USER_ADMIN)).get("/").then()
                .body(containsString("Board room"));
    }

    @Test
    void groupPageEscapesTaskTitles() {
        given().get("/workgroups/group/42/?tab=planning&user=" + DemoData.USER_DEVELOPER).then()
                .statusCode(200)
                .body(containsString("&lt;script&gt;alert(1)&lt;/script&gt;"))
                .body(not(containsString("<script>alert(1)")));
    }

    @Test
    void groupTabFramesBoundHandlerAfterFinish() {
        PortalClient.installQuietly(portal);
        String adminToken = portal.issueTokens(DemoData.USER_ADMIN).accessToken();
        PortalClient.call("placement.bind", adminToken, """
                {"PLACEMENT": "SONET_GROUP_DETAIL_TAB", "HANDLER": "http://127.0.0.1:9/group-tab", "TITLE": "Backlog"}
                """).then().statusCode(200).body("result", equalTo(true));

        given().get("/workgroups/group/42/").then()
                .body(not(containsString("Backlog</a>")));

        portal.finishInstall();

        given().get("/workgroups/group/42/?tab=app-1").then()
                .statusCode(200)
                .body(containsString("name=\"" + portal.domain() + "|0|"))
                .body(containsString("action=\"http://127.0.0.1:9/group-tab?DOMAIN="))
                .body(containsString("name=\"PLACEMENT\" value=\"SONET_GROUP_DETAIL_TAB\""))
                .body(containsString("{&quot;GROUP_ID&quot;:&quot;42&quot;,&quot;URI&quot;:&quot;/workgroups/group/42/&quot;}"));
    }

    @Test
    void appPageOpensInstallerForAdmin() {
        PortalClient.installQuietly(portal);

        given().get("/marketplace/app/7/").then()
                .statusCode(200)
                .body(containsString("/install?DOMAIN="))
                .body(containsString("data-install=\"true\""));
        given().get("/marketplace/app/7/?user=" + DemoData.USER_DEVELOPER).then()
                .body(containsString("not fully installed"));
    }

    @Test
    void frameSdkIsServed() {
        given().get("/demo-portal/frame-sdk.js").then()
                .statusCode(200)
                .contentType(containsString("javascript"))
                .body(containsString("window.BX24"));
        given().get("/demo-portal/static/avatar/3.svg").then()
                .statusCode(200)
                .body(containsString("LS"));
    }
}
