package org.b24backlog.demoportal;

import java.util.List;

import org.b24backlog.demoportal.faults.AppliedFault;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One request that the portal's REST API or its OAuth server received.
 *
 * @param server {@code "portal"} for {@code /rest/}, {@code "oauth"} for the OAuth server
 * @param method REST method name as requested ({@code batch} for a batch), or {@code oauth/token}
 * @param httpMethod {@code GET} or {@code POST}; {@code BATCH} for a sub-command
 * @param params parsed parameters without the {@code auth} value and without secrets
 * @param userId user the access token belonged to, null when the token was missing or unknown
 * @param status HTTP status of the answer; for a sub-command, the status it would have had alone
 * @param error error code of the answer as text ({@code "0"}, {@code "expired_token"}), null on success
 * @param subCommands the sub-commands of a batch in the order they ran, empty otherwise
 * @param faults the injected faults that fired on this request, empty when it ran normally
 */
public record JournalEntry(String server, String method, String httpMethod, JsonNode params, Integer userId,
        int status, String error, List<JournalEntry> subCommands, List<AppliedFault> faults) {

    /** An entry of a request that no fault touched. */
    public JournalEntry(String server, String method, String httpMethod, JsonNode params, Integer userId, int status,
            String error, List<JournalEntry> subCommands) {
        this(server, method, httpMethod, params, userId, status, error, subCommands, List.of());
    }

    /** Returns true for a 2xx response without an error code, so a redirect or an HTML error page is no success. */
    public boolean succeeded() {
        return error == null && status >= 200 && status < 300;
    }

    public JournalEntry withFaults(List<AppliedFault> applied) {
        return new JournalEntry(server, method, httpMethod, params, userId, status, error, subCommands,
                List.copyOf(applied));
    }
}
