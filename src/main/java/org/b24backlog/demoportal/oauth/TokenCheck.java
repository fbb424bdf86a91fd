package org.b24backlog.demoportal.oauth;

/** Outcome of looking up an access token; {@code userId} is known for valid and expired tokens. */
public record TokenCheck(Status status, Integer userId) {

    public enum Status {
        MISSING,
        UNKNOWN,
        EXPIRED,
        VALID
    }

    public boolean isValid() {
        return status == Status.VALID;
    }
}
