package org.b24backlog.backlog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.b24backlog.audit.AuditLog;
import org.b24backlog.bitrix.Batch;
import org.b24backlog.bitrix.BatchResult;
import org.b24backlog.bitrix.BitrixApiException;
import org.b24backlog.bitrix.BitrixClient;
import org.b24backlog.bitrix.BitrixTransportException;
import org.b24backlog.bitrix.PortalCredentials;
import org.b24backlog.frame.FrameSession;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.logging.Log;

/**
 * Creates, updates, moves and deletes backlogs, each change checked first and written to the audit log whether the
 * portal accepted it or not. Bitrix24 lets anyone who can read a group's tasks change its backlog. The app allows it
 * only to portal admins, the group's owner and moderators, and the Scrum master.
 */
@ApplicationScoped
public class BacklogActions {

    private final BitrixClient bitrix;
    private final AuditLog audit;

    public BacklogActions(BitrixClient bitrix, AuditLog audit) {
        this.bitrix = bitrix;
        this.audit = audit;
    }

    /** Adds a backlog to a Scrum that has none, recording the user as creator and modifier; returns the audit id. */
    public long create(PortalCredentials viewer, FrameSession session, String groupId) {
        ScrumGroup group = manageableScrum(viewer, session, groupId);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("groupId", Long.parseLong(group.id()));
        fields.put("createdBy", Long.parseLong(session.userId()));
        fields.put("modifiedBy", Long.parseLong(session.userId()));
        return change(viewer, session, "backlog.created", "done_created", groupId, null, "tasks.api.scrum.backlog.add",
                Map.of("fields", fields));
    }

    /** Records the user as the backlog's last modifier; returns the audit id. */
    public long touch(PortalCredentials viewer, FrameSession session, String groupId, String backlogId) {
        manageableBacklog(viewer, session, "backlog.updated", groupId, backlogId);
        return change(viewer, session, "backlog.updated", "done_updated", groupId, backlogId, "tasks.api.scrum.backlog.update",
                Map.of("id", Long.parseLong(backlogId), "fields", Map.of("modifiedBy", Long.parseLong(session.userId()))));
    }

    /** Moves the backlog to another Scrum without one, and returns that Scrum and the audit id. */
    public Moved move(PortalCredentials viewer, FrameSession session, String groupId, String backlogId, String targetGroupId) {
        manageableBacklog(viewer, session, "backlog.moved", groupId, backlogId);
        List<ScrumGroup> targets;
        try {
            targets = moveTargets(viewer, groupId);
        } catch (BitrixApiException e) {
            throw rejected(session, "backlog.moved", groupId, backlogId, e);
        }
        ScrumGroup target = targets.stream().filter(g -> g.id().equals(targetGroupId)).findFirst()
                .orElseThrow(() -> failed(session, "backlog.moved", groupId, backlogId, new BacklogActionException(
                        "refusal_invalid_target", "Workgroup " + targetGroupId + " is not a Scrum without a backlog")));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("groupId", Long.parseLong(target.id()));
        fields.put("modifiedBy", Long.parseLong(session.userId()));
        long auditId = change(viewer, session, "backlog.moved", "done_moved", target.id(), backlogId,
                "tasks.api.scrum.backlog.update", Map.of("id", Long.parseLong(backlogId), "fields", fields));
        return new Moved(target, auditId);
    }

    /** Result of a move: the Scrum that received the backlog, and the audit entry of the move. */
    public record Moved(ScrumGroup target, long auditId) {
    }

    /** Deletes the backlog, and returns the audit id. Bitrix24 rejects this while the backlog contains tasks. */
    public long delete(PortalCredentials viewer, FrameSession session, String groupId, String backlogId) {
        manageableBacklog(viewer, session, "backlog.deleted", groupId, backlogId);
        return change(viewer, session, "backlog.deleted", "done_deleted", groupId, backlogId, "tasks.api.scrum.backlog.delete",
                Map.of("id", Long.parseLong(backlogId)));
    }

    /** Lists the Scrums the user can see, other than this one, that have no backlog and so can receive it. */
    public List<ScrumGroup> moveTargets(PortalCredentials viewer, String groupId) {
        List<ScrumGroup> scrums = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("filter", Map.of("ACTIVE", "Y"));
        params.put("select", List.of("ID", "NAME", "TYPE", "SCRUM_MASTER_ID", "OWNER_ID"));
        params.put("order", Map.of("NAME", "ASC"));
        for (JsonNode row : bitrix.call(viewer, "socialnetwork.api.workgroup.list", params).path("workgroups")) {
            ScrumGroup group = ScrumGroup.fromListRow(row);
            if (group.isScrum() && !group.id().equals(groupId)) {
                scrums.add(group);
            }
        }
        if (scrums.isEmpty()) {
            return scrums;
        }
        Batch backlogs = Batch.create();
        List<ScrumGroup> checked = scrums.subList(0, Math.min(scrums.size(), Batch.MAX_COMMANDS));
        checked.forEach(g -> backlogs.add("g" + g.id(), "tasks.api.scrum.backlog.get", Map.of("id", g.id())));
        BatchResult result = bitrix.batch(viewer, backlogs).requireNoLimitRejection();
        return checked.stream().filter(g -> result.error("g" + g.id()).map(e -> "Backlog not found".equals(e.description()))
                .orElse(false)).toList();
    }

