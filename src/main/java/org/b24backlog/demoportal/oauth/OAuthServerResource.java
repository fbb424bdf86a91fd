package org.b24backlog.demoportal.oauth;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.b24backlog.demoportal.DemoPortalConfig;
import org.b24backlog.demoportal.JournalEntry;
import org.b24backlog.demoportal.PortalJournal;
import org.b24backlog.demoportal.PortalUrls;
import org.b24backlog.demoportal.faults.FaultDecision;
import org.b24backlog.demoportal.faults.FaultKind;
import org.b24backlog.demoportal.faults.FaultPlan;
import org.b24backlog.demoportal.faults.ProxyErrorPage;
import org.b24backlog.demoportal.install.AppInstallation;
import org.b24backlog.demoportal.rest.OperatingTime;
import org.b24backlog.demoportal.rest.RequestParams;
import org.b24backlog.demoportal.rest.RestException;
import org.b24backlog.demoportal.rest.TimeBlock;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.logging.Log;

/**
 * The demo OAuth server: {@code oauth/token/} with {@code grant_type=refresh_token}, and {@code rest/app.info} for
 * checking an access token the way an app checks an {@code ONAPPINSTALL} token. Parameters may come in the query
 * string or a form body. Token-endpoint faults of the fault plan fire before the refresh token is checked, so a
 * faulted request leaves the refresh token unused.
 */
@Path(PortalUrls.OAUTH_PATH)
@IfBuildProfile(anyOf = { "dev", "test" })
public class OAuthServerResource {

    @Inject
    DemoPortalConfig config;

    @Inject
    PortalUrls urls;

    @Inject
    TokenStore tokens;

    @Inject
    AppInstallation installation;

    @Inject
    PortalJournal journal;

    @Inject
    OperatingTime operatingTime;

    @Inject
    FaultPlan faults;

    @Inject
    ObjectMapper mapper;

    @GET
    @Path("oauth/token{slash:/?}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response tokenByGet(@Context UriInfo uri, @Context HttpHeaders headers) {
        return token("GET", uri, headers, null);
    }

    @POST
    @Path("oauth/token{slash:/?}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response tokenByPost(@Context UriInfo uri, @Context HttpHeaders headers, String body) {
        return token("POST", uri, headers, body);
    }

    @GET
    @Path("rest/{method}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response restByGet(@PathParam("method") String method, @Context UriInfo uri, @Context HttpHeaders headers) {
        return appInfo("GET", method, uri, headers, null);
    }

    @POST
    @Path("rest/{method}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response restByPost(@PathParam("method") String method, @Context UriInfo uri, @Context HttpHeaders headers,
            String body) {
        return appInfo("POST", method, uri, headers, body);
    }

    private Response token(String httpMethod, UriInfo uri, HttpHeaders headers, String body) {
        ObjectNode params = RequestParams.parse(mapper, uri.getRequestUri().getRawQuery(),
                headers.getHeaderString(HttpHeaders.CONTENT_TYPE), body);
        ObjectNode logged = params.deepCopy();
        logged.remove(List.of("client_secret", "refresh_token"));
        FaultDecision decision = faults.decideTokenRequest();
        decision.sleepLatency();
        if (decision.hasOutcome()) {
            return injectedTokenResponse(httpMethod, logged, decision);
        }
        try {
            TokenPair pair = exchange(params);
            journal.add(new JournalEntry("oauth", FaultPlan.TOKEN_ENDPOINT, httpMethod, logged, pair.userId(), 200,
                    null, List.of(), decision.applied()));
            return json(200, tokenResponse(pair));
        } catch (RestException e) {
            Log.infof("Demo OAuth server rejected a token request: %s %s", e.errorCode(), e.getMessage());
            journal.add(new JournalEntry("oauth", FaultPlan.TOKEN_ENDPOINT, httpMethod, logged, null, e.httpStatus(),
                    e.errorCode(), List.of(), decision.applied()));
            return json(e.httpStatus(), e.toBody());
        }
    }

    private Response injectedTokenResponse(String httpMethod, ObjectNode logged, FaultDecision decision) {
        Log.debugf("Demo OAuth server injected %s into a token request", decision.outcome().kind());
        if (decision.outcome().kind() == FaultKind.HTML_ERROR) {
            int status = decision.outcome().httpStatus();
            journal.add(new JournalEntry("oauth", FaultPlan.TOKEN_ENDPOINT, httpMethod, logged, null, status, null,
                    List.of(), decision.applied()));
            return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(ProxyErrorPage.html(status)).build();
        }
        RestException error = decision.outcome().error();
        journal.add(new JournalEntry("oauth", FaultPlan.TOKEN_ENDPOINT, httpMethod, logged, null, error.httpStatus(),
                error.errorCode(), List.of(), decision.applied()));
        return json(error.httpStatus(), error.toBody());
    }

