package org.b24backlog.backlog;

/**
 * A backlog change that was not made: the user may not make it, the input was invalid, or the portal refused it.
 *
 * @see PortalRefusal
 */
public class BacklogActionException extends RuntimeException {

    private final String messageKey;
    private final String detail;

    public BacklogActionException(String messageKey, String detail) {
        super(messageKey + ": " + detail);
        this.messageKey = messageKey;
        this.detail = detail;
    }

    /** Key of the message that explains the failure to the user. */
    public String messageKey() {
        return messageKey;
    }

    /** The portal's or the app's own description, shown with {@code refusal_other}. */
    public String detail() {
        return detail;
    }
}
