package org.b24backlog.demoportal.rest;

import java.net.URI;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.b24backlog.demoportal.JournalEntry;
import org.b24backlog.demoportal.PortalJournal;
import org.b24backlog.demoportal.PortalUrls;
import org.b24backlog.demoportal.faults.AppliedFault;
import org.b24backlog.demoportal.faults.FaultDecision;
import org.b24backlog.demoportal.faults.FaultPlan;
import org.b24backlog.demoportal.faults.FaultRule;
import org.b24backlog.demoportal.faults.ProxyErrorPage;
import org.b24backlog.demoportal.faults.SlowEffect;
import org.b24backlog.demoportal.oauth.TokenStore;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.logging.Log;

/** Builds the response for the fault the plan chose for a REST request, and records it in the journal. */
@ApplicationScoped
@IfBuildProfile(anyOf = { "dev", "test" })
public class FaultResponses {

    @Inject
    PortalJournal journal;

    @Inject
    TokenStore tokens;

    @Inject
    PortalUrls urls;

    /**
     * Responds to {@code request} as the decision's outcome requires. {@code normal} runs the request as usual, adds
     * its journal entry with the given faults and builds the response. Slow responses call it before or after their
     * sleep.
     */
    Response respond(PortalRequest request, FaultDecision decision,
            Function<List<AppliedFault>, Response> normal) {
        FaultRule fault = decision.outcome();
        List<AppliedFault> applied = decision.applied();
        Log.debugf("Demo portal injected %s into REST call %s", fault.kind(), request.method());
        switch (fault.kind()) {
            case ERROR -> {
                return reject(request, fault.error(), applied);
            }
            case EXPIRED_TOKEN -> {
                tokens.expire(request.accessToken());
                return reject(request, RestException.of(401, "expired_token", "The access token provided has expired."),
                        applied);
            }
            case RENAME -> {
                urls.markRenamed();
                record(request, 302, null, applied);
                return Response.status(302).location(renamedLocation(request)).build();
            }
            case HTML_ERROR -> {
                record(request, fault.httpStatus(), null, applied);
                return Response.status(fault.httpStatus()).type(MediaType.TEXT_HTML_TYPE)
                        .entity(ProxyErrorPage.html(fault.httpStatus())).build();
            }
            case SLOW_RESPONSE -> {
                return slow(fault, applied, normal);
            }
            default -> throw new IllegalStateException("Fault " + fault + " cannot decide a REST response.");
        }
    }

    private Response slow(FaultRule fault, List<AppliedFault> applied, Function<List<AppliedFault>, Response> normal) {
        if (fault.effect() == SlowEffect.BEFORE_SLEEP) {
            Response response = normal.apply(applied);
            FaultPlan.sleep(fault);
            return response;
        }
        FaultPlan.sleep(fault);
        return normal.apply(applied);
    }

    /** Builds the request's URL on the renamed domain with the same path and query, as a renamed portal redirects. */
    private URI renamedLocation(PortalRequest request) {
        String query = request.rawQuery() == null ? "" : "?" + request.rawQuery();
        return URI.create("http://" + urls.renamedDomain() + "/rest/" + request.rawMethod() + query);
    }

    private Response reject(PortalRequest request, RestException error, List<AppliedFault> applied) {
        record(request, error.httpStatus(), error.errorCode(), applied);
        return Response.status(error.httpStatus()).type(MediaType.APPLICATION_JSON).entity(error.toBody()).build();
    }

    private void record(PortalRequest request, int status, String error, List<AppliedFault> applied) {
        Integer userId = tokens.check(request.accessToken()).userId();
        journal.add(new JournalEntry("portal", request.method(), request.httpMethod(), request.params(), userId,
                status, error, List.of(), applied));
    }
}
