package org.b24backlog.demoportal.rest;

import java.util.List;

import org.b24backlog.demoportal.JournalEntry;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One REST method call: its parameters without {@code auth}, the user the access token belongs to, and the access
 * token itself so that {@code batch} can run its sub-commands with it. A batch adds the journal entries of its
 * sub-commands to {@code subCommandJournal}.
 */
public record RestCall(String method, ObjectNode params, int userId, boolean admin, String accessToken,
        boolean inBatch, List<JournalEntry> subCommandJournal) {
}
