package org.b24backlog.demoportal.methods;

import org.b24backlog.demoportal.data.PortalStore;
import org.b24backlog.demoportal.rest.Params;
import org.b24backlog.demoportal.rest.RestCall;
import org.b24backlog.demoportal.rest.RestException;

import com.fasterxml.jackson.databind.JsonNode;

/** Checks shared by the {@code tasks.api.scrum.*} methods, with the messages of the Bitrix24 controllers. */
final class ScrumChecks {

    private ScrumChecks() {
    }

    /** Fails with {@code Access denied} unless the caller may read the group's tasks (member or administrator). */
    static void requireTaskAccess(PortalStore store, RestCall call, int groupId) {
        if (!store.canReadGroupTasks(call.userId(), groupId)) {
            throw RestException.scrum("Access denied");
        }
    }

    /** Returns the user id, 0 when absent, and fails with "{field} user not found" for an id no user has. */
    static int existingUserOrZero(PortalStore store, JsonNode value, String field) {
        int userId = Params.asInt(value, 0);
        if (userId != 0 && store.user(userId).isEmpty()) {
            throw RestException.scrum(field + " user not found");
        }
        return userId;
    }
}
