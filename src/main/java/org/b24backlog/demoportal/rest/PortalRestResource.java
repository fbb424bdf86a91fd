package org.b24backlog.demoportal.rest;

import java.util.List;

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

import org.b24backlog.demoportal.JournalEntry;
import org.b24backlog.demoportal.PortalJournal;
import org.b24backlog.demoportal.PortalUrls;
import org.b24backlog.demoportal.faults.AppliedFault;
import org.b24backlog.demoportal.faults.FaultDecision;
import org.b24backlog.demoportal.faults.FaultPlan;
import org.b24backlog.demoportal.oauth.TokenStore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.logging.Log;

/**
 * The portal's REST API, {@code /rest/{method}} and {@code /rest/{method}.json}, for GET and POST. It checks the
 * {@code Host}, applies the leaky bucket and the faults tests planned, dispatches the call and writes the Bitrix24
 * envelope. Faults fire after the leaky bucket, so a faulted request still counts as one request.
 */
@Path("/rest")
@IfBuildProfile(anyOf = { "dev", "test" })
public class PortalRestResource {

    @Inject
    PortalUrls urls;

    @Inject
    RestDispatcher dispatcher;

    @Inject
    LeakyBucket bucket;

    @Inject
    PortalJournal journal;

    @Inject
    TokenStore tokens;

    @Inject
    FaultPlan faults;

    @Inject
    FaultResponses faultResponses;

    @Inject
    ObjectMapper mapper;

    @GET
    @Path("{method}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@PathParam("method") String method, @Context UriInfo uri, @Context HttpHeaders headers) {
        return handle("GET", method, uri, headers, null);
    }

    @POST
    @Path("{method}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response post(@PathParam("method") String method, @Context UriInfo uri, @Context HttpHeaders headers,
            String body) {
        return handle("POST", method, uri, headers, body);
    }

    private Response handle(String httpMethod, String rawMethod, UriInfo uri, HttpHeaders headers, String body) {
        String method = rawMethod.endsWith(".json") ? rawMethod.substring(0, rawMethod.length() - 5) : rawMethod;
        // HTTP/2 clients (Java's HttpClient upgrades plain HTTP to h2c) send :authority instead of a Host header.
        String host = headers.getHeaderString(HttpHeaders.HOST) != null ? headers.getHeaderString(HttpHeaders.HOST)
                : uri.getRequestUri().getAuthority();
        if (!urls.isRestHost(host)) {
            Log.infof("Demo portal rejected REST call %s for host %s", method, host);
            String served = urls.isRenamed() ? urls.domain() + " and " + urls.renamedDomain() : urls.domain();
            RestException error = RestException.of(404, "PORTAL_NOT_FOUND", "No Bitrix24 portal at host " + host
                    + ": the demo portal answers only at " + served + ".");
            return reject(httpMethod, method, RequestParams.emptyObject(), error);
        }

        ObjectNode params;
        try {
            params = RequestParams.parse(mapper, uri.getRequestUri().getRawQuery(),
                    headers.getHeaderString(HttpHeaders.CONTENT_TYPE), body);
        } catch (RestException e) {
            return reject(httpMethod, method, RequestParams.emptyObject(), e);
        } catch (IllegalArgumentException e) {
            return reject(httpMethod, method, RequestParams.emptyObject(),
                    RestException.of(400, "INVALID_REQUEST", "The request is not valid form data: " + e.getMessage()));
        }
        String accessToken = RequestParams.takeAccessToken(params);

        if (!bucket.tryAcquire()) {
            RestException error = RestException.of(503, "QUERY_LIMIT_EXCEEDED", "Too many requests");
            journal.add(new JournalEntry("portal", method, httpMethod, params, tokens.check(accessToken).userId(),
                    error.httpStatus(), error.errorCode(), List.of()));
            return json(error.httpStatus(), error.toBody());
        }

        PortalRequest request = new PortalRequest(httpMethod, method, rawMethod, uri.getRequestUri().getRawQuery(),
                params, accessToken);
        FaultDecision decision = faults.decideRest(method, urls.isRenamedHost(host));
        decision.sleepLatency();
        if (decision.hasOutcome()) {
            return faultResponses.respond(request, decision, applied -> run(request, applied));
        }
        return run(request, decision.applied());
    }

    private Response run(PortalRequest request, List<AppliedFault> applied) {
        String method = request.method();
        DispatchOutcome outcome = dispatcher.dispatch(method, request.params(), request.accessToken(), false);
        journal.add(new JournalEntry("portal", method, request.httpMethod(), request.params(), outcome.userId(),
                outcome.httpStatus(), outcome.errorCode(), outcome.subCommands(), applied));
        if (!outcome.succeeded()) {
            return json(outcome.httpStatus(), outcome.error().toBody());
        }
        return json(200, successBody(outcome));
    }

    private ObjectNode successBody(DispatchOutcome outcome) {
        ObjectNode body = mapper.createObjectNode();
        body.set("result", outcome.result().result());
        if (outcome.result().total() != null) {
            body.put("total", outcome.result().total());
        }
        if (outcome.result().next() != null) {
            body.put("next", outcome.result().next());
        }
        body.set("time", TimeBlock.of(outcome.start(), outcome.finish(), outcome.usage()));
        return body;
    }

    private Response reject(String httpMethod, String method, ObjectNode params, RestException error) {
        journal.add(new JournalEntry("portal", method, httpMethod, params, null, error.httpStatus(),
                error.errorCode(), List.of()));
        return json(error.httpStatus(), error.toBody());
    }

    private Response json(int status, ObjectNode body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
