package org.b24backlog.demoportal.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.profile.IfBuildProfile;

/**
 * In-memory data of the demo portal: users, workgroups, backlogs and sprints, epics and tasks. All methods lock the
 * store, so REST calls on worker threads and tests see one consistent state. Lists come back ordered by id.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = { "dev", "test" })
public class PortalStore {

    private final TreeMap<Integer, DemoUser> users = new TreeMap<>();
    private final TreeMap<Integer, DemoGroup> groups = new TreeMap<>();
    private final TreeMap<Integer, ScrumEntity> entities = new TreeMap<>();
    private final TreeMap<Integer, DemoEpic> epics = new TreeMap<>();
    private final TreeMap<Integer, DemoTask> tasks = new TreeMap<>();
    private int nextEntityId;
    private int nextEpicId;
    private int nextTaskId;

    /** Empties the store and sets the first ids that new entities, epics and tasks receive. */
    public synchronized void clear(int firstEntityId, int firstEpicId, int firstTaskId) {
        users.clear();
        groups.clear();
        entities.clear();
        epics.clear();
        tasks.clear();
        nextEntityId = firstEntityId;
        nextEpicId = firstEpicId;
        nextTaskId = firstTaskId;
    }

    // Users

    public synchronized void putUser(DemoUser user) {
        users.put(user.id(), user);
    }

    public synchronized Optional<DemoUser> user(int id) {
        return Optional.ofNullable(users.get(id));
    }

    public synchronized List<DemoUser> users() {
        return new ArrayList<>(users.values());
    }

    public synchronized boolean isAdmin(int userId) {
        DemoUser user = users.get(userId);
        return user != null && user.admin();
    }

    // Workgroups and permissions

    public synchronized void putGroup(DemoGroup group) {
        groups.put(group.id(), group);
    }

    public synchronized Optional<DemoGroup> group(int id) {
        return Optional.ofNullable(groups.get(id));
    }

    public synchronized List<DemoGroup> groups() {
        return new ArrayList<>(groups.values());
    }

    /** Tells whether the user may read the group's tasks: a member of the group or a portal administrator. */
    public synchronized boolean canReadGroupTasks(int userId, int groupId) {
        DemoGroup group = groups.get(groupId);
        return group != null && (isAdmin(userId) || group.hasMember(userId));
    }

    /** Tells whether the user sees the group at all: a visible group, a member or a portal administrator. */
    public synchronized boolean canSeeGroup(int userId, int groupId) {
        DemoGroup group = groups.get(groupId);
        return group != null && (group.visible() || isAdmin(userId) || group.hasMember(userId));
    }

    // Backlogs and sprints

    public synchronized Optional<ScrumEntity> entity(int id) {
        return Optional.ofNullable(entities.get(id));
    }

    public synchronized Optional<ScrumEntity> backlogOf(int groupId) {
        return entities.values().stream().filter(e -> e.isBacklog() && e.groupId() == groupId).findFirst();
    }

    public synchronized List<ScrumEntity> sprints() {
        return entities.values().stream().filter(e -> !e.isBacklog()).toList();
    }

    public synchronized ScrumEntity addBacklog(int groupId, int createdBy, int modifiedBy) {
        ScrumEntity backlog = ScrumEntity.backlog(nextEntityId++, groupId, createdBy, modifiedBy);
        entities.put(backlog.id(), backlog);
        return backlog;
    }

    /** Adds a backlog or sprint as given, keeping its id; seeding uses it. */
    public synchronized void putEntity(ScrumEntity entity) {
        entities.put(entity.id(), entity);
        nextEntityId = Math.max(nextEntityId, entity.id() + 1);
    }

    public synchronized void updateEntity(ScrumEntity entity) {
        entities.put(entity.id(), entity);
    }

    public synchronized boolean deleteEntity(int id) {
        return entities.remove(id) != null;
    }

    /** Counts the tasks whose Scrum item sits in the given backlog or sprint. */
    public synchronized int countItemsIn(int entityId) {
        return (int) tasks.values().stream().filter(t -> t.entityId() == entityId).count();
    }

    public synchronized int nextSortIn(int entityId) {
        return tasks.values().stream()
                .filter(t -> t.entityId() == entityId)
                .mapToInt(t -> t.scrumItem().sort())
                .max()
                .orElse(0) + 1;
    }

    // Epics

    public synchronized Optional<DemoEpic> epic(int id) {
        return Optional.ofNullable(epics.get(id));
    }

    public synchronized List<DemoEpic> epics() {
        return new ArrayList<>(epics.values());
    }

    public synchronized int nextEpicId() {
        return nextEpicId++;
    }

    public synchronized void putEpic(DemoEpic epic) {
        epics.put(epic.id(), epic);
        nextEpicId = Math.max(nextEpicId, epic.id() + 1);
    }

    public synchronized boolean deleteEpic(int id) {
        return epics.remove(id) != null;
    }

    // Tasks

    public synchronized Optional<DemoTask> task(int id) {
        return Optional.ofNullable(tasks.get(id));
    }

    public synchronized List<DemoTask> tasks(Predicate<DemoTask> filter) {
        return tasks.values().stream().filter(filter).toList();
    }

    public synchronized int nextTaskId() {
        return nextTaskId++;
    }

    public synchronized void putTask(DemoTask task) {
        tasks.put(task.id(), task);
        nextTaskId = Math.max(nextTaskId, task.id() + 1);
    }
}
