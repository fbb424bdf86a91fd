package org.b24backlog.demoportal.data;

import java.time.OffsetDateTime;

/**
 * A task. {@code status} is the real status code (2 pending, 3 in progress, 4 awaiting control, 5 completed,
 * 6 deferred); {@code groupId} 0 means no group; {@code scrumItem} is null for a task that is not in a Scrum.
 */
public record DemoTask(int id, String title, String description, int status, int priority, int groupId,
        int responsibleId, int createdBy, OffsetDateTime createdDate, OffsetDateTime changedDate,
        OffsetDateTime deadline, ScrumItem scrumItem) {

    public static final int STATUS_PENDING = 2;
    public static final int STATUS_IN_PROGRESS = 3;
    public static final int STATUS_AWAITING_CONTROL = 4;
    public static final int STATUS_COMPLETED = 5;
    public static final int STATUS_DEFERRED = 6;

    public DemoTask withScrumItem(ScrumItem item) {
        return new DemoTask(id, title, description, status, priority, groupId, responsibleId, createdBy, createdDate,
                OffsetDateTime.now(), deadline, item);
    }

    public int entityId() {
        return scrumItem == null ? 0 : scrumItem.entityId();
    }
}
