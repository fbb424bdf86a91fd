package org.b24backlog.demoportal.methods;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.b24backlog.demoportal.data.DemoGroup;
import org.b24backlog.demoportal.data.GroupRole;
import org.b24backlog.demoportal.data.PortalStore;
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
 * {@code socialnetwork.api.workgroup.list} (camelCase keys, string values, nested under {@code workgroups}) and
 * {@code socialnetwork.api.workgroup.get} (parameters nested under {@code params}, UPPERCASE keys).
 */
@ApplicationScoped
@IfBuildProfile(anyOf = { "dev", "test" })
public class WorkgroupMethods implements RestMethodGroup {

    /** Filter keys documented for {@code workgroup.list}; {@code TYPE} and {@code SCRUM_MASTER_ID} are not among them. */
    private static final Set<String> FILTER_FIELDS = Set.of("ID", "NAME", "OWNER_ID", "ACTIVE", "VISIBLE", "OPENED",
            "CLOSED", "PROJECT", "SUBJECT_ID", "SITE_ID", "DATE_CREATE", "DATE_UPDATE", "DATE_ACTIVITY");

    private static final Set<String> SELECTABLE = Set.of("ID", "ACTIVE", "SUBJECT_ID", "NAME", "DESCRIPTION",
            "KEYWORDS", "CLOSED", "VISIBLE", "OPENED", "PROJECT", "LANDING", "DATE_CREATE", "DATE_UPDATE",
            "DATE_ACTIVITY", "IMAGE_ID", "AVATAR_TYPE", "OWNER_ID", "NUMBER_OF_MEMBERS", "NUMBER_OF_MODERATORS",
            "INITIATE_PERMS", "PROJECT_DATE_START", "PROJECT_DATE_FINISH", "SCRUM_OWNER_ID", "SCRUM_MASTER_ID",
            "SCRUM_SPRINT_DURATION", "SCRUM_TASK_RESPONSIBLE", "TYPE", "AVATAR");

    private static final DateTimeFormatter BITRIX_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");
    private static final long SPRINT_DURATION_SECONDS = 14 * 24 * 3600;

    @Inject
    PortalStore store;

    @Override
    public void registerTo(MethodRegistry registry) {
        registry.register("socialnetwork.api.workgroup.list", "sonet_group", this::list);
        registry.register("socialnetwork.api.workgroup.get", "sonet_group", this::get);
    }

    private MethodResult list(RestCall call) {
        ObjectNode params = call.params();
        boolean adminMode = call.admin() && params.path("params").path("IS_ADMIN").asText("").equals("Y");
        List<DemoGroup> visible = store.groups().stream()
                .filter(group -> adminMode || store.canSeeGroup(call.userId(), group.id()))
                .toList();
        List<DemoGroup> rows = ListQuery.filterAndOrder(visible, WorkgroupMethods::fields, params.get("filter"),
                params.get("order"), FILTER_FIELDS);
        ListQuery.Page<DemoGroup> page = ListQuery.page(rows, params.get("start"));

        List<String> select = Params.asList(params.get("select")).stream()
                .map(node -> node.asText().toUpperCase(Locale.ROOT))
                .filter(SELECTABLE::contains)
                .toList();
        ArrayNode workgroups = JsonNodeFactory.instance.arrayNode();
        for (DemoGroup group : page.rows()) {
            Map<String, Object> fields = fields(group);
            ObjectNode node = workgroups.addObject();
            node.put("id", String.valueOf(group.id()));
            for (String field : select) {
                Object value = fields.get(field);
                node.put(camelCase(field), value == null ? null : String.valueOf(value));
            }
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.set("workgroups", workgroups);
        return page.toResult(result);
    }

    private MethodResult get(RestCall call) {
        JsonNode inner = call.params().path("params");
        Integer groupId = Params.asInt(inner.path("groupId"));
        if (groupId == null) {
            groupId = Params.asInt(inner.path("GROUP_ID"));
        }
        if (groupId == null || groupId <= 0) {
            throw RestException.of(400, "SONET_CONTROLLER_WORKGROUP_EMPTY",
                    "No value for the workgroup ID was provided.");
        }
        int id = groupId;
        DemoGroup group = store.group(id)
                .filter(g -> store.canSeeGroup(call.userId(), g.id()))
                .orElseThrow(() -> RestException.of(400, "SONET_CONTROLLER_WORKGROUP_NOT_FOUND",
                        "The workgroup was not found or you have no access to it."));
        List<String> select = Params.asList(inner.path("select")).stream().map(JsonNode::asText).toList();
        return MethodResult.of(renderDetail(group, call.userId(), select));
    }

    private ObjectNode renderDetail(DemoGroup group, int userId, List<String> select) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("ID", group.id());
        node.put("ACTIVE", "Y");
        node.put("SITE_ID", "s1");
        node.put("SUBJECT_ID", 1);
        node.put("NAME", group.name());
        node.put("DESCRIPTION", group.description());
        node.put("KEYWORDS", "");
        node.put("CLOSED", "N");
        node.put("VISIBLE", flag(group.visible()));
        node.put("OPENED", flag(group.opened()));
        node.put("DATE_CREATE", BITRIX_DATE.format(group.dateCreate()));
        node.put("DATE_UPDATE", BITRIX_DATE.format(group.dateCreate()));
        node.put("DATE_ACTIVITY", BITRIX_DATE.format(group.dateCreate()));
        node.putNull("IMAGE_ID");
        node.putNull("AVATAR_TYPE");
        node.put("OWNER_ID", group.ownerId());
        node.put("INITIATE_PERMS", "K");
        node.put("NUMBER_OF_MEMBERS", group.members().size());
        node.put("NUMBER_OF_MODERATORS", countRole(group, GroupRole.MODERATOR));
        node.put("PROJECT", flag(group.project()));
        node.putNull("PROJECT_DATE_START");
        node.putNull("PROJECT_DATE_FINISH");
        node.put("SEARCH_INDEX", group.name());
        node.put("LANDING", "N");
        node.put("SCRUM_OWNER_ID", group.isScrum() ? group.ownerId() : 0);
        node.put("SCRUM_MASTER_ID", group.scrumMasterId());
        node.put("SCRUM_SPRINT_DURATION", group.isScrum() ? SPRINT_DURATION_SECONDS : 0);
        node.put("SCRUM_TASK_RESPONSIBLE", group.isScrum() ? "M" : "");
        node.put("TYPE", group.type());
        ArrayNode members = node.putArray("MEMBERS");
        ArrayNode ordinary = node.putArray("ORDINARY_MEMBERS");
        ArrayNode moderators = node.putArray("MODERATOR_MEMBERS");
        group.members().forEach((memberId, role) -> {
            members.add(memberId);
            if (role == GroupRole.MEMBER) {
                ordinary.add(memberId);
            } else {
                moderators.add(memberId);
            }
        });
        node.putArray("INVITED_MEMBERS");
        node.put("CHAT_ID", 0);
        node.put("DIALOG_ID", "");
        node.putArray("SITE_IDS").add("s1");
        if (select.contains("USER_DATA")) {
            ObjectNode userData = node.putObject("USER_DATA");
            GroupRole role = group.members().get(userId);
            userData.put("ROLE", role == null ? null : role.code());
            userData.put("INITIATED_BY_TYPE", role == null ? null : "G");
            userData.put("IS_SUBSCRIBED", role != null);
        }
        if (select.contains("ACTIONS")) {
            renderActions(node.putObject("ACTIONS"), group, userId);
        }
        return node;
    }

