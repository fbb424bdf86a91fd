package org.b24backlog.backlog;

/**
 * One task of a backlog, joined from tasks.task.list, tasks.api.scrum.task.get, the epics and the users.
 *
 * @param status the task's status code as Bitrix24 sends it (2 pending, 3 in progress, 5 completed, ...)
 * @param storyPoints free text, because Bitrix24 stores story points as a string
 */
public record BacklogTask(String id, String title, String status, String responsibleName, String storyPoints, String epicName,
        String epicColor, int sort) {

    private static final java.util.regex.Pattern COLOR = java.util.regex.Pattern.compile("#[0-9a-fA-F]{3,8}");

    public BacklogTask {
        // The colour goes into a style attribute, so only a plain hex colour from the portal is kept.
        if (epicColor != null && !COLOR.matcher(epicColor).matches()) {
            epicColor = null;
        }
    }

    private static final java.util.Set<String> KNOWN_STATUSES = java.util.Set.of("1", "2", "3", "4", "5", "6", "7");

    /** Key of the status label message; codes the app has no label for share one. */
    public String statusKey() {
        return KNOWN_STATUSES.contains(status) ? "status_" + status : "status_unknown";
    }
}
