package org.b24backlog.demoportal.methods;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.b24backlog.demoportal.data.PortalStore;
import org.b24backlog.demoportal.data.ScrumEntity;
import org.b24backlog.demoportal.rest.MethodRegistry;
import org.b24backlog.demoportal.rest.MethodResult;
import org.b24backlog.demoportal.rest.Params;
import org.b24backlog.demoportal.rest.RestCall;
import org.b24backlog.demoportal.rest.RestException;
import org.b24backlog.demoportal.rest.RestMethodGroup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.arc.profile.IfBuildProfile;

/**
 * {@code tasks.api.scrum.backlog.*}. The checks run in the order of the Bitrix24 controller code, with its exact
 * messages. The only permission check is read access to the group's tasks, even for add, update and delete.
 * {@code get} takes the group id while {@code update} and {@code delete} take the backlog id.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = { "dev", "test" })
public class BacklogMethods implements RestMethodGroup {

    @Inject
    PortalStore store;

    @Override
    public void registerTo(MethodRegistry registry) {
        registry.register("tasks.api.scrum.backlog.add", "task", this::add);
        registry.register("tasks.api.scrum.backlog.update", "task", this::update);
        registry.register("tasks.api.scrum.backlog.get", "task", this::get);
        registry.register("tasks.api.scrum.backlog.delete", "task", this::delete);
        registry.register("tasks.api.scrum.backlog.getFields", "task", call -> MethodResult.of(fieldsDescription()));
    }

    private MethodResult add(RestCall call) {
        ObjectNode fields = Params.requiredObject(call.params(), "fields");
        int groupId = Params.asInt(fields.get("groupId"), 0);
        if (groupId == 0) {
            throw RestException.scrum("Group id not found");
        }
        requireTaskAccess(call, groupId);
        if (store.backlogOf(groupId).isPresent()) {
            throw RestException.scrum("Backlog already added");
        }
        // Omitted createdBy and modifiedBy are stored as 0, not as the calling user, as in the Bitrix24 code.
        int createdBy = existingUserOrZero(fields.get("createdBy"), "createdBy");
        int modifiedBy = existingUserOrZero(fields.get("modifiedBy"), "modifiedBy");
        ScrumEntity backlog = store.addBacklog(groupId, createdBy, modifiedBy);
        return MethodResult.of(render(backlog));
    }

    private MethodResult update(RestCall call) {
        int id = Params.requiredInt(call.params(), "id");
        ObjectNode fields = Params.requiredObject(call.params(), "fields");
        if (id == 0) {
            throw RestException.scrum("Backlog id not found");
        }
        ScrumEntity backlog = findBacklog(id);
        requireTaskAccess(call, backlog.groupId());

        int groupId = Params.asInt(fields.get("groupId"), backlog.groupId());
        if (groupId != backlog.groupId()) {
            if (store.countItemsIn(backlog.id()) > 0) {
                throw RestException.scrum("It is forbidden move a backlog with items");
            }
            requireTaskAccess(call, groupId);
            if (store.backlogOf(groupId).isPresent()) {
                throw RestException.scrum("The target group already has a backlog");
            }
        }
        int createdBy = backlog.createdBy();
        if (fields.has("createdBy")) {
            createdBy = existingUserOrZero(fields.get("createdBy"), "createdBy");
        }
        // The Bitrix24 code resets modifiedBy to 0 when it is not passed; newer cloud versions may differ.
        int modifiedBy = existingUserOrZero(fields.get("modifiedBy"), "modifiedBy");
        ScrumEntity updated = backlog.withBacklogFields(groupId, createdBy, modifiedBy);
        store.updateEntity(updated);
        return MethodResult.of(render(updated));
    }

    private MethodResult get(RestCall call) {
        int groupId = Params.requiredInt(call.params(), "id");
        if (groupId == 0) {
            throw RestException.scrum("Group id not found");
        }
        // Existence is checked before access, so a user without access may still learn that no backlog exists.
        ScrumEntity backlog = store.backlogOf(groupId).orElseThrow(() -> RestException.scrum("Backlog not found"));
        requireTaskAccess(call, groupId);
        return MethodResult.of(render(backlog));
    }

    private MethodResult delete(RestCall call) {
        int id = Params.requiredInt(call.params(), "id");
        if (id == 0) {
            throw RestException.scrum("Backlog id not found");
        }
        ScrumEntity backlog = findBacklog(id);
        requireTaskAccess(call, backlog.groupId());
        if (store.countItemsIn(backlog.id()) > 0) {
            throw RestException.scrum("It is forbidden remove a backlog with items");
        }
        if (!store.deleteEntity(backlog.id())) {
            throw RestException.scrum("Backlog not deleted");
        }
        return MethodResult.of(JsonNodeFactory.instance.arrayNode());
    }

    /** Finds a backlog by its entity id; a sprint id counts as not found. */
    private ScrumEntity findBacklog(int id) {
        return store.entity(id)
                .filter(ScrumEntity::isBacklog)
                .orElseThrow(() -> RestException.scrum("Backlog not found"));
    }

    private void requireTaskAccess(RestCall call, int groupId) {
        ScrumChecks.requireTaskAccess(store, call, groupId);
    }

    private int existingUserOrZero(JsonNode value, String field) {
        return ScrumChecks.existingUserOrZero(store, value, field);
    }

    static ObjectNode render(ScrumEntity backlog) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", backlog.id());
        node.put("groupId", backlog.groupId());
        node.put("createdBy", backlog.createdBy());
        node.put("modifiedBy", backlog.modifiedBy());
        return node;
    }

    private static ObjectNode fieldsDescription() {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        ObjectNode fields = result.putObject("fields");
        fields.putObject("groupId").put("type", "integer");
        fields.putObject("createdBy").put("type", "integer");
        fields.putObject("modifiedBy").put("type", "integer");
        return result;
    }
}