    private void renderActions(ObjectNode actions, DemoGroup group, int userId) {
        GroupRole role = group.members().get(userId);
        boolean manager = store.isAdmin(userId) || role == GroupRole.OWNER || role == GroupRole.MODERATOR;
        actions.put("EDIT", manager);
        actions.put("DELETE", store.isAdmin(userId) || role == GroupRole.OWNER);
        actions.put("INVITE", manager);
        actions.put("JOIN", role == null && group.opened());
        actions.put("LEAVE", role != null && role != GroupRole.OWNER);
        actions.put("FOLLOW", role != null);
        actions.put("PIN", true);
        actions.put("EDIT_FEATURES", manager);
    }

    static Map<String, Object> fields(DemoGroup group) {
        Map<String, Object> fields = new LinkedHashMap<>();
        String created = group.dateCreate().toString();
        fields.put("ID", group.id());
        fields.put("ACTIVE", "Y");
        fields.put("SUBJECT_ID", 1);
        fields.put("SITE_ID", "s1");
        fields.put("NAME", group.name());
        fields.put("DESCRIPTION", group.description());
        fields.put("KEYWORDS", "");
        fields.put("CLOSED", "N");
        fields.put("VISIBLE", flag(group.visible()));
        fields.put("OPENED", flag(group.opened()));
        fields.put("PROJECT", flag(group.project()));
        fields.put("LANDING", "N");
        fields.put("DATE_CREATE", created);
        fields.put("DATE_UPDATE", created);
        fields.put("DATE_ACTIVITY", created);
        fields.put("IMAGE_ID", null);
        fields.put("AVATAR_TYPE", null);
        fields.put("OWNER_ID", group.ownerId());
        fields.put("NUMBER_OF_MEMBERS", group.members().size());
        fields.put("NUMBER_OF_MODERATORS", countRole(group, GroupRole.MODERATOR));
        fields.put("INITIATE_PERMS", "K");
        fields.put("PROJECT_DATE_START", null);
        fields.put("PROJECT_DATE_FINISH", null);
        fields.put("SCRUM_OWNER_ID", group.isScrum() ? group.ownerId() : 0);
        fields.put("SCRUM_MASTER_ID", group.scrumMasterId());
        fields.put("SCRUM_SPRINT_DURATION", group.isScrum() ? SPRINT_DURATION_SECONDS : 0);
        fields.put("SCRUM_TASK_RESPONSIBLE", group.isScrum() ? "M" : "");
        fields.put("TYPE", group.type());
        fields.put("AVATAR", "");
        return fields;
    }

    private static long countRole(DemoGroup group, GroupRole role) {
        return group.members().values().stream().filter(r -> r == role).count();
    }

    private static String flag(boolean value) {
        return value ? "Y" : "N";
    }

    /** Turns {@code SCRUM_MASTER_ID} into {@code scrumMasterId}. */
    static String camelCase(String upperSnake) {
        StringBuilder out = new StringBuilder();
        boolean upperNext = false;
        for (char c : upperSnake.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upperNext = true;
            } else {
                out.append(upperNext ? Character.toUpperCase(c) : c);
                upperNext = false;
            }
        }
        return out.toString();
    }
}
