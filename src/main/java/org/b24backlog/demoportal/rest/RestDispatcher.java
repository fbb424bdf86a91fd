package org.b24backlog.demoportal.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.b24backlog.demoportal.DemoPortalConfig;
import org.b24backlog.demoportal.JournalEntry;
import org.b24backlog.demoportal.data.PortalStore;
import org.b24backlog.demoportal.faults.FaultPlan;
import org.b24backlog.demoportal.oauth.TokenCheck;
import org.b24backlog.demoportal.oauth.TokenStore;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.logging.Log;

/**
 * Runs one REST method for an access token: looks the method up, checks the token, the app's scopes and the batch
 * rules, and calls the implementation. Direct calls and batch sub-commands both go through {@link #dispatch}, so they
 * get the same checks and the same errors, and each call adds its time to its own method's operating time. The
 * {@code batch} request itself is not counted and never rejected for operating time, because Bitrix24 counts only
 * its sub-commands, each against its own method.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = { "dev", "test" })
public class RestDispatcher {

    /** Scope every app has without asking, covering {@code batch}, {@code app.info} and {@code event.*}. */
    public static final String BASIC_SCOPE = "basic";

    @Inject
    MethodRegistry registry;

    @Inject
    TokenStore tokens;

    @Inject
    PortalStore store;

    @Inject
    DemoPortalConfig config;

    @Inject
    OperatingTime operatingTime;

    public DispatchOutcome dispatch(String method, ObjectNode params, String accessToken, boolean inBatch) {
        return dispatch(method, params, accessToken, inBatch, Duration.ZERO);
    }

    /**
     * Runs the method as {@link #dispatch(String, ObjectNode, String, boolean)} does, but makes it take
     * {@code extraTime} longer once the checks passed. The extra time counts as execution time, so it is part of
     * the call's duration and of its method's operating time, as the time of a slow method is on a real portal.
     */
    public DispatchOutcome dispatch(String method, ObjectNode params, String accessToken, boolean inBatch,
            Duration extraTime) {
        Instant start = Instant.now();
        List<JournalEntry> subCommands = new ArrayList<>();
        TokenCheck token = tokens.check(accessToken);
        try {
            MethodRegistry.Registration registration = registry.find(method)
                    .orElseThrow(() -> RestException.of(404, "ERROR_METHOD_NOT_FOUND", "Method not found!"));
            checkToken(token);
            checkScope(registration);
            if (inBatch && isBatch(registration)) {
                throw RestException.of(405, "ERROR_BATCH_METHOD_NOT_ALLOWED", "Method is not allowed for batch usage");
            }
            checkOperatingTime(registration, start);
            int userId = token.userId();
            RestCall call = new RestCall(registration.name(), params, userId, store.isAdmin(userId), accessToken,
                    inBatch, subCommands);
            FaultPlan.sleep(extraTime);
            MethodResult result = registration.handler().handle(call);
            Instant finish = Instant.now();
            return new DispatchOutcome(result, null, userId, start, finish, subCommands,
                    recordTime(registration, start, finish));
        } catch (RestException e) {
            Log.debugf("Demo portal method %s failed for user %s: %s %s", method, token.userId(), e.errorCode(),
                    e.getMessage());
            return new DispatchOutcome(null, e, token.userId(), start, Instant.now(), subCommands, null);
        } catch (RuntimeException e) {
            Log.errorf(e, "Demo portal method %s failed unexpectedly for user %s", method, token.userId());
            RestException error = RestException.of(500, "INTERNAL_SERVER_ERROR", "Internal server error");
            return new DispatchOutcome(null, error, token.userId(), start, Instant.now(), subCommands, null);
        }
    }

    /**
     * Rejects a call whose method used up its operating-time budget.
     * NOTE: the description is this portal's wording; the sources read give only the code and the status.
     */
    private void checkOperatingTime(MethodRegistry.Registration registration, Instant start) {
        if (isBatch(registration)) {
            return;
        }
        if (operatingTime.isExhausted(registration.name(), start.getEpochSecond())) {
            throw RestException.of(429, "OPERATION_TIME_LIMIT", "Method is blocked due to operation time limit.");
        }
    }

    private OperatingTime.Usage recordTime(MethodRegistry.Registration registration, Instant start, Instant finish) {
        if (isBatch(registration)) {
            // NOTE: the sources read do not say what a real portal reports as time.operating of a batch. This one
            // reports the batch's own usage, which stays zero.
            return operatingTime.usage(registration.name(), finish.getEpochSecond());
        }
        return operatingTime.record(registration.name(), finish.getEpochSecond(), TimeBlock.seconds(start, finish));
    }

    private static boolean isBatch(MethodRegistry.Registration registration) {
        return registration.name().equals("batch");
    }

    private void checkToken(TokenCheck token) {
        switch (token.status()) {
            case MISSING -> throw RestException.of(401, "NO_AUTH_FOUND", "Wrong authorization data");
            case UNKNOWN -> throw RestException.of(401, "invalid_token", "Unable to get application by token");
            case EXPIRED -> throw RestException.of(401, "expired_token", "The access token provided has expired.");
            case VALID -> {
            }
        }
    }

    private void checkScope(MethodRegistry.Registration registration) {
        String scope = registration.scope();
        if (scope.equals(BASIC_SCOPE) || grantedScopes().contains(scope)) {
            return;
        }
        throw RestException.of(403, "insufficient_scope",
                "The request requires higher privileges than provided by the access token");
    }

    private List<String> grantedScopes() {
        return Arrays.asList(config.app().scope().trim().split("[,\\s]+"));
    }
}
