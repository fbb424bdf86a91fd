package org.b24backlog.demoportal.data;

/**
 * The Scrum row of a task: which backlog or sprint it sits in, its estimate and its position. {@code storyPoints} is
 * free text, as in Bitrix24 ("3", "XL", "0.5"), and {@code epicId} 0 means no epic.
 */
public record ScrumItem(int entityId, String storyPoints, int epicId, int sort, int createdBy, int modifiedBy) {
}