    /**
     * Reads a workgroup as socialnetwork.api.workgroup.get returns it.
     *
     * @throws GroupNotFoundException when it does not exist or the user cannot see it
     */
    public JsonNode group(PortalCredentials viewer, String groupId) {
        try {
            return bitrix.call(viewer, "socialnetwork.api.workgroup.get", Map.of("params", Map.of("groupId", groupId)));
        } catch (BitrixApiException e) {
            if ("SONET_CONTROLLER_WORKGROUP_NOT_FOUND".equals(e.code())) {
                throw new GroupNotFoundException(groupId);
            }
            throw e;
        }
    }

    private ScrumGroup manageableScrum(PortalCredentials viewer, FrameSession session, String groupId) {
        return requireManager(session, "backlog.created", ScrumGroup.fromGetResult(group(viewer, groupId)));
    }

    /**
     * Checks that the user may manage the group and that the backlog is the group's own, in one request. The
     * permission check is on the group, so a backlog id of another group must never pass with it.
     */
    private void manageableBacklog(PortalCredentials viewer, FrameSession session, String action, String groupId,
            String backlogId) {
        BatchResult result = bitrix.batch(viewer, Batch.create()
                .add("group", "socialnetwork.api.workgroup.get", Map.of("params", Map.of("groupId", groupId)))
                .add("backlog", "tasks.api.scrum.backlog.get", Map.of("id", groupId)));
        Optional<BitrixApiException> groupError = result.error("group");
        if (groupError.isPresent() && "SONET_CONTROLLER_WORKGROUP_NOT_FOUND".equals(groupError.get().code())) {
            throw new GroupNotFoundException(groupId);
        }
        if (groupError.isPresent()) {
            throw rejected(session, action, groupId, backlogId, groupError.get());
        }
        requireManager(session, action, ScrumGroup.fromGetResult(result.result("group")));
        Optional<BitrixApiException> backlogError = result.error("backlog");
        if (backlogError.isPresent() && !"Backlog not found".equals(backlogError.get().description())) {
            throw rejected(session, action, groupId, backlogId, backlogError.get());
        }
        String actual = result.succeeded("backlog") ? result.result("backlog").path("id").asText() : null;
        if (!backlogId.equals(actual)) {
            throw failed(session, action, groupId, backlogId, new BacklogActionException("refusal_not_found",
                    "Backlog " + backlogId + " is not the backlog of group " + groupId + " (its backlog is " + actual + ")"));
        }
    }

    private ScrumGroup requireManager(FrameSession session, String action, ScrumGroup group) {
        if (!group.isScrum()) {
            throw new NotScrumException(group);
        }
        if (!session.admin() && !group.managerIds().contains(session.userId())) {
            throw failed(session, action, group.id(), null, new BacklogActionException("backlog_read_only",
                    "User " + session.userId() + " may not manage group " + group.id()));
        }
        return group;
    }

    private long change(PortalCredentials viewer, FrameSession session, String action, String doneKey, String groupId,
            String backlogId, String method, Map<String, ?> params) {
        JsonNode result;
        try {
            result = bitrix.call(viewer, method, params);
        } catch (BitrixApiException e) {
            throw rejected(session, action, groupId, backlogId, e);
        } catch (BitrixTransportException e) {
            // After a timeout the portal may have made the change, so the audit entry records that and the call is not repeated.
            audit.record(session.memberId(), session.userId(), session.userName(), action, groupId, backlogId, false,
                    "outcome unknown: " + e.getMessage(), null);
            throw e;
        }
        String id = backlogId != null ? backlogId : result.path("id").asText(null);
        long auditId = audit.record(session.memberId(), session.userId(), session.userName(), action, groupId, id, true,
                method + " " + params, doneKey);
        Log.infof("User %s on portal %s: %s of group %s", session.userId(), session.memberId(), action, groupId);
        return auditId;
    }

    private BacklogActionException failed(FrameSession session, String action, String groupId, String backlogId,
            BacklogActionException e) {
        long auditId = audit.record(session.memberId(), session.userId(), session.userName(), action, groupId, backlogId, false,
                e.detail(), e.messageKey());
        Log.infof("User %s on portal %s: %s of group %s rejected: %s", session.userId(), session.memberId(), action, groupId,
                e.detail());
        return e.recorded(auditId);
    }

    /** Records a portal's rejection of a call as a failed action, explained in the words {@link PortalRefusal} picks. */
    private BacklogActionException rejected(FrameSession session, String action, String groupId, String backlogId,
            BitrixApiException e) {
        return failed(session, action, groupId, backlogId, new BacklogActionException(PortalRefusal.messageKey(e), e.description()));
    }
}
