package org.b24backlog.bitrix;

/** Base of every failure of a call to a portal or to the OAuth server. */
public class BitrixException extends RuntimeException {

    public BitrixException(String message) {
        super(message);
    }

    public BitrixException(String message, Throwable cause) {
        super(message, cause);
    }
}
