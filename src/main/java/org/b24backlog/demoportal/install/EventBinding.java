package org.b24backlog.demoportal.install;

/** An event handler the app registered with {@code event.bind}; {@code authType} 0 means the triggering user. */
public record EventBinding(int id, String event, String handler, int authType, boolean offline) {
}
