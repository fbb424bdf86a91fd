package org.b24backlog.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.b24backlog.bitrix.BitrixApiException;
import org.b24backlog.bitrix.BitrixClient;
import org.b24backlog.bitrix.BitrixResponse;
import org.b24backlog.bitrix.PortalCredentials;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The baseline the benchmark compares with: the same data as a backlog page, read with one request per REST call,
 * no batch and no cache, the way a first client of the API would write it.
 */
final class NaiveBacklogReader {

    private final BitrixClient bitrix;

    NaiveBacklogReader(BitrixClient bitrix) {
        this.bitrix = bitrix;
    }

    /** Reads everything the page shows and returns the number of tasks found in the backlog. */
    int read(PortalCredentials viewer, String groupId) {
        bitrix.call(viewer, "socialnetwork.api.workgroup.get", Map.of("params", Map.of("groupId", groupId)));
        JsonNode backlog = bitrix.call(viewer, "tasks.api.scrum.backlog.get", Map.of("id", groupId));
        bitrix.call(viewer, "tasks.api.scrum.backlog.getFields", Map.of());
        bitrix.call(viewer, "tasks.api.scrum.epic.list", Map.of("filter", Map.of("GROUP_ID", groupId)));

        List<JsonNode> rows = new ArrayList<>();
        Integer start = 0;
        while (start != null) {
            BitrixResponse page = bitrix.callForEnvelope(viewer, "tasks.task.list", Map.of("filter", Map.of("GROUP_ID", groupId),
                    "select", List.of("ID", "TITLE", "STATUS", "RESPONSIBLE_ID"), "order", Map.of("ID", "asc"), "start", start));
            page.result().path("tasks").forEach(rows::add);
            start = page.next();
        }

        int inBacklog = 0;
        Set<String> users = new LinkedHashSet<>(List.of(backlog.path("createdBy").asText(), backlog.path("modifiedBy").asText()));
        for (JsonNode row : rows) {
            users.add(row.path("responsibleId").asText());
            try {
                JsonNode item = bitrix.call(viewer, "tasks.api.scrum.task.get", Map.of("id", row.path("id").asText()));
                if (backlog.path("id").asText().equals(item.path("entityId").asText())) {
                    inBacklog++;
                }
            } catch (BitrixApiException e) {
                // A task outside any backlog or sprint has no Scrum data.
            }
        }
        for (String user : users) {
            bitrix.call(viewer, "user.get", Map.of("FILTER", Map.of("ID", List.of(user))));
        }
        return inBacklog;
    }
}
