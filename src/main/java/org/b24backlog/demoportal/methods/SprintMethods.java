package org.b24backlog.demoportal.methods;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.b24backlog.demoportal.data.PortalStore;
import org.b24backlog.demoportal.data.ScrumEntity;
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

/** {@code tasks.api.scrum.sprint.list}, {@code sprint.get} and {@code sprint.getFields}; sprints are read-only here. */
@ApplicationScoped
@IfBuildProfile(anyOf = { "dev", "test" })
public class SprintMethods implements RestMethodGroup {

    private static final Set<String> LIST_FIELDS = Set.of("ID", "GROUP_ID", "NAME", "SORT", "CREATED_BY",
            "MODIFIED_BY", "DATE_START", "DATE_END", "STATUS");

    @Inject
    PortalStore store;

    @Override
    public void registerTo(MethodRegistry registry) {
        registry.register("tasks.api.scrum.sprint.list", "task", this::list);
        registry.register("tasks.api.scrum.sprint.get", "task", this::get);
        registry.register("tasks.api.scrum.sprint.getFields", "task", call -> MethodResult.of(fieldsDescription()));
    }

    private MethodResult list(RestCall call) {
        ObjectNode params = call.params();
        List<ScrumEntity> rows = ListQuery.filterAndOrder(store.sprints(), SprintMethods::fields, params.get("filter"),
                params.get("order"), LIST_FIELDS);
        ListQuery.Page<ScrumEntity> page = ListQuery.page(rows, params.get("start"));
        List<String> select = Params.asList(params.get("select")).stream().map(JsonNode::asText).toList();
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        page.rows().forEach(sprint -> result.add(ScrumLists.select(render(sprint), select)));
        return ScrumLists.controllerPage(page, params.get("start")).toResult(result);
    }

    private MethodResult get(RestCall call) {
        int id = Params.requiredInt(call.params(), "id");
        if (id == 0) {
            throw RestException.scrum("Sprint id not found");
        }
        ScrumEntity sprint = store.entity(id)
                .filter(entity -> !entity.isBacklog())
                .orElseThrow(() -> RestException.scrum("Sprint not found"));
        ScrumChecks.requireTaskAccess(store, call, sprint.groupId());
        return MethodResult.of(render(sprint));
    }

    static Map<String, Object> fields(ScrumEntity sprint) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("ID", sprint.id());
        fields.put("GROUP_ID", sprint.groupId());
        fields.put("NAME", sprint.name());
        fields.put("SORT", sprint.sort());
        fields.put("CREATED_BY", sprint.createdBy());
        fields.put("MODIFIED_BY", sprint.modifiedBy());
        fields.put("DATE_START", sprint.dateStart().toString());
        fields.put("DATE_END", sprint.dateEnd().toString());
        fields.put("STATUS", sprint.status());
        return fields;
    }

    static ObjectNode render(ScrumEntity sprint) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", sprint.id());
        node.put("groupId", sprint.groupId());
        node.put("entityType", sprint.entityType());
        node.put("name", sprint.name());
        node.put("goal", sprint.goal());
        node.put("sort", sprint.sort());
        node.put("createdBy", sprint.createdBy());
        node.put("modifiedBy", sprint.modifiedBy());
        node.put("dateStart", sprint.dateStart().toString());
        node.put("dateEnd", sprint.dateEnd().toString());
        node.put("status", sprint.status());
        return node;
    }

    private static ObjectNode fieldsDescription() {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        ObjectNode fields = result.putObject("fields");
        fields.putObject("groupId").put("type", "integer");
        fields.putObject("name").put("type", "string");
        fields.putObject("sort").put("type", "integer");
        fields.putObject("createdBy").put("type", "integer");
        fields.putObject("modifiedBy").put("type", "integer");
        fields.putObject("dateStart").put("type", "string");
        fields.putObject("dateEnd").put("type", "string");
        fields.putObject("status").put("type", "string");
        return result;
    }
}
