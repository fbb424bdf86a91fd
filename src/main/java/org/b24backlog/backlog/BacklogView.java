package org.b24backlog.backlog;

import java.math.BigDecimal;
import java.util.List;

/**
 * Everything the backlog page shows about one Scrum.
 *
 * @param backlogId {@code null} when the Scrum has no backlog
 * @param fields field names and types as tasks.api.scrum.backlog.getFields reports them
 * @param canManage whether the viewing user may create, move or delete the backlog
 */
public record BacklogView(ScrumGroup group, String backlogId, String createdByName, String modifiedByName,
        List<Field> fields, List<BacklogTask> tasks, boolean canManage) {

    public record Field(String name, String type) {
    }

    public boolean hasBacklog() {
        return backlogId != null;
    }

    /** Sum of the story points that are numbers; free-text estimates such as "XL" are left out. */
    public String totalPoints() {
        BigDecimal total = BigDecimal.ZERO;
        for (BacklogTask task : tasks) {
            try {
                total = total.add(new BigDecimal(task.storyPoints().trim()));
            } catch (NumberFormatException | NullPointerException e) {
                // Not a number: the estimate stays visible on its row but does not count.
            }
        }
        return total.stripTrailingZeros().toPlainString();
    }
}
