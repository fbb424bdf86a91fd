package org.b24backlog.backlog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.b24backlog.bitrix.Batch;
import org.b24backlog.bitrix.BatchResult;
import org.b24backlog.bitrix.BitrixApiException;
import org.b24backlog.bitrix.BitrixClient;
import org.b24backlog.bitrix.PortalCredentials;
import org.b24backlog.frame.FrameSession;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a Scrum's backlog with as few requests as it can: one batch for the group, the backlog, its fields, the
 * epics and the first page of tasks, then batches of up to 50 for the remaining task pages and for each task's
 * Scrum data and the people involved.
 */
@ApplicationScoped
public class BacklogReader {

    /** Bitrix24 list methods return at most this many rows per call. */
    static final int PAGE_SIZE = 50;

    static final List<String> TASK_SELECT = List.of("ID", "TITLE", "STATUS", "RESPONSIBLE_ID", "GROUP_ID");

    private final BitrixClient bitrix;

    public BacklogReader(BitrixClient bitrix) {
        this.bitrix = bitrix;
    }

    public BacklogView read(PortalCredentials viewer, FrameSession session, String groupId) {
        BatchResult first = bitrix.batch(viewer, Batch.create()
                .add("group", "socialnetwork.api.workgroup.get", Map.of("params", Map.of("groupId", groupId)))
                .add("backlog", "tasks.api.scrum.backlog.get", Map.of("id", groupId))
                .add("fields", "tasks.api.scrum.backlog.getFields")
                .add("epics", "tasks.api.scrum.epic.list", Map.of("filter", Map.of("GROUP_ID", groupId), "order", Map.of("ID", "asc")))
                .add("tasks", "tasks.task.list", taskListParams(groupId, 0)));

        ScrumGroup group = group(first, groupId);
        if (!group.isScrum()) {
            throw new NotScrumException(group);
        }
        boolean canManage = session.admin() || group.managerIds().contains(session.userId());
        List<BacklogView.Field> fields = fields(first.result("fields"));
        Optional<JsonNode> backlog = backlog(first, group);
        if (backlog.isEmpty()) {
            return new BacklogView(group, null, null, null, fields, List.of(), canManage);
        }

        String backlogId = backlog.get().path("id").asText();
        List<JsonNode> taskRows = new ArrayList<>();
        first.result("tasks").path("tasks").forEach(taskRows::add);
        taskRows.addAll(remainingTaskPages(viewer, groupId, first.total("tasks").orElse(taskRows.size()), taskRows.size()));
        Map<String, JsonNode> epics = new LinkedHashMap<>();
        first.result("epics").forEach(epic -> epics.put(epic.path("id").asText(), epic));

        Set<String> userIds = new LinkedHashSet<>();
        addUser(userIds, backlog.get().path("createdBy").asText());
        addUser(userIds, backlog.get().path("modifiedBy").asText());
        taskRows.forEach(row -> addUser(userIds, row.path("responsibleId").asText()));
        ScrumData scrum = scrumData(viewer, taskRows, userIds);

        List<BacklogTask> tasks = new ArrayList<>();
        for (JsonNode row : taskRows) {
            JsonNode item = scrum.items().get(row.path("id").asText());
            if (item == null || !backlogId.equals(item.path("entityId").asText())) {
                continue;
            }
            JsonNode epic = epics.get(item.path("epicId").asText());
            tasks.add(new BacklogTask(row.path("id").asText(), row.path("title").asText(), row.path("status").asText(),
                    scrum.names().getOrDefault(row.path("responsibleId").asText(), "#" + row.path("responsibleId").asText()),
                    item.path("storyPoints").asText(""), epic == null ? null : epic.path("name").asText(),
                    epic == null ? null : epic.path("color").asText(null), item.path("sort").asInt()));
        }
        tasks.sort(Comparator.comparingInt(BacklogTask::sort).thenComparing(t -> Long.parseLong(t.id())));

        return new BacklogView(group, backlogId, name(scrum.names(), backlog.get().path("createdBy").asText()),
                name(scrum.names(), backlog.get().path("modifiedBy").asText()), fields, tasks, canManage);
    }

