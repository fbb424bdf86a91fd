package org.b24backlog.demoportal.data;

import java.time.OffsetDateTime;

/**
 * A backlog or a sprint of a Scrum. Bitrix24 keeps both as rows of one entity table, and a Scrum task points to one of
 * them through its {@code entityId}. Sprint-only fields are empty for a backlog.
 */
public record ScrumEntity(int id, int groupId, String entityType, String name, String goal, int sort, int createdBy,
        int modifiedBy, OffsetDateTime dateStart, OffsetDateTime dateEnd, String status) {

    public static final String BACKLOG = "backlog";
    public static final String SPRINT = "sprint";

    public static ScrumEntity backlog(int id, int groupId, int createdBy, int modifiedBy) {
        return new ScrumEntity(id, groupId, BACKLOG, "", "", 0, createdBy, modifiedBy, null, null, "");
    }

    public boolean isBacklog() {
        return BACKLOG.equals(entityType);
    }

    public ScrumEntity withBacklogFields(int newGroupId, int newCreatedBy, int newModifiedBy) {
        return new ScrumEntity(id, newGroupId, entityType, name, goal, sort, newCreatedBy, newModifiedBy, dateStart,
                dateEnd, status);
    }
}
