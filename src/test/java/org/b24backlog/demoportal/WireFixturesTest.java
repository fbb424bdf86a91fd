package org.b24backlog.demoportal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;

import org.b24backlog.bitrix.BracketParams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Sends the example requests under {@code fixtures/bitrix24/} to the demo portal over HTTP and checks that each answer
 * has the shape of the matching example response. Where a fixture's ids do not exist in the seed data, the request
 * is adjusted first.
 */
@QuarkusTest
class WireFixturesTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Inject
    DemoPortal portal;

    private String adminToken;

    @BeforeEach
    void setUp() {
        portal.reset();
        PortalClient.installQuietly(portal);
        adminToken = portal.issueTokens(DemoData.USER_ADMIN).accessToken();
    }

    @Test
    void backlogAddMatchesFixture() throws IOException {
        ObjectNode request = request("tasks.api.scrum.backlog.add");
        request.with("fields").put("groupId", DemoData.SCRUM_NO_BACKLOG).put("createdBy", 1).put("modifiedBy", 1);

        assertMatches("tasks.api.scrum.backlog.add", request, 200);
    }

    @Test
    void backlogUpdateMatchesFixture() throws IOException {
        ObjectNode request = request("tasks.api.scrum.backlog.update");
        request.with("fields").put("modifiedBy", DemoData.USER_SCRUM_MASTER);

        assertMatches("tasks.api.scrum.backlog.update", request, 200);
    }

    @Test
    void backlogDeleteMatchesFixture() throws IOException {
        int emptyBacklog = portal.store().addBacklog(DemoData.SCRUM_NO_BACKLOG, 1, 1).id();
        ObjectNode request = request("tasks.api.scrum.backlog.delete").put("id", emptyBacklog);

        assertMatches("tasks.api.scrum.backlog.delete", request, 200);
    }

    @Test
    void readMethodsMatchFixtures() throws IOException {
        String[] methods = { "tasks.api.scrum.backlog.get", "tasks.api.scrum.backlog.getFields",
                "socialnetwork.api.workgroup.list", "socialnetwork.api.workgroup.get", "user.current",
                "tasks.task.list", "tasks.api.scrum.task.get", "tasks.api.scrum.epic.list",
                "tasks.api.scrum.sprint.list", "placement.bind", "event.bind" };
        for (String method : methods) {
            assertMatches(method, request(method), 200);
        }
    }

    @Test
    void userGetMatchesFixture() throws IOException {
        ObjectNode request = request("user.get");
        request.with("FILTER").putArray("ID").add(1).add(2).add(3);

        assertMatches("user.get", request, 200);
    }

    @Test
    void batchMatchesFixture() throws IOException {
        portal.addBacklogTasks(DemoData.SCRUM_MOBILE, 40);

        assertMatches("batch", request("batch"), 200);
    }

    @Test
    void scrumErrorsMatchFixtures() throws IOException {
        assertError("error.scrum", send("tasks.api.scrum.backlog.get", "{\"id\": 44}", adminToken), 400);
        assertError("error.scrum-binding", send("tasks.api.scrum.backlog.add", "{}", adminToken), 400);
    }

    @Test
    void generalErrorsMatchFixtures() throws IOException {
        assertError("error.invalid_token", send("user.current", "{}", "no-such-token"), 401);
        assertError("error.no_auth_found", given().contentType(ContentType.JSON).body("{}").post("/rest/user.current"),
                401);
        assertError("error.method_not_found", send("no.such.method", "{}", adminToken), 404);
        assertError("error.placement_argument", send("placement.bind", "{}", adminToken), 200);
        assertError("error.workgroup_empty", send("socialnetwork.api.workgroup.get", "{\"groupId\": 42}",
                adminToken), 400);
        StringBuilder commands = new StringBuilder("{\"cmd\": {");
        for (int i = 0; i < 51; i++) {
            commands.append(i == 0 ? "" : ",").append("\"c").append(i).append("\": \"user.current\"");
        }
        assertError("error.batch_length_exceeded", send("batch", commands.append("}}").toString(), adminToken), 400);
        portal.expireAccessTokens();
        assertError("error.expired_token", send("user.current", "{}", adminToken), 401);
    }

    @Test
    void queryLimitErrorMatchesFixture() throws IOException {
        Response last = null;
        for (int i = 0; i < 60; i++) {
            last = send("user.admin", "{}", adminToken);
            if (last.statusCode() == 503) {
                break;
            }
        }

        assertError("error.query_limit_exceeded", last, 503);
    }

    @Test
    void oauthRefreshMatchesFixture() throws IOException {
        ObjectNode request = request("oauth.token.refresh");
        request.put("client_id", clientId()).put("client_secret", clientSecret())
                .put("refresh_token", portal.issueTokens(DemoData.USER_DEVELOPER).refreshToken());

        Response response = given().contentType(ContentType.URLENC).body(BracketParams.encode(request))
                .post("/demo-oauth/oauth/token/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JsonShape.differences(fixture("oauth.token.refresh.response.json"), json(response))).isEmpty();

        Response reused = given().contentType(ContentType.URLENC).body(BracketParams.encode(request))
                .post("/demo-oauth/oauth/token/");
        assertError("error.invalid_grant", reused, 400);
        request.put("client_secret", "wrong");
        assertError("error.invalid_client", given().queryParams(mapper.convertValue(request, java.util.Map.class))
                .get("/demo-oauth/oauth/token/"), 401);
    }

    @Test
    void installEventMatchesFixture() throws Exception {
        portal.reset();
        try (EventReceiver receiver = new EventReceiver()) {
            portal.install(org.b24backlog.demoportal.install.InstallOptions.defaults()
                    .withEventHandlerUrl(receiver.url()));

            EventReceiver.Post post = receiver.next();

            assertThat(post).isNotNull();
            assertThat(post.contentType()).startsWith("application/x-www-form-urlencoded");
            assertThat(JsonShape.differences(formFixture("event.ONAPPINSTALL.form"),
                    BracketParams.parseToJson(post.body()))).isEmpty();
        }
    }

    @Test
    void uninstallEventMatchesFixture() throws Exception {
        try (EventReceiver receiver = new EventReceiver()) {
            send("event.bind", "{\"event\": \"ONAPPUNINSTALL\", \"handler\": \"" + receiver.url() + "\"}", adminToken)
                    .then().statusCode(200);
            portal.finishInstall();

            portal.uninstall(true);
            EventReceiver.Post post = receiver.next();

            assertThat(post).isNotNull();
            JsonNode received = BracketParams.parseToJson(post.body());
            assertThat(JsonShape.differences(formFixture("event.ONAPPUNINSTALL.form"), received)).isEmpty();
            assertThat(received.path("data").path("CLEAN").asText()).isEqualTo("1");
        }
    }

    private void assertMatches(String method, ObjectNode request, int status) throws IOException {
        Response response = send(method, mapper.writeValueAsString(request), adminToken);
        assertThat(response.statusCode()).as(method + " status, body " + response.asString()).isEqualTo(status);
        JsonNode expected = fixture(method + ".response.json");
        assertThat(JsonShape.differences(expected, json(response))).as(method).isEmpty();
    }

    private void assertError(String fixture, Response response, int status) throws IOException {
        assertThat(response.statusCode()).as(fixture + " status, body " + response.asString()).isEqualTo(status);
        assertThat(JsonShape.differences(fixture(fixture + ".response.json"), json(response))).as(fixture).isEmpty();
    }

    private Response send(String method, String body, String token) {
        return PortalClient.call(method, token, body);
    }

    private ObjectNode request(String name) throws IOException {
        return (ObjectNode) fixture(name + ".request.json");
    }

    private JsonNode fixture(String name) throws IOException {
        return mapper.readTree(read(name));
    }

    private JsonNode formFixture(String name) throws IOException {
        return BracketParams.parseToJson(read(name).trim());
    }

    private JsonNode json(Response response) throws IOException {
        return mapper.readTree(response.asString());
    }

    private static String read(String name) throws IOException {
        try (InputStream in = WireFixturesTest.class.getResourceAsStream("/fixtures/bitrix24/" + name)) {
            assertThat(in).as("fixture " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String clientId() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("demo-portal.client-id",
                String.class);
    }

    private static String clientSecret() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("demo-portal.client-secret",
                String.class);
    }
}
