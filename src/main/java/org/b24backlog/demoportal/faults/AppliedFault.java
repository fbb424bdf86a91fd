package org.b24backlog.demoportal.faults;

/**
 * One fault that fired on a request, as the request journal records it.
 *
 * @param kind what the fault did
 * @param detail the fault's settings as text, for example {@code "30 ms"} or {@code "503 QUERY_LIMIT_EXCEEDED"}
 */
public record AppliedFault(FaultKind kind, String detail) {
}
