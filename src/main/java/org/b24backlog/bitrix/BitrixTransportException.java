package org.b24backlog.bitrix;

/** The portal could not be reached, timed out, or sent something that is not a Bitrix24 response. */
public class BitrixTransportException extends BitrixException {

    private final boolean notSent;

    public BitrixTransportException(String message, Throwable cause, boolean notSent) {
        super(message, cause);
        this.notSent = notSent;
    }

    public BitrixTransportException(String message, Throwable cause) {
        this(message, cause, false);
    }

    public BitrixTransportException(String message) {
        super(message);
        this.notSent = false;
    }

    /** Returns whether the request provably never reached the portal, so repeating it cannot repeat a write. */
    public boolean notSent() {
        return notSent;
    }
}
