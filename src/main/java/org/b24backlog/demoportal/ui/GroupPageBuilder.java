package org.b24backlog.demoportal.ui;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.b24backlog.demoportal.DemoPortal;
import org.b24backlog.demoportal.data.DemoGroup;
import org.b24backlog.demoportal.data.DemoTask;
import org.b24backlog.demoportal.data.DemoUser;
import org.b24backlog.demoportal.data.PortalStore;
import org.b24backlog.demoportal.install.AppInstallation;
import org.b24backlog.demoportal.install.FrameLaunch;
import org.b24backlog.demoportal.install.InstallationService;
import org.b24backlog.demoportal.install.PlacementBinding;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.qute.TemplateInstance;

/**
 * Builds a workgroup page: overview, tasks, Scrum planning and one tab per {@code SONET_GROUP_DETAIL_TAB} binding,
 * which frames the bound handler with {@code PLACEMENT_OPTIONS} {@code {"GROUP_ID":"42","URI":"/workgroups/group/42/"}}.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = { "dev", "test" })
public class GroupPageBuilder {

    static final String GROUP_TAB = "SONET_GROUP_DETAIL_TAB";

    @Inject
    PortalStore store;

    @Inject
    AppInstallation installation;

    @Inject
    InstallationService installations;

    TemplateInstance render(PageContext page, int groupId, String tab) {
        DemoUser viewer = page.user();
        Optional<DemoGroup> found = store.group(groupId).filter(g -> store.canSeeGroup(viewer.id(), g.id()));
        if (found.isEmpty()) {
            return Pages.group(page, null, tab, List.of(), List.of(), 0, null,
                    "The workgroup was not found or you have no access to it.");
        }
        DemoGroup group = found.get();
        List<PlacementBinding> tabs = installation.visiblePlacements(GROUP_TAB);

        if (tab.startsWith("app-")) {
            Optional<PlacementBinding> binding = tabs.stream()
                    .filter(b -> tab.equals("app-" + b.id()))
                    .findFirst();
            if (binding.isEmpty()) {
                return Pages.group(page, group, tab, List.of(), tabs, 0, null,
                        "This application tab is not available.");
            }
            FrameLaunch launch = installations.launch(viewer.id(), binding.get().handler(), GROUP_TAB,
                    DemoPortal.groupTabOptions(group.id()), false);
            FrameView frame = FrameView.of(launch, viewer.admin());
            return Pages.group(page, group, tab, List.of(), tabs, binding.get().id(), frame, null);
        }

        boolean member = store.canReadGroupTasks(viewer.id(), group.id());
        if (tab.equals("planning") && group.isScrum() && member && store.backlogOf(group.id()).isEmpty()) {
            // Bitrix24 recreates a missing backlog when someone opens the Scrum planning page.
            store.addBacklog(group.id(), viewer.id(), viewer.id());
        }
        List<Pages.TaskRow> rows = List.of();
        if (member && (tab.equals("tasks") || tab.equals("planning"))) {
            rows = store.tasks(task -> task.groupId() == group.id()).stream()
                    .filter(task -> !tab.equals("planning") || task.scrumItem() != null)
                    .map(this::row)
                    .toList();
        }
        String notice = member || tab.equals("overview") ? null
                : "Only members of this workgroup can see its tasks.";
        return Pages.group(page, group, tab, rows, tabs, 0, null, notice);
    }

    private Pages.TaskRow row(DemoTask task) {
        String responsible = store.user(task.responsibleId()).map(DemoUser::fullName).orElse("—");
        String place = "";
        String points = "";
        if (task.scrumItem() != null) {
            place = store.entity(task.entityId())
                    .map(entity -> entity.isBacklog() ? "Backlog" : entity.name())
                    .orElse("");
            points = task.scrumItem().storyPoints();
        }
        return new Pages.TaskRow(task, responsible, place, points);
    }
}
