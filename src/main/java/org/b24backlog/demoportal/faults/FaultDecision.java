package org.b24backlog.demoportal.faults;

import java.time.Duration;
import java.util.List;

/**
 * Decision of the fault plan for one request: the latency to add before it runs, and the fault that replaces or
 * delays its normal response, null when the request runs normally.
 *
 * @param applied every fault that fired, for the journal
 */
public record FaultDecision(Duration latency, FaultRule outcome, List<AppliedFault> applied) {

    static final FaultDecision NONE = new FaultDecision(Duration.ZERO, null, List.of());

    public boolean hasOutcome() {
        return outcome != null;
    }

    /** Sleeps for the decided latency; a zero latency returns at once. */
    public void sleepLatency() {
        FaultPlan.sleep(latency);
    }
}
