package org.b24backlog.demoportal.faults;

import java.time.Duration;

import org.b24backlog.demoportal.rest.RestException;

/**
 * Faults of top-level REST requests for one method name, or for every method with {@code "*"}. They act on the HTTP
 * exchange, so a fault on {@code tasks.task.add} does not touch a {@code tasks.task.add} command inside a batch: use
 * {@link FaultPlan#batchCommand(String)} for that.
 */
public final class MethodFaults extends FaultBuilder<MethodFaults> {

    MethodFaults(FaultPlan plan, String method) {
        super(plan, FaultRule.Scope.REST, method);
    }

    /**
     * Sleeps this long before the call runs, as a slow network would, so the time is not part of the call's
     * {@code time} block or operating time. Latencies of several matching faults add up.
     */
    public FaultRule latency(Duration delay) {
        return add(FaultKind.LATENCY, requirePositive(delay), null, null, 0);
    }

    /** Responds with a Bitrix24 error envelope {@code {"error": code, "error_description": description}}. */
    public FaultRule error(int httpStatus, String code, String description) {
        return add(FaultKind.ERROR, null, null, RestException.of(httpStatus, code, description), 0);
    }

    /** Responds with HTTP 500 {@code INTERNAL_SERVER_ERROR}, the portal's own error envelope. */
    public FaultRule internalError() {
        return error(500, "INTERNAL_SERVER_ERROR", "Internal server error");
    }

    /** Responds with a 5xx status with an HTML page, as a proxy in front of the portal does. */
    public FaultRule htmlError(int httpStatus) {
        return add(FaultKind.HTML_ERROR, null, null, null, requireServerError(httpStatus));
    }

    /**
     * Responds with HTTP 401 {@code expired_token} and expires the access token the call carried, so later calls with it
     * fail the same way until the app refreshes. The refresh token keeps working.
     */
    public FaultRule expireToken() {
        return add(FaultKind.EXPIRED_TOKEN, null, null, null, 0);
    }

    /**
     * Responds with HTTP 302 and {@code Location} on the renamed domain ({@code demo-portal.renamed-domain}) and from then
     * on accepts REST calls there. Calls that already arrive on the renamed domain are not redirected.
     */
    public FaultRule rename() {
        return add(FaultKind.RENAME, null, null, null, 0);
    }

    /**
     * Delays the response by {@code sleep}, to outlast a client's timeout. {@code effect} chooses whether the method
     * changes data before the sleep or after it.
     */
    public FaultRule slowResponse(Duration sleep, SlowEffect effect) {
        if (effect == null) {
            throw new IllegalArgumentException("A slow response needs a SlowEffect: BEFORE_SLEEP or AFTER_SLEEP.");
        }
        return add(FaultKind.SLOW_RESPONSE, requirePositive(sleep), effect, null, 0);
    }
}
