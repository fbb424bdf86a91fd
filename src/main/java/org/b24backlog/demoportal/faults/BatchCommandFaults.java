package org.b24backlog.demoportal.faults;

import java.time.Duration;

import org.b24backlog.demoportal.rest.RestException;

/**
 * Faults of batch sub-commands, chosen by the command's key in {@code cmd} or by its method name. A failing command
 * does not run; its error goes to {@code result_error} under its key, and the other commands run as usual (unless
 * the batch has {@code halt=1}).
 */
public final class BatchCommandFaults extends FaultBuilder<BatchCommandFaults> {

    BatchCommandFaults(FaultPlan plan, String keyOrMethod) {
        super(plan, FaultRule.Scope.BATCH_COMMAND, keyOrMethod);
    }

    /**
     * Makes the command run {@code extraTime} longer. Unlike the latency of a top-level request, this time counts as
     * execution time, so it shows in the command's {@code result_time} and adds to its method's operating time, as a
     * slow method's time does. Latencies of several matching faults add up.
     */
    public FaultRule latency(Duration extraTime) {
        return add(FaultKind.LATENCY, requirePositive(extraTime), null, null, 0);
    }

    /** Fails the command with {@code {"error": code, "error_description": description}}. */
    public FaultRule error(int httpStatus, String code, String description) {
        return add(FaultKind.ERROR, null, null, RestException.of(httpStatus, code, description), 0);
    }

    /** Fails the command with the numeric code 0 that {@code tasks.api.scrum.*} methods use for business errors. */
    public FaultRule scrumError(String description) {
        return add(FaultKind.ERROR, null, null, RestException.scrum(description), 0);
    }
}
