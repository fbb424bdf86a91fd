package org.b24backlog.bitrix;

import java.time.Duration;

/**
 * An error envelope from a portal. {@link #code()} is the {@code error} value as text: string codes such
 * as {@code expired_token}, or the numbers ({@code 0}, {@code 100}) that the Scrum methods send.
 */
public class BitrixApiException extends BitrixException {

    private final String method;
    private final int httpStatus;
    private final String code;
    private final String description;

    public BitrixApiException(String method, int httpStatus, String code, String description) {
        this(method + " failed with HTTP " + httpStatus + ", error " + code + ": " + description, method, httpStatus, code,
                description);
    }

    private BitrixApiException(String message, String method, int httpStatus, String code, String description) {
        super(message);
        this.method = method;
        this.httpStatus = httpStatus;
        this.code = code;
        this.description = description;
    }

    /**
     * Creates the error of a call that the client did not send because the portal already rejected its method with
     * OPERATION_TIME_LIMIT and may go on rejecting it for {@code wait}. It carries HTTP 429 and that code, so callers
     * handle it as the portal's own rejection.
     */
    static BitrixApiException operatingLimitNotSent(String method, String memberId, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        String description = "not sent, because the portal rejected the method for its execution-time limit and its "
                + "budget may free up in " + seconds + " s at the earliest";
        return new BitrixApiException("Call " + method + " to portal " + memberId + " was not sent: the portal rejected "
                + "the method with OPERATION_TIME_LIMIT, and its execution-time budget may free up in " + seconds
                + " s at the earliest. Try again after that.", method, 429, "OPERATION_TIME_LIMIT", description);
    }

    public String method() {
        return method;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String code() {
        return code;
    }

    public String description() {
        return description;
    }

    public boolean isExpiredToken() {
        return "expired_token".equals(code);
    }

    /**
     * Returns whether a refresh may fix the error: the token expired, or it was replaced by a refresh that a concurrent
     * request made, after which the portal rejects the old token as {@code invalid_token}.
     */
    public boolean isRefreshable() {
        return httpStatus == 401 && ("expired_token".equals(code) || "invalid_token".equals(code));
    }

    public boolean isOperationTimeLimit() {
        return "OPERATION_TIME_LIMIT".equals(code);
    }

    public boolean isQueryLimit() {
        return "QUERY_LIMIT_EXCEEDED".equals(code);
    }

    /** Returns whether the portal rejected the token for a reason that a new frame POST from the portal can fix. */
    public boolean isAuthFailure() {
        return httpStatus == 401 || "invalid_token".equals(code) || "NO_AUTH_FOUND".equals(code);
    }
}
