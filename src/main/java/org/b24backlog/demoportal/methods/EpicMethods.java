package org.b24backlog.demoportal.methods;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.b24backlog.demoportal.data.DemoEpic;
import org.b24backlog.demoportal.data.DemoTask;
import org.b24backlog.demoportal.data.PortalStore;
import org.b24backlog.demoportal.data.ScrumItem;
import org.b24backlog.demoportal.rest.ListQuery;
import org.b24backlog.demoportal.rest.MethodRegistry;
import org.b24backlog.demoportal.rest.MethodResult;
import org.b24backlog.demoportal.rest.Params;
import org.b24backlog.demoportal.rest.RestCall;
import org.b24backlog.demoportal.rest.RestException;
import org.b24backlog.demoportal.rest.RestMethodGroup;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.quarkus.arc.profile.IfBuildProfile;

/**
 * {@code tasks.api.scrum.epic.*}. Each call on one epic checks read access to the epic's group. The list is not
 * restricted by permissions, because the Bitrix24 documentation does not say it is; callers filter by
 * {@code GROUP_ID}.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = { "dev", "test" })
public class EpicMethods implements RestMethodGroup {

    static final Set<String> LIST_FIELDS = Set.of("ID", "GROUP_ID", "NAME", "DESCRIPTION", "CREATED_BY",
            "MODIFIED_BY", "COLOR");

    @Inject
    PortalStore store;

    @Override
    public void registerTo(MethodRegistry registry) {
        registry.register("tasks.api.scrum.epic.add", "task", this::add);
        registry.register("tasks.api.scrum.epic.update", "task", this::update);
        registry.register("tasks.api.scrum.epic.get", "task", this::get);
        registry.register("tasks.api.scrum.epic.list", "task", this::list);
        registry.register("tasks.api.scrum.epic.delete", "task", this::delete);
        registry.register("tasks.api.scrum.epic.getFields", "task", call -> MethodResult.of(fieldsDescription()));
    }

    private MethodResult add(RestCall call) {
        ObjectNode fields = Params.requiredObject(call.params(), "fields");
        int groupId = Params.asInt(fields.get("groupId"), 0);
        if (groupId == 0) {
            throw RestException.scrum("Group id not found");
        }
        String name = fields.path("name").asText("").trim();
        if (name.isEmpty()) {
            throw RestException.scrum("Name not found");
        }
        ScrumChecks.requireTaskAccess(store, call, groupId);
        int createdBy = call.userId();
        if (fields.has("createdBy")) {
            createdBy = ScrumChecks.existingUserOrZero(store, fields.get("createdBy"), "createdBy");
        }
        DemoEpic epic = new DemoEpic(store.nextEpicId(), groupId, name, fields.path("description").asText(""),
                createdBy, createdBy, fields.path("color").asText("#69dafc"), List.of());
        store.putEpic(epic);
        return MethodResult.of(render(epic));
    }

    private MethodResult update(RestCall call) {
        int id = Params.requiredInt(call.params(), "id");
        ObjectNode fields = Params.requiredObject(call.params(), "fields");
        DemoEpic epic = findEpic(id);
        ScrumChecks.requireTaskAccess(store, call, epic.groupId());
        int groupId = Params.asInt(fields.get("groupId"), epic.groupId());
        if (groupId != epic.groupId()) {
            ScrumChecks.requireTaskAccess(store, call, groupId);
        }

        int createdBy = epic.createdBy();
        if (fields.has("createdBy")) {
            createdBy = ScrumChecks.existingUserOrZero(store, fields.get("createdBy"), "createdBy");
        }
        int modifiedBy = call.userId();
        if (fields.has("modifiedBy")) {
            modifiedBy = ScrumChecks.existingUserOrZero(store, fields.get("modifiedBy"), "modifiedBy");
        }

        List<Integer> files = epic.files();
        if (fields.has("files")) {
            // An empty list removes all files; "n123" attaches disk file 123.
            files = new ArrayList<>();
            for (var file : Params.asList(fields.get("files"))) {
                Integer fileId = Params.asInt(TextNode.valueOf(file.asText().replaceFirst("^n", "")));
                if (fileId != null) {
                    files.add(fileId);
                }
            }
        }

        DemoEpic updated = new DemoEpic(epic.id(), groupId, fields.path("name").asText(epic.name()),
                fields.path("description").asText(epic.description()), createdBy, modifiedBy,
                fields.path("color").asText(epic.color()), List.copyOf(files));
        store.putEpic(updated);
        return MethodResult.of(render(updated));
    }

    private MethodResult get(RestCall call) {
        DemoEpic epic = findEpic(Params.requiredInt(call.params(), "id"));
        ScrumChecks.requireTaskAccess(store, call, epic.groupId());
        ObjectNode node = render(epic);
        ObjectNode files = node.putObject("files");
        files.put("ID", "101");
        files.put("ENTITY_ID", "TASKS_SCRUM_EPIC");
        files.put("FIELD_NAME", "UF_SCRUM_EPIC_FILES");
        files.put("USER_TYPE_ID", "disk_file");
        files.put("XML_ID", "");
        files.put("SORT", "100");
        files.put("MULTIPLE", "Y");
        files.put("MANDATORY", "N");
        ArrayNode value = files.putArray("VALUE");
        epic.files().forEach(value::add);
        return MethodResult.of(node);
    }

    private MethodResult list(RestCall call) {
        ObjectNode params = call.params();
        List<DemoEpic> rows = ListQuery.filterAndOrder(store.epics(), EpicMethods::fields, params.get("filter"),
                params.get("order"), LIST_FIELDS);
        ListQuery.Page<DemoEpic> page = ListQuery.page(rows, params.get("start"));
        List<String> select = Params.asList(params.get("select")).stream().map(node -> node.asText()).toList();
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        page.rows().forEach(epic -> result.add(ScrumLists.select(render(epic), select)));
        return ScrumLists.controllerPage(page, params.get("start")).toResult(result);
    }

    private MethodResult delete(RestCall call) {
        DemoEpic epic = findEpic(Params.requiredInt(call.params(), "id"));
        ScrumChecks.requireTaskAccess(store, call, epic.groupId());
        if (!store.deleteEpic(epic.id())) {
            throw RestException.scrum("Epic not deleted");
        }
        for (DemoTask task : store.tasks(t -> t.scrumItem() != null && t.scrumItem().epicId() == epic.id())) {
            ScrumItem item = task.scrumItem();
            store.putTask(task.withScrumItem(new ScrumItem(item.entityId(), item.storyPoints(), 0, item.sort(),
                    item.createdBy(), call.userId())));
        }
        return MethodResult.of(JsonNodeFactory.instance.arrayNode());
    }

    private DemoEpic findEpic(int id) {
        return store.epic(id).orElseThrow(() -> RestException.scrum("Epic not found"));
    }

    static Map<String, Object> fields(DemoEpic epic) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("ID", epic.id());
        fields.put("GROUP_ID", epic.groupId());
        fields.put("NAME", epic.name());
        fields.put("DESCRIPTION", epic.description());
        fields.put("CREATED_BY", epic.createdBy());
        fields.put("MODIFIED_BY", epic.modifiedBy());
        fields.put("COLOR", epic.color());
        return fields;
    }

    static ObjectNode render(DemoEpic epic) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", epic.id());
        node.put("groupId", epic.groupId());
        node.put("name", epic.name());
        node.put("description", epic.description());
        node.put("createdBy", epic.createdBy());
        node.put("modifiedBy", epic.modifiedBy());
        node.put("color", epic.color());
        return node;
    }

    private static ObjectNode fieldsDescription() {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        ObjectNode fields = result.putObject("fields");
        fields.putObject("name").put("type", "string");
        fields.putObject("description").put("type", "string");
        fields.putObject("groupId").put("type", "integer");
        fields.putObject("color").put("type", "string");
        fields.putObject("files").put("type", "array");
        fields.putObject("createdBy").put("type", "integer");
        fields.putObject("modifiedBy").put("type", "integer");
        return result;
    }
}
