package org.b24backlog.demoportal.ui;

import java.util.List;

import org.b24backlog.demoportal.data.DemoGroup;
import org.b24backlog.demoportal.data.DemoTask;
import org.b24backlog.demoportal.install.InstallState;
import org.b24backlog.demoportal.install.PlacementBinding;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Type-safe templates of the portal pages, under {@code templates/demoportal/}. */
@CheckedTemplate(basePath = "demoportal")
public class Pages {

    /** One row of a task list on the group page. */
    public record TaskRow(DemoTask task, String responsible, String place, String storyPoints) {
    }

    public static native TemplateInstance start(PageContext page, List<DemoGroup> scrums, boolean installed);

    public static native TemplateInstance market(PageContext page, InstallState state, String memberId,
            List<PlacementBinding> placements, int eventCount, String message);

    public static native TemplateInstance app(PageContext page, FrameView frame, String notice);

    /** @param activeBindingId id of the placement binding whose tab is open, 0 for the portal's own tabs */
    public static native TemplateInstance group(PageContext page, DemoGroup group, String tab, List<TaskRow> tasks,
            List<PlacementBinding> tabs, int activeBindingId, FrameView frame, String notice);
}
