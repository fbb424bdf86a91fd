package org.b24backlog.bitrix;

/** The OAuth server refused to refresh a token; {@link #reason()} tells the user what to do next. */
public class OAuthException extends BitrixException {

    public enum Reason {
        /** The refresh token expired, was already used, or is unknown: the user must reopen the app. */
        TOKEN_REVOKED,
        /** The app's credentials are wrong or the app was removed from the portal. */
        APP_NOT_INSTALLED,
        /** The paid or trial period of the app on that portal is over. */
        PAYMENT_REQUIRED,
        /** The portal no longer exists. */
        PORTAL_DELETED,
        /** Anything else, including a server that could not be reached. */
        OTHER
    }

    private final Reason reason;
    private final String code;

    public OAuthException(Reason reason, String code, String description) {
        super("Token refresh failed (" + code + "): " + description);
        this.reason = reason;
        this.code = code;
    }

    public OAuthException(String description, Throwable cause) {
        super("Token refresh failed: " + description, cause);
        this.reason = Reason.OTHER;
        this.code = "transport";
    }

    public Reason reason() {
        return reason;
    }

    public String code() {
        return code;
    }

    static Reason reasonOf(String code) {
        return switch (code == null ? "" : code) {
            case "invalid_grant", "expired_token", "invalid_token" -> Reason.TOKEN_REVOKED;
            case "invalid_client", "wrong_client", "NOT_INSTALLED", "APPLICATION_NOT_FOUND" -> Reason.APP_NOT_INSTALLED;
            case "PAYMENT_REQUIRED" -> Reason.PAYMENT_REQUIRED;
            case "PORTAL_DELETED" -> Reason.PORTAL_DELETED;
            default -> Reason.OTHER;
        };
    }
}
