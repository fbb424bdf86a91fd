package org.b24backlog.bitrix;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.b24backlog.config.BitrixConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;

/**
 * Talks to the configured OAuth server, the only place the client secret is ever sent. A server named by a request
 * or an event ({@code SERVER_ENDPOINT}, {@code auth[server_endpoint]}) is never used.
 */
@ApplicationScoped
public class OAuthClient {

    private final BitrixConfig config;
    private final HttpClient http;
    private final ObjectMapper json;

    public OAuthClient(BitrixConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Exchanges a refresh token for a new pair. Refresh tokens are single use, so the caller must store the new
     * pair before anything else uses the old one.
     */
    public TokenGrant refresh(String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("client_id", config.clientId());
        form.put("client_secret", config.clientSecret());
        form.put("refresh_token", refreshToken);
        // The secret travels in a POST body, not in the URL, so that it stays out of access logs.
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(tokenUri())
                .timeout(config.requestTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();

        HttpResponse<String> response;
        long started = System.nanoTime();
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new OAuthException("the OAuth server " + config.oauthServer() + " could not be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OAuthException("interrupted while waiting for the OAuth server", e);
        }
        Log.debugf("OAuth refresh responded with HTTP %d in %d ms", response.statusCode(), (System.nanoTime() - started) / 1_000_000);
        return parse(json, response.statusCode(), response.body());
    }

    static TokenGrant parse(ObjectMapper json, int status, String body) {
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (IOException e) {
            throw new OAuthException(OAuthException.Reason.OTHER, "invalid_response",
                    "HTTP " + status + " with a body that is not JSON");
        }
        // wrong_client arrives with HTTP 200, so the body decides, not the status.
        if (node == null || node.hasNonNull("error") || !node.hasNonNull("access_token")) {
            String code = node == null ? "empty" : node.path("error").asText("missing_access_token");
            String description = node == null ? "empty body" : node.path("error_description").asText("HTTP " + status);
            throw new OAuthException(OAuthException.reasonOf(code), code, description);
        }
        Instant expiresAt = node.hasNonNull("expires")
                ? Instant.ofEpochSecond(node.get("expires").asLong())
                : Instant.now().plusSeconds(node.path("expires_in").asLong(3600));
        return new TokenGrant(node.get("access_token").asText(), node.path("refresh_token").asText(null), expiresAt,
                node.path("member_id").asText(null), node.path("client_endpoint").asText(null),
                node.hasNonNull("user_id") ? node.get("user_id").asText() : null, node.path("scope").asText(""),
                node.path("status").asText(""));
    }

    private URI tokenUri() {
        String base = config.oauthServer().endsWith("/") ? config.oauthServer().substring(0, config.oauthServer().length() - 1)
                : config.oauthServer();
        return URI.create(base + "/oauth/token/");
    }
}
