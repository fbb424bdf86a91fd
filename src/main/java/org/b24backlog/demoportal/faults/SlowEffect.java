package org.b24backlog.demoportal.faults;

/** When a slow response lets the REST method change the portal's data, relative to its sleep. */
public enum SlowEffect {
    /**
     * The method runs and the journal records it, then the response waits. A client that timed out meanwhile sees no
     * result although the write happened, which is the case an idempotent retry must handle.
     */
    BEFORE_SLEEP,
    /**
     * The request waits first and the method runs after the sleep, even when the client has given up by then: the
     * portal does not notice a closed connection, so the write lands late.
     */
    AFTER_SLEEP
}