    private TokenPair exchange(ObjectNode params) {
        String grantType = params.path("grant_type").asText("");
        if (!grantType.equals("refresh_token")) {
            throw RestException.of(400, "invalid_request",
                    "Unsupported grant_type \"" + grantType + "\": the demo OAuth server accepts only refresh_token.");
        }
        if (!sameSecret(params.path("client_id").asText(""), config.clientId())
                || !sameSecret(params.path("client_secret").asText(""), config.clientSecret())) {
            throw RestException.of(401, "invalid_client", "Invalid client credentials");
        }
        String refreshToken = params.path("refresh_token").asText("");
        if (refreshToken.isEmpty()) {
            throw RestException.of(400, "invalid_request", "No \"refresh_token\" parameter found");
        }
        Optional<TokenPair> pair = tokens.refresh(refreshToken);
        return pair.orElseThrow(() -> RestException.of(400, "invalid_grant", "Invalid refresh token"));
    }

    private ObjectNode tokenResponse(TokenPair pair) {
        ObjectNode body = mapper.createObjectNode();
        body.put("access_token", pair.accessToken());
        body.put("expires", pair.accessExpiresAt().getEpochSecond());
        body.put("expires_in", pair.expiresIn());
        body.put("scope", config.app().scope());
        body.put("domain", urls.oauthDomain());
        body.put("server_endpoint", urls.serverEndpoint());
        body.put("status", config.app().status());
        body.put("client_endpoint", urls.clientEndpoint());
        body.put("member_id", installation.memberId());
        body.put("user_id", pair.userId());
        body.put("refresh_token", pair.refreshToken());
        return body;
    }

    private Response appInfo(String httpMethod, String rawMethod, UriInfo uri, HttpHeaders headers, String body) {
        Instant start = Instant.now();
        String method = rawMethod.endsWith(".json") ? rawMethod.substring(0, rawMethod.length() - 5) : rawMethod;
        ObjectNode params = RequestParams.parse(mapper, uri.getRequestUri().getRawQuery(),
                headers.getHeaderString(HttpHeaders.CONTENT_TYPE), body);
        String accessToken = RequestParams.takeAccessToken(params);
        TokenCheck check = tokens.check(accessToken);
        RestException error = null;
        if (!method.equalsIgnoreCase("app.info")) {
            error = RestException.of(404, "ERROR_METHOD_NOT_FOUND", "Method not found!");
        } else if (check.status() == TokenCheck.Status.MISSING) {
            error = RestException.of(401, "NO_AUTH_FOUND", "Wrong authorization data");
        } else if (check.status() == TokenCheck.Status.UNKNOWN) {
            error = RestException.of(401, "invalid_token", "Unable to get application by token");
        } else if (check.status() == TokenCheck.Status.EXPIRED) {
            error = RestException.of(401, "expired_token", "The access token provided has expired.");
        }
        if (error != null) {
            journal.add(new JournalEntry("oauth", method, httpMethod, params, check.userId(), error.httpStatus(),
                    error.errorCode(), List.of()));
            return json(error.httpStatus(), error.toBody());
        }

        journal.add(new JournalEntry("oauth", method, httpMethod, params, check.userId(), 200, null, List.of()));
        ObjectNode response = mapper.createObjectNode();
        response.set("result", oauthAppInfo(check.userId()));
        Instant finish = Instant.now();
        response.set("time", TimeBlock.of(start, finish,
                operatingTime.record("oauth:app.info", finish.getEpochSecond(), TimeBlock.seconds(start, finish))));
        return json(200, response);
    }

    /**
     * The OAuth server's view of the token: the app, the scope and the installation it belongs to.
     * NOTE: this shape is this portal's choice; no source read for it shows the real OAuth server's answer.
     */
    private ObjectNode oauthAppInfo(int userId) {
        ObjectNode result = mapper.createObjectNode();
        result.put("scope", config.app().scope());
        result.put("client_id", config.clientId());
        ObjectNode install = result.putObject("install");
        install.put("installed", installation.isFinished());
        install.put("version", config.app().version());
        install.put("status", config.app().status());
        install.put("domain", urls.domain());
        install.put("member_id", installation.memberId());
        result.put("user_id", userId);
        return result;
    }

    private static boolean sameSecret(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private Response json(int status, ObjectNode body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
