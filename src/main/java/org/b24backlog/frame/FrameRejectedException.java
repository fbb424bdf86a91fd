package org.b24backlog.frame;

/** A request that claims to come from a portal failed verification; the user sees {@link #reason()} explained. */
public class FrameRejectedException extends RuntimeException {

    public enum Reason {
        /** Required parameters are missing or malformed. */
        MALFORMED,
        /** The domain is not on the allow-list. */
        UNTRUSTED_PORTAL,
        /** No installation is known for the member_id, or it was uninstalled. */
        NOT_INSTALLED,
        /** The domain or the application token does not match the installation. */
        FORGED,
        /** The portal did not accept the token; the page is stale. */
        TOKEN_REFUSED,
        /** The app's own session token is missing, invalid or expired. */
        SESSION_EXPIRED,
        /** The user is verified but may not open this page. */
        NOT_ALLOWED
    }

    private final Reason reason;

    public FrameRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public FrameRejectedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
