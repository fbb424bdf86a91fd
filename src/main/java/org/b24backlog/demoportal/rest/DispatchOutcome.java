package org.b24backlog.demoportal.rest;

import java.time.Instant;
import java.util.List;

import org.b24backlog.demoportal.JournalEntry;

/** What one method call produced: either a result or an error, with the caller and the timing. */
public record DispatchOutcome(MethodResult result, RestException error, Integer userId, Instant start,
        Instant finish, List<JournalEntry> subCommands) {

    public boolean succeeded() {
        return error == null;
    }

    public int httpStatus() {
        return error == null ? 200 : error.httpStatus();
    }

    public String errorCode() {
        return error == null ? null : error.errorCode();
    }
}
