package org.b24backlog.demoportal.rest;

import java.time.Instant;
import java.util.List;

import org.b24backlog.demoportal.JournalEntry;

/**
 * Result or error of one method call, with the caller and the timing.
 *
 * @param usage the method's operating time after this call, null when the call did not run
 */
public record DispatchOutcome(MethodResult result, RestException error, Integer userId, Instant start,
        Instant finish, List<JournalEntry> subCommands, OperatingTime.Usage usage) {

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
