package org.b24backlog.demoportal.faults;

import java.time.Duration;

import org.b24backlog.demoportal.rest.RestException;

/**
 * Faults of the OAuth server's token endpoint {@code oauth/token/}. A failing request does not use up the refresh
 * token it carried, so the app can try again with it once the fault is spent.
 */
public final class OAuthFaults extends FaultBuilder<OAuthFaults> {

    OAuthFaults(FaultPlan plan) {
        super(plan, FaultRule.Scope.OAUTH_TOKEN, FaultPlan.TOKEN_ENDPOINT);
    }

    /** Sleeps this long before the token request is handled. */
    public FaultRule latency(Duration delay) {
        return add(FaultKind.LATENCY, requirePositive(delay), null, null, 0);
    }

    /** Responds with {@code {"error": code, "error_description": description}} with the given HTTP status. */
    public FaultRule error(int httpStatus, String code, String description) {
        return add(FaultKind.ERROR, null, null, RestException.of(httpStatus, code, description), 0);
    }

    /** HTTP 400 {@code invalid_grant}: the refresh token is expired, used or unknown. */
    public FaultRule invalidGrant() {
        return error(400, "invalid_grant", "Invalid refresh token");
    }

    /**
     * {@code PAYMENT_REQUIRED}: the app's paid or trial period is over.
     * NOTE: the status 401 is a guess; the sources read list the code but not the status the OAuth server sends.
     */
    public FaultRule paymentRequired() {
        return error(401, "PAYMENT_REQUIRED", "The application's subscription has expired");
    }

    /** {@code wrong_client} with HTTP 200, as the Python SDK reports it arrives when the app was deleted. */
    public FaultRule wrongClient() {
        return error(200, "wrong_client", "The application was removed from the portal");
    }

    /** Responds with a 5xx status with an HTML page, as a proxy in front of the OAuth server does. */
    public FaultRule htmlError(int httpStatus) {
        return add(FaultKind.HTML_ERROR, null, null, null, requireServerError(httpStatus));
    }
}
