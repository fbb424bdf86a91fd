package org.b24backlog.backlog;

import java.util.Map;

import org.b24backlog.bitrix.BitrixApiException;

/**
 * Plain-words explanations of the errors that the Scrum backlog methods return. Their {@code error} code is 0 for
 * every business error, so only the English {@code error_description} distinguishes them.
 */
public final class PortalRefusal {

    private static final Map<String, String> MESSAGE_KEYS = Map.of(
            "It is forbidden remove a backlog with items", "refusal_delete_items",
            "It is forbidden move a backlog with items", "refusal_move_items",
            "The target group already has a backlog", "refusal_target_has_backlog",
            "Backlog already added", "refusal_already_added",
            "Access denied", "refusal_access_denied",
            "Backlog not found", "refusal_not_found");

    private PortalRefusal() {
    }

    /** Returns the message key that explains a refusal; {@code refusal_other} shows the portal's own text. */
    public static String messageKey(BitrixApiException e) {
        // Both limits reject a request before it runs, so the change was not made even though QUERY_LIMIT_EXCEEDED is a 503.
        if (e.isQueryLimit()) {
            return "refusal_rate_limit";
        }
        if (e.isOperationTimeLimit()) {
            return "refusal_operating_limit";
        }
        // Any other server error does not say whether the change was made, so it is not reported as a refusal.
        if (e.httpStatus() >= 500) {
            return "refusal_outcome_unknown";
        }
        return MESSAGE_KEYS.getOrDefault(e.description(), "refusal_other");
    }
}
