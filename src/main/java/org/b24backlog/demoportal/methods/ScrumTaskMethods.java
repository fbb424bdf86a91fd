package org.b24backlog.demoportal.methods;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.b24backlog.demoportal.data.DemoTask;
import org.b24backlog.demoportal.data.PortalStore;
import org.b24backlog.demoportal.data.ScrumEntity;
import org.b24backlog.demoportal.data.ScrumItem;
import org.b24backlog.demoportal.rest.MethodRegistry;
import org.b24backlog.demoportal.rest.MethodResult;
import org.b24backlog.demoportal.rest.Params;
import org.b24backlog.demoportal.rest.RestCall;
import org.b24backlog.demoportal.rest.RestException;
import org.b24backlog.demoportal.rest.RestMethodGroup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.arc.profile.IfBuildProfile;

/**
 * {@code tasks.api.scrum.task.get}, {@code update} and {@code getFields}: the Scrum row of a task, holding its
 * backlog or sprint ({@code entityId}), {@code storyPoints} (always a string), {@code epicId} and {@code sort}.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = { "dev", "test" })
public class ScrumTaskMethods implements RestMethodGroup {

    @Inject
    PortalStore store;

    @Override
    public void registerTo(MethodRegistry registry) {
        registry.register("tasks.api.scrum.task.get", "task", this::get);
        registry.register("tasks.api.scrum.task.update", "task", this::update);
        registry.register("tasks.api.scrum.task.getFields", "task", call -> MethodResult.of(fieldsDescription()));
    }

    private MethodResult get(RestCall call) {
        int id = Params.requiredInt(call.params(), "id");
        if (id == 0) {
            throw RestException.scrum("Task id not found");
        }
        DemoTask task = store.task(id)
                .filter(t -> t.scrumItem() != null)
                .orElseThrow(() -> RestException.scrum("Task not found"));
        ScrumChecks.requireTaskAccess(store, call, task.groupId());
        return MethodResult.of(render(task.scrumItem()));
    }

    /** Creates or updates the Scrum row of a task, with the checks of the Bitrix24 controller in their order. */
    private MethodResult update(RestCall call) {
        int id = Params.requiredInt(call.params(), "id");
        ObjectNode fields = Params.requiredObject(call.params(), "fields");
        if (id == 0) {
            throw RestException.scrum("Task id not found");
        }
        DemoTask task = store.task(id).orElse(null);
        ScrumItem current = task == null ? null : task.scrumItem();

        int entityId = Params.asInt(fields.get("entityId"), current == null ? 0 : current.entityId());
        if (entityId == 0) {
            throw RestException.scrum("Entity id not found");
        }
        ScrumEntity target = store.entity(entityId).orElseThrow(() -> RestException.scrum("Entity not found."));
        ScrumChecks.requireTaskAccess(store, call, target.groupId());
        if (current != null) {
            ScrumEntity currentEntity = store.entity(current.entityId()).orElse(null);
            if (currentEntity != null) {
                ScrumChecks.requireTaskAccess(store, call, currentEntity.groupId());
            }
        }
        if (task == null || !canSeeTask(call, task)) {
            throw RestException.scrum("Task not found.");
        }
        ScrumChecks.requireTaskAccess(store, call, task.groupId());
        if (task.groupId() != target.groupId()) {
            throw RestException.scrum("Access denied");
        }

        int epicId = current == null ? 0 : current.epicId();
        if (fields.has("epicId")) {
            int requested = Params.asInt(fields.get("epicId"), 0);
            // Epic 0 cannot detach an epic: the Bitrix24 code looks it up like any other id.
            if (store.epic(requested).isEmpty()) {
                throw RestException.scrum("Epic not found");
            }
            epicId = requested;
        }

        int createdBy = current == null ? call.userId() : current.createdBy();
        if (fields.has("createdBy")) {
            createdBy = ScrumChecks.existingUserOrZero(store, fields.get("createdBy"), "createdBy");
        }
        int modifiedBy = call.userId();
        if (fields.has("modifiedBy")) {
            modifiedBy = ScrumChecks.existingUserOrZero(store, fields.get("modifiedBy"), "modifiedBy");
        }

        String storyPoints = current == null ? "" : current.storyPoints();
        JsonNode points = fields.get("storyPoints");
        // Only a JSON string changes the estimate; the Bitrix24 code silently ignores a number.
        if (points != null && points.isTextual()) {
            storyPoints = points.asText();
        }
        int sort = Params.asInt(fields.get("sort"), current == null || current.entityId() != entityId
                ? store.nextSortIn(entityId)
                : current.sort());
        store.putTask(task.withScrumItem(new ScrumItem(entityId, storyPoints, epicId, sort, createdBy, modifiedBy)));
        return MethodResult.of(BooleanNode.TRUE);
    }

    private boolean canSeeTask(RestCall call, DemoTask task) {
        return TaskMethods.canSeeTask(store, call.userId(), task);
    }

    static ObjectNode render(ScrumItem item) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("entityId", item.entityId());
        node.put("storyPoints", item.storyPoints());
        node.put("epicId", item.epicId());
        node.put("sort", item.sort());
        node.put("createdBy", item.createdBy());
        node.put("modifiedBy", item.modifiedBy());
        return node;
    }

    private static ObjectNode fieldsDescription() {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        ObjectNode fields = result.putObject("fields");
        fields.putObject("entityId").put("type", "integer");
        fields.putObject("storyPoints").put("type", "string");
        fields.putObject("epicId").put("type", "integer");
        fields.putObject("sort").put("type", "integer");
        fields.putObject("createdBy").put("type", "integer");
        fields.putObject("modifiedBy").put("type", "integer");
        return result;
    }
}
