package org.b24backlog.bitrix;

/** The portal could not be reached, timed out, or sent something that is not a Bitrix24 answer. */
public class BitrixTransportException extends BitrixException {

    public BitrixTransportException(String message, Throwable cause) {
        super(message, cause);
    }

    public BitrixTransportException(String message) {
        super(message);
    }
}
