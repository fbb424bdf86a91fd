package org.b24backlog.backlog;

/**
 * A backlog change that was not made: the user may not make it, the input was invalid, or the portal refused it.
 *
 * @see PortalRefusal
 */
public class BacklogActionException extends RuntimeException {

    private final String messageKey;
    private final String detail;
    private final Long auditId;

    public BacklogActionException(String messageKey, String detail) {
        this(messageKey, detail, null);
    }

    private BacklogActionException(String messageKey, String detail, Long auditId) {
        super(messageKey + ": " + detail);
        this.messageKey = messageKey;
        this.detail = detail;
        this.auditId = auditId;
    }

    /** Returns the same failure, recorded in the audit log under {@code auditId}. */
    BacklogActionException recorded(long auditId) {
        return new BacklogActionException(messageKey, detail, auditId);
    }

    /** Id of the audit entry that records this failure, or {@code null} before it was recorded. */
    public Long auditId() {
        return auditId;
    }

    /** Key of the message that explains the failure to the user. */
    public String messageKey() {
        return messageKey;
    }

    /** Returns the portal's or the app's own description, shown with {@code refusal_other}. */
    public String detail() {
        return detail;
    }
}
