package org.b24backlog.backlog;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A workgroup as the backlog pages need it.
 *
 * @param managerIds users who may change the group's backlog besides portal admins: owner, moderators, Scrum master
 */
public record ScrumGroup(String id, String name, String type, String scrumMasterId, String ownerId, Set<String> managerIds) {

    /** A workgroup is a Scrum when its type is {@code scrum} or a Scrum master is set. */
    public boolean isScrum() {
        return "scrum".equalsIgnoreCase(type) || (scrumMasterId != null && !scrumMasterId.isEmpty() && !"0".equals(scrumMasterId));
    }

    /** Reads a row of socialnetwork.api.workgroup.list, whose keys are camelCase and values strings. */
    static ScrumGroup fromListRow(JsonNode row) {
        return new ScrumGroup(row.path("id").asText(), row.path("name").asText(), row.path("type").asText(""),
                row.path("scrumMasterId").asText(""), row.path("ownerId").asText(""), Set.of());
    }

    /** Reads the result of socialnetwork.api.workgroup.get, whose keys are UPPERCASE. */
    static ScrumGroup fromGetResult(JsonNode group) {
        java.util.Set<String> managers = new java.util.HashSet<>();
        addText(managers, group.path("OWNER_ID"));
        addText(managers, group.path("SCRUM_MASTER_ID"));
        for (JsonNode moderator : group.path("MODERATOR_MEMBERS")) {
            addText(managers, moderator);
        }
        return new ScrumGroup(group.path("ID").asText(), group.path("NAME").asText(), group.path("TYPE").asText(""),
                group.path("SCRUM_MASTER_ID").asText(""), group.path("OWNER_ID").asText(""), Set.copyOf(managers));
    }

    private static void addText(java.util.Set<String> ids, JsonNode value) {
        if (!value.isMissingNode() && !value.isNull() && !value.asText().isEmpty() && !"0".equals(value.asText())) {
            ids.add(value.asText());
        }
    }
}
