package org.b24backlog.demoportal.methods;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.b24backlog.demoportal.PortalUrls;
import org.b24backlog.demoportal.data.DemoUser;
import org.b24backlog.demoportal.data.PortalStore;
import org.b24backlog.demoportal.rest.ListQuery;
import org.b24backlog.demoportal.rest.MethodRegistry;
import org.b24backlog.demoportal.rest.MethodResult;
import org.b24backlog.demoportal.rest.Params;
import org.b24backlog.demoportal.rest.RestCall;
import org.b24backlog.demoportal.rest.RestDispatcher;
import org.b24backlog.demoportal.rest.RestMethodGroup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.arc.profile.IfBuildProfile;

/** {@code user.current}, {@code user.get} and {@code user.admin}. */
@ApplicationScoped
@IfBuildProfile(anyOf = { "dev", "test" })
public class UserMethods implements RestMethodGroup {

    private static final Set<String> FILTER_FIELDS = Set.of("ID", "ACTIVE", "NAME", "LAST_NAME", "EMAIL",
            "WORK_POSITION", "UF_DEPARTMENT", "IS_ONLINE", "USER_TYPE");

    @Inject
    PortalStore store;

    @Inject
    PortalUrls urls;

    @Override
    public void registerTo(MethodRegistry registry) {
        registry.register("user.current", "user_brief", this::current);
        registry.register("user.get", "user_brief", this::get);
        registry.register("user.admin", RestDispatcher.BASIC_SCOPE,
                call -> MethodResult.of(BooleanNode.valueOf(call.admin())));
    }

    private MethodResult current(RestCall call) {
        DemoUser user = store.user(call.userId()).orElseThrow();
        return MethodResult.of(render(user, List.of()));
    }

    private MethodResult get(RestCall call) {
        JsonNode filter = Params.first(call.params(), "FILTER", "filter");
        if (filter.isMissingNode()) {
            filter = filterFromTopLevel(call.params());
        }
        ObjectNode order = JsonNodeFactory.instance.objectNode();
        String sortField = Params.first(call.params(), "sort", "SORT").asText("ID");
        order.put(sortField, Params.first(call.params(), "order", "ORDER").asText("ASC"));
        List<DemoUser> users = ListQuery.filterAndOrder(store.users(), UserMethods::fields, filter, order,
                FILTER_FIELDS);
        ListQuery.Page<DemoUser> page = ListQuery.page(users, call.params().get("start"));
        List<String> select = Params.asList(Params.first(call.params(), "select", "SELECT")).stream()
                .map(JsonNode::asText)
                .toList();
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        page.rows().forEach(user -> result.add(render(user, select)));
        return page.toResult(result);
    }

    /** Older clients pass filter fields such as {@code ID} at the top level instead of inside {@code FILTER}. */
    private static ObjectNode filterFromTopLevel(ObjectNode params) {
        ObjectNode filter = JsonNodeFactory.instance.objectNode();
        params.fields().forEachRemaining(field -> {
            if (FILTER_FIELDS.contains(field.getKey().replaceAll("^[!=<>%@]+", ""))) {
                filter.set(field.getKey(), field.getValue());
            }
        });
        return filter;
    }

    static Map<String, Object> fields(DemoUser user) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("ID", user.id());
        fields.put("ACTIVE", user.active());
        fields.put("NAME", user.name());
        fields.put("LAST_NAME", user.lastName());
        fields.put("EMAIL", user.email());
        fields.put("WORK_POSITION", user.workPosition());
        fields.put("UF_DEPARTMENT", user.departmentId());
        fields.put("IS_ONLINE", "N");
        fields.put("USER_TYPE", "employee");
        return fields;
    }

    /** A user as Bitrix24 returns it: the id as a string, {@code ACTIVE} as a boolean, departments as numbers. */
    private ObjectNode render(DemoUser user, List<String> select) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("ID", String.valueOf(user.id()));
        node.put("ACTIVE", user.active());
        node.put("NAME", user.name());
        node.put("LAST_NAME", user.lastName());
        node.put("EMAIL", user.email());
        node.put("IS_ONLINE", user.id() == 1 ? "Y" : "N");
        node.put("WORK_POSITION", user.workPosition());
        node.putArray("UF_DEPARTMENT").add(user.departmentId());
        node.put("PERSONAL_PHOTO", urls.portalBaseUrl() + "/demo-portal/static/avatar/" + user.id() + ".svg");
        node.put("USER_TYPE", "employee");
        if (select.isEmpty() || select.contains("*")) {
            return node;
        }
        node.retain(select.stream().map(String::toUpperCase).toList());
        node.put("ID", String.valueOf(user.id()));
        return node;
    }
}
