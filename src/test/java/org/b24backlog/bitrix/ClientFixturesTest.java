package org.b24backlog.bitrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The client parses the same Bitrix24 wire fixtures that the demo portal is compared with, so the stand-in and the
 * client cannot drift apart from the reference format unnoticed.
 */
class ClientFixturesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = { "tasks.api.scrum.backlog.add", "tasks.api.scrum.backlog.update", "tasks.api.scrum.backlog.get",
            "tasks.api.scrum.backlog.delete", "tasks.api.scrum.backlog.getFields", "socialnetwork.api.workgroup.get",
            "socialnetwork.api.workgroup.list", "user.current", "user.get", "tasks.task.list", "tasks.api.scrum.task.get",
            "tasks.api.scrum.epic.list", "tasks.api.scrum.sprint.list", "placement.bind", "event.bind" })
    void successEnvelopeParsed(String method) throws IOException {
        BitrixResponse response = Envelopes.parse(JSON, method, 200, fixture(method + ".response.json"));

        assertThat(response.result().isMissingNode()).isFalse();
        assertThat(response.time().path("start").isNumber()).isTrue();
    }

    @Test
    void backlogFieldsRead() throws IOException {
        JsonNode backlog = Envelopes.parse(JSON, "tasks.api.scrum.backlog.get", 200,
                fixture("tasks.api.scrum.backlog.get.response.json")).result();

        assertThat(backlog.path("id").asText()).isEqualTo("311");
        assertThat(backlog.path("groupId").asText()).isEqualTo("42");
        assertThat(backlog.path("createdBy").asText()).isEqualTo("17");
    }

    @Test
    void deleteResultIsEmptyArray() throws IOException {
        JsonNode result = Envelopes.parse(JSON, "tasks.api.scrum.backlog.delete", 200,
                fixture("tasks.api.scrum.backlog.delete.response.json")).result();

        assertThat(result.isArray()).isTrue();
        assertThat(result.size()).isZero();
    }

    @Test
    void listPagingRead() throws IOException {
        BitrixResponse response = Envelopes.parse(JSON, "tasks.task.list", 200, fixture("tasks.task.list.response.json"));

        assertThat(response.total()).isNotNull();
        assertThat(response.result().path("tasks").isArray()).isTrue();
        assertThat(response.result().path("tasks").get(0).path("id").isTextual()).isTrue();
    }

    @Test
    void batchReportsEachCommandByKey() throws IOException {
        Batch sent = Batch.create().add("bl", "tasks.api.scrum.backlog.get").add("st", "tasks.api.scrum.task.get")
                .add("tasks", "tasks.task.list");
        BatchResult batch = BatchResult.of(Envelopes.parse(JSON, "batch", 200, fixture("batch.response.json")).result(), sent);

        assertThat(batch.succeeded("bl")).isTrue();
        assertThat(batch.result("bl").path("id").asInt()).isEqualTo(311);
        assertThat(batch.error("st")).hasValueSatisfying(e -> {
            assertThat(e.code()).isEqualTo("0");
            assertThat(e.description()).isEqualTo("Task not found");
            assertThat(e.method()).isEqualTo("tasks.api.scrum.task.get (batch command st)");
        });
        assertThatThrownBy(() -> batch.result("st")).isInstanceOf(BitrixApiException.class);
        assertThat(batch.total("tasks")).contains(134);
        assertThat(batch.next("tasks")).contains(50);
        assertThat(batch.durations()).containsOnlyKeys("bl");
        assertThat(batch.durations().get("bl")).isEqualTo(0.197729);
    }

    @Test
    void batchEmptyMapsAsArraysAccepted() throws IOException {
        String body = "{\"result\":{\"result\":{\"a\":true},\"result_error\":[],\"result_total\":[],\"result_next\":[],"
                + "\"result_time\":[]},\"time\":{\"start\":1}}";

        BatchResult batch = BatchResult.of(Envelopes.parse(JSON, "batch", 200, body).result(), Batch.create().add("a", "app.info"));

        assertThat(batch.errors()).isEmpty();
        assertThat(batch.durations()).isEmpty();
        assertThat(batch.result("a").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "error.scrum", "error.scrum-binding", "error.expired_token", "error.invalid_token",
            "error.no_auth_found", "error.method_not_found", "error.query_limit_exceeded", "error.workgroup_empty",
            "error.batch_length_exceeded", "error.placement_argument" })
    void errorEnvelopeRaisesTypedError(String name) throws IOException {
        Map<String, Integer> statuses = Map.of("error.scrum", 400, "error.scrum-binding", 400, "error.expired_token", 401,
                "error.invalid_token", 401, "error.no_auth_found", 401, "error.method_not_found", 404,
                "error.query_limit_exceeded", 503, "error.workgroup_empty", 400, "error.batch_length_exceeded", 400,
                "error.placement_argument", 200);
        String body = fixture(name + ".response.json");
        JsonNode expected = JSON.readTree(body);

        assertThatThrownBy(() -> Envelopes.parse(JSON, "some.method", statuses.get(name), body))
                .isInstanceOfSatisfying(BitrixApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(expected.get("error").asText());
                    assertThat(e.description()).isEqualTo(expected.path("error_description").asText());
                    assertThat(e.httpStatus()).isEqualTo(statuses.get(name));
                });
    }

    @Test
    void expiredTokenAndLimitRecognised() throws IOException {
        BitrixApiException expired = parseError("error.expired_token", 401);
        BitrixApiException limit = parseError("error.query_limit_exceeded", 503);

        assertThat(expired.isExpiredToken()).isTrue();
        assertThat(limit.isQueryLimit()).isTrue();
    }

    @Test
    void scrumErrorCodeIsNumberAsText() throws IOException {
        assertThat(parseError("error.scrum", 400).code()).isEqualTo("0");
        assertThat(parseError("error.scrum-binding", 400).code()).isEqualTo("100");
    }

    @Test
    void htmlBodyIsTransportError() {
        assertThatThrownBy(() -> Envelopes.parse(JSON, "batch", 502, "<html>Bad gateway</html>"))
                .isInstanceOf(BitrixTransportException.class).hasMessageContaining("HTTP 502");
    }

    @Test
    void refreshResponseParsed() throws IOException {
        TokenGrant grant = OAuthClient.parse(JSON, 200, fixture("oauth.token.refresh.response.json"));

        assertThat(grant.accessToken()).isNotBlank();
        assertThat(grant.refreshToken()).isNotBlank();
        assertThat(grant.memberId()).isEqualTo("a223c6b3710f85df22e9377d6c4f7553");
        assertThat(grant.clientEndpoint()).isEqualTo("https://acme.bitrix24.com/rest/");
        assertThat(grant.expiresAt().getEpochSecond()).isEqualTo(JSON.readTree(fixture("oauth.token.refresh.response.json"))
                .get("expires").asLong());
        assertThat(grant.toString()).doesNotContain(grant.accessToken()).doesNotContain(grant.refreshToken());
    }

    @Test
    void refreshErrorsSayWhy() {
        assertThatThrownBy(() -> OAuthClient.parse(JSON, 400, fixture("error.invalid_grant.response.json")))
                .isInstanceOfSatisfying(OAuthException.class,
                        e -> assertThat(e.reason()).isEqualTo(OAuthException.Reason.TOKEN_REVOKED));
        assertThatThrownBy(() -> OAuthClient.parse(JSON, 401, fixture("error.invalid_client.response.json")))
                .isInstanceOfSatisfying(OAuthException.class,
                        e -> assertThat(e.reason()).isEqualTo(OAuthException.Reason.APP_NOT_INSTALLED));
        assertThatThrownBy(() -> OAuthClient.parse(JSON, 200, "{\"error\":\"wrong_client\",\"error_description\":\"x\"}"))
                .isInstanceOfSatisfying(OAuthException.class,
                        e -> assertThat(e.reason()).isEqualTo(OAuthException.Reason.APP_NOT_INSTALLED));
    }

    @Test
    void eventFormsParsed() throws IOException {
        JsonNode install = BracketParams.parseToJson(fixture("event.ONAPPINSTALL.form").trim());
        JsonNode uninstall = BracketParams.parseToJson(fixture("event.ONAPPUNINSTALL.form").trim());

        assertThat(install.path("event").asText()).isEqualTo("ONAPPINSTALL");
        assertThat(install.path("auth").path("member_id").asText()).isEqualTo("a223c6b3710f85df22e9377d6c4f7553");
        assertThat(install.path("auth").path("refresh_token").asText()).isNotBlank();
        assertThat(install.path("auth").path("client_endpoint").asText()).isEqualTo("https://acme.bitrix24.com/rest/");
        assertThat(uninstall.path("data").path("CLEAN").asText()).isEqualTo("1");
        assertThat(uninstall.path("auth").path("application_token").asText()).isEqualTo("51856fefc120afa4b628cc82d3935cce");
    }

    private BitrixApiException parseError(String name, int status) throws IOException {
        try {
            Envelopes.parse(JSON, "some.method", status, fixture(name + ".response.json"));
        } catch (BitrixApiException e) {
            return e;
        }
        throw new AssertionError(name + " parsed as a success");
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = ClientFixturesTest.class.getResourceAsStream("/fixtures/bitrix24/" + name)) {
            if (in == null) {
                throw new AssertionError("Missing fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
