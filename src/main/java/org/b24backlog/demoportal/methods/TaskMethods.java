package org.b24backlog.demoportal.methods;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.b24backlog.demoportal.data.DemoGroup;
import org.b24backlog.demoportal.data.DemoTask;
import org.b24backlog.demoportal.data.PortalStore;
import org.b24backlog.demoportal.data.ScrumEntity;
import org.b24backlog.demoportal.data.ScrumItem;
import org.b24backlog.demoportal.install.BoundEvents;
import org.b24backlog.demoportal.rest.ListQuery;
import org.b24backlog.demoportal.rest.MethodRegistry;
import org.b24backlog.demoportal.rest.MethodResult;
import org.b24backlog.demoportal.rest.Params;
import org.b24backlog.demoportal.rest.RestCall;
import org.b24backlog.demoportal.rest.RestException;
import org.b24backlog.demoportal.rest.RestMethodGroup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.arc.profile.IfBuildProfile;

/**
 * {@code tasks.task.list}, {@code tasks.task.get} and {@code tasks.task.add}. Tasks come back with camelCase keys and
 * string values. The list accepts the documented {@code BACKLOG_ID} and {@code SPRINT_ID} filters.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = { "dev", "test" })
public class TaskMethods implements RestMethodGroup {

    private static final List<String> SELECTABLE = List.of("ID", "TITLE", "DESCRIPTION", "STATUS", "REAL_STATUS",
            "PRIORITY", "GROUP_ID", "RESPONSIBLE_ID", "CREATED_BY", "CREATED_DATE", "CHANGED_DATE", "DEADLINE");

    private static final Set<String> FILTER_FIELDS = Set.of("ID", "TITLE", "STATUS", "REAL_STATUS", "PRIORITY",
            "GROUP_ID", "RESPONSIBLE_ID", "CREATED_BY", "BACKLOG_ID", "SPRINT_ID", "CREATED_DATE", "CHANGED_DATE",
            "DEADLINE");

    @Inject
    PortalStore store;

    @Inject
    BoundEvents boundEvents;

    @Override
    public void registerTo(MethodRegistry registry) {
        registry.register("tasks.task.list", "task", this::list);
        registry.register("tasks.task.get", "task", this::get);
        registry.register("tasks.task.add", "task", this::add);
    }

    private MethodResult list(RestCall call) {
        ObjectNode params = call.params();
        List<DemoTask> visible = store.tasks(task -> canSeeTask(store, call.userId(), task));
        JsonNode order = params.get("order");
        if (order == null || !order.isObject() || order.isEmpty()) {
            order = JsonNodeFactory.instance.objectNode().put("ID", "asc");
        }
        List<DemoTask> rows = ListQuery.filterAndOrder(visible, this::fields, params.get("filter"), order,
                FILTER_FIELDS);
        ListQuery.Page<DemoTask> page = ListQuery.page(rows, params.get("start"));
        List<String> select = selection(params.get("select"));
        ArrayNode tasks = JsonNodeFactory.instance.arrayNode();
        page.rows().forEach(task -> tasks.add(render(task, select)));
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.set("tasks", tasks);
        return page.toResult(result);
    }

    // NOTE: the ERROR_CORE code and wording of the tasks.task.* errors are this portal's; Bitrix24 returns
    // localized texts that were not checked here.
    private MethodResult get(RestCall call) {
        Integer taskId = Params.asInt(Params.first(call.params(), "taskId", "id", "TASK_ID"));
        DemoTask task = taskId == null ? null : store.task(taskId).orElse(null);
        if (task == null || !canSeeTask(store, call.userId(), task)) {
            throw RestException.of(400, "ERROR_CORE", "Task " + taskId + " was not found or you have no access to it.");
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.set("task", render(task, selection(call.params().get("select"))));
        return MethodResult.of(result);
    }

    private MethodResult add(RestCall call) {
        JsonNode fields = Params.first(call.params(), "fields", "FIELDS");
        String title = fields.path("TITLE").asText("").trim();
        if (title.isEmpty()) {
            throw RestException.of(400, "ERROR_CORE", "The task title is missing: pass fields[TITLE].");
        }
        int responsibleId = Params.asInt(fields.path("RESPONSIBLE_ID"), call.userId());
        if (store.user(responsibleId).isEmpty()) {
            throw RestException.of(400, "ERROR_CORE", "Responsible user " + responsibleId + " was not found.");
        }
        int groupId = Params.asInt(fields.path("GROUP_ID"), 0);
        if (groupId != 0 && !store.canReadGroupTasks(call.userId(), groupId)) {
            throw RestException.of(400, "ERROR_CORE", "You cannot add tasks to workgroup " + groupId + ".");
        }
        int id = store.nextTaskId();
        ScrumItem item = store.group(groupId)
                .filter(DemoGroup::isScrum)
                .flatMap(group -> store.backlogOf(group.id()))
                .map(backlog -> new ScrumItem(backlog.id(), "", 0, store.nextSortIn(backlog.id()), call.userId(),
                        call.userId()))
                .orElse(null);
        OffsetDateTime now = OffsetDateTime.now().withNano(0);
        DemoTask task = new DemoTask(id, title, fields.path("DESCRIPTION").asText(""),
                Params.asInt(fields.path("STATUS"), DemoTask.STATUS_PENDING), Params.asInt(fields.path("PRIORITY"), 1),
                groupId, responsibleId, call.userId(), now, now, null, item);
        store.putTask(task);
        boundEvents.taskChanged("ONTASKADD", task.id(), call.userId());
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.set("task", render(task, SELECTABLE));
        return MethodResult.of(result);
    }

    /** Tells whether the user sees the task: administrators, those who may read its group's tasks, and its responsible person and creator do. */
    static boolean canSeeTask(PortalStore store, int userId, DemoTask task) {
        return store.isAdmin(userId)
                || (task.groupId() != 0 && store.canReadGroupTasks(userId, task.groupId()))
                || task.responsibleId() == userId
                || task.createdBy() == userId;
    }

    private static List<String> selection(JsonNode select) {
        List<String> requested = Params.asList(select).stream()
                .map(node -> node.asText().toUpperCase(Locale.ROOT))
                .filter(SELECTABLE::contains)
                .toList();
        return requested.isEmpty() ? SELECTABLE : requested;
    }

    private Map<String, Object> fields(DemoTask task) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("ID", task.id());
        fields.put("TITLE", task.title());
        fields.put("DESCRIPTION", task.description());
        fields.put("STATUS", task.status());
        fields.put("REAL_STATUS", task.status());
        fields.put("PRIORITY", task.priority());
        fields.put("GROUP_ID", task.groupId());
        fields.put("RESPONSIBLE_ID", task.responsibleId());
        fields.put("CREATED_BY", task.createdBy());
        fields.put("CREATED_DATE", task.createdDate().toString());
        fields.put("CHANGED_DATE", task.changedDate().toString());
        fields.put("DEADLINE", task.deadline() == null ? null : task.deadline().toString());
        ScrumEntity entity = task.scrumItem() == null ? null : store.entity(task.entityId()).orElse(null);
        fields.put("BACKLOG_ID", entity != null && entity.isBacklog() ? entity.id() : 0);
        fields.put("SPRINT_ID", entity != null && !entity.isBacklog() ? entity.id() : 0);
        return fields;
    }

    private ObjectNode render(DemoTask task, List<String> select) {
        Map<String, Object> fields = fields(task);
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", String.valueOf(task.id()));
        for (String field : select) {
            Object value = fields.get(field);
            node.put(WorkgroupMethods.camelCase(field), value == null ? null : String.valueOf(value));
        }
        return node;
    }
}
