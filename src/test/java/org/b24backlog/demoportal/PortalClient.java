package org.b24backlog.demoportal;

import static io.restassured.RestAssured.given;

import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Calls the demo portal's REST API over real HTTP, as the app's client would. */
final class PortalClient {

    private PortalClient() {
    }

    /** POSTs a JSON body to {@code /rest/{method}} with {@code auth} added. */
    static Response call(String method, String accessToken, String jsonBody) {
        String body = jsonBody == null || jsonBody.isBlank() ? "{}" : jsonBody.trim();
        String withAuth = body.equals("{}") ? "{\"auth\":\"" + accessToken + "\"}"
                : "{\"auth\":\"" + accessToken + "\"," + body.substring(1);
        return given().contentType(ContentType.JSON).body(withAuth).post("/rest/" + method);
    }

    /** POSTs a form body to {@code /rest/{method}.json}. */
    static Response callForm(String method, Map<String, ?> form) {
        return given().contentType(ContentType.URLENC).formParams(form).post("/rest/" + method + ".json");
    }

    /**
     * Installs without sending ONAPPINSTALL. The app's own event handler runs in the same build and would answer it
     * with REST calls of its own, which would mix into the journal these tests read.
     */
    static void installQuietly(DemoPortal portal) {
        portal.install(org.b24backlog.demoportal.install.InstallOptions.defaults()
                .withEventMode(org.b24backlog.demoportal.install.InstallEventMode.NEVER));
    }
}
