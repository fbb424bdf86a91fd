package org.b24backlog.demoportal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.b24backlog.demoportal.data.DemoEpic;
import org.b24backlog.demoportal.data.DemoGroup;
import org.b24backlog.demoportal.data.DemoSeed;
import org.b24backlog.demoportal.data.DemoTask;
import org.b24backlog.demoportal.data.PortalStore;
import org.b24backlog.demoportal.data.ScrumEntity;
import org.b24backlog.demoportal.data.ScrumItem;

import io.quarkus.arc.profile.IfBuildProfile;

/** Data hooks behind {@link DemoPortal}: restore the seed data, add bulk data and read what the app changed. */
@ApplicationScoped
@IfBuildProfile(anyOf = { "dev", "test" })
class DataHooks {

    @Inject
    PortalStore store;

    void reseed() {
        DemoSeed.seed(store);
    }

    PortalStore store() {
        return store;
    }

    Optional<ScrumEntity> backlogOf(int groupId) {
        return store.backlogOf(groupId);
    }

    Optional<DemoTask> task(int taskId) {
        return store.task(taskId);
    }

    List<DemoTask> tasksOfGroup(int groupId) {
        return store.tasks(task -> task.groupId() == groupId);
    }

    List<DemoTask> backlogTasks(int groupId) {
        Optional<ScrumEntity> backlog = store.backlogOf(groupId);
        if (backlog.isEmpty()) {
            return List.of();
        }
        int backlogId = backlog.get().id();
        return store.tasks(task -> task.entityId() == backlogId).stream()
                .sorted(Comparator.comparingInt(task -> task.scrumItem().sort()))
                .toList();
    }

    List<DemoEpic> epicsOf(int groupId) {
        return store.epics().stream().filter(epic -> epic.groupId() == groupId).toList();
    }

    List<DemoTask> addBacklogTasks(int groupId, int count) {
        DemoGroup group = store.group(groupId).filter(DemoGroup::isScrum)
                .orElseThrow(() -> new IllegalArgumentException("Group " + groupId + " is not a Scrum."));
        ScrumEntity backlog = store.backlogOf(groupId)
                .orElseThrow(() -> new IllegalArgumentException("Scrum " + groupId + " has no backlog."));
        List<Integer> members = List.copyOf(group.members().keySet());
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> {
            ScrumItem item = new ScrumItem(backlog.id(), String.valueOf(i % 8 + 1), 0, store.nextSortIn(backlog.id()),
                    group.scrumMasterId(), group.scrumMasterId());
            return DemoSeed.addTask(store, "Generated backlog item " + (i + 1), groupId, members.get(i % members.size()),
                    DemoTask.STATUS_PENDING, item);
        }).toList();
    }
}