    private static ScrumGroup group(BatchResult first, String groupId) {
        Optional<BitrixApiException> error = first.error("group");
        if (error.isPresent()) {
            if ("SONET_CONTROLLER_WORKGROUP_NOT_FOUND".equals(error.get().code())) {
                throw new GroupNotFoundException(groupId);
            }
            throw error.get();
        }
        return ScrumGroup.fromGetResult(first.result("group"));
    }

    private static Optional<JsonNode> backlog(BatchResult first, ScrumGroup group) {
        Optional<BitrixApiException> error = first.error("backlog");
        if (error.isPresent()) {
            if ("Backlog not found".equals(error.get().description())) {
                return Optional.empty();
            }
            if ("Access denied".equals(error.get().description())) {
                // The user can see the group but not its tasks, for example in an open group they have not joined.
                throw new BacklogAccessDeniedException(group);
            }
            throw error.get();
        }
        return Optional.of(first.result("backlog"));
    }

    private static List<BacklogView.Field> fields(JsonNode result) {
        List<BacklogView.Field> fields = new ArrayList<>();
        result.path("fields").fields().forEachRemaining(f -> fields.add(new BacklogView.Field(f.getKey(), f.getValue().path("type").asText())));
        return fields;
    }

    private List<JsonNode> remainingTaskPages(PortalCredentials viewer, String groupId, int total, int fetched) {
        List<JsonNode> rows = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        for (int start = fetched; start < total; start += PAGE_SIZE) {
            starts.add(start);
        }
        for (int from = 0; from < starts.size(); from += Batch.MAX_COMMANDS) {
            Batch pages = Batch.create();
            List<Integer> chunk = starts.subList(from, Math.min(starts.size(), from + Batch.MAX_COMMANDS));
            chunk.forEach(start -> pages.add("p" + start, "tasks.task.list", taskListParams(groupId, start)));
            BatchResult result = bitrix.batch(viewer, pages);
            chunk.forEach(start -> result.result("p" + start).path("tasks").forEach(rows::add));
        }
        return rows;
    }

    /** Scrum items by task id and user names by user id. */
    private record ScrumData(Map<String, JsonNode> items, Map<String, String> names) {
    }

    private ScrumData scrumData(PortalCredentials viewer, List<JsonNode> taskRows, Set<String> userIds) {
        Map<String, JsonNode> items = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        List<String> taskIds = taskRows.stream().map(row -> row.path("id").asText()).toList();
        // The last batch also carries user.get, so a backlog of up to 49 tasks costs one request here.
        int index = 0;
        do {
            Batch batch = Batch.create();
            List<String> chunk = new ArrayList<>();
            while (index < taskIds.size() && batch.size() < Batch.MAX_COMMANDS - 1) {
                String id = taskIds.get(index++);
                chunk.add(id);
                batch.add("t" + id, "tasks.api.scrum.task.get", Map.of("id", id));
            }
            boolean last = index >= taskIds.size();
            if (last && !userIds.isEmpty()) {
                batch.add("users", "user.get", Map.of("FILTER", Map.of("ID", List.copyOf(userIds))));
            }
            if (batch.isEmpty()) {
                break;
            }
            BatchResult result = bitrix.batch(viewer, batch);
            for (String id : chunk) {
                // The portal returns "Task not found" for a task outside any backlog or sprint, so it is not in this backlog.
                if (result.succeeded("t" + id)) {
                    items.put(id, result.result("t" + id));
                }
            }
            if (last && result.succeeded("users")) {
                for (JsonNode user : result.result("users")) {
                    names.put(user.path("ID").asText(), (user.path("NAME").asText("") + " " + user.path("LAST_NAME").asText("")).trim());
                }
            }
        } while (index < taskIds.size());
        return new ScrumData(items, names);
    }

    private static Map<String, Object> taskListParams(String groupId, int start) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("filter", Map.of("GROUP_ID", groupId));
        params.put("select", TASK_SELECT);
        params.put("order", Map.of("ID", "asc"));
        params.put("start", start);
        return params;
    }

    private static void addUser(Set<String> ids, String id) {
        if (id != null && !id.isEmpty() && !"0".equals(id)) {
            ids.add(id);
        }
    }

    private static String name(Map<String, String> names, String id) {
        if (id == null || id.isEmpty() || "0".equals(id)) {
            return null;
        }
        String name = names.get(id);
        return name == null || name.isEmpty() ? "#" + id : name;
    }
}
