package org.b24backlog.bitrix;

/**
 * Receives one record per HTTP request the client sent to a portal, for the REST call journal that the Bitrix24
 * Market requires. Records carry no tokens and no request or response bodies.
 */
public interface RestCallListener {

    /**
     * One HTTP request to a portal.
     *
     * @param userId the user whose token chain made the call, or {@code null} for a token not yet verified
     * @param httpStatus the HTTP status, or 0 when no response arrived
     * @param errorCode the Bitrix24 {@code error} value, a transport failure such as {@code timeout}, or {@code null}
     * @param requestId the id the client sent as {@code X-Request-Id} and wrote to its log
     */
    record RestCall(String memberId, String userId, String method, long durationMillis, int httpStatus, String errorCode,
            String requestId) {
    }

    void completed(RestCall call);
}
