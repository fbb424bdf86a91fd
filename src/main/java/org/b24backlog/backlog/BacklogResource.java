package org.b24backlog.backlog;

import java.net.URI;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.b24backlog.audit.AuditLog;
import org.b24backlog.bitrix.PortalCredentials;
import org.b24backlog.frame.FrameSession;
import org.b24backlog.frame.SessionTokens;

/**
 * The pages a user reaches after the frame entry: the Scrum list and each Scrum's backlog with its changes. Every
 * request carries the session token as {@code s}; changes respond with a redirect back to the backlog page.
 */
@Path("/")
public class BacklogResource {

    private final SessionTokens sessions;
    private final PortalSessions portals;
    private final BacklogPages pages;
    private final BacklogActions actions;
    private final AuditLog audit;

    public BacklogResource(SessionTokens sessions, PortalSessions portals, BacklogPages pages, BacklogActions actions,
            AuditLog audit) {
        this.audit = audit;
        this.sessions = sessions;
        this.portals = portals;
        this.pages = pages;
        this.actions = actions;
    }

    @GET
    @Path("groups")
    public Response groups(@QueryParam("s") String token) {
        return pages.groups(sessions.verify(token));
    }

    @GET
    @Path("backlog/{groupId}")
    public Response backlog(@QueryParam("s") String token, @PathParam("groupId") String groupId,
            @QueryParam("notice") String notice) {
        FrameSession session = sessions.verify(token);
        InvalidInputException.requireId(groupId, "group id");
        // The notice names an audit entry of this user, so a crafted link cannot put other text on the page.
        BacklogPages.Outcome outcome = notice == null || !notice.matches("[0-9]{1,18}") ? null
                : audit.findOwn(Long.parseLong(notice), session.memberId(), session.userId()).map(BacklogPages.Outcome::of)
                        .orElse(null);
        return pages.backlog(session, groupId, outcome);
    }

    @POST
    @Path("backlog/{groupId}/create")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@QueryParam("s") String token, @PathParam("groupId") String groupId) {
        FrameSession session = sessions.verify(token);
        InvalidInputException.requireId(groupId, "group id");
        PortalCredentials viewer = portals.viewer(session);
        return afterChange(session, groupId, () -> actions.create(viewer, session, groupId));
    }

    @POST
    @Path("backlog/{groupId}/update")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@QueryParam("s") String token, @PathParam("groupId") String groupId,
            @FormParam("backlogId") String backlogId) {
        FrameSession session = sessions.verify(token);
        InvalidInputException.requireId(groupId, "group id");
        InvalidInputException.requireId(backlogId, "backlog id");
        PortalCredentials viewer = portals.viewer(session);
        return afterChange(session, groupId, () -> actions.touch(viewer, session, groupId, backlogId));
    }

    @GET
    @Path("backlog/{groupId}/move")
    public Response moveForm(@QueryParam("s") String token, @PathParam("groupId") String groupId,
            @QueryParam("backlogId") String backlogId) {
        FrameSession session = sessions.verify(token);
        InvalidInputException.requireId(groupId, "group id");
        InvalidInputException.requireId(backlogId, "backlog id");
        PortalCredentials viewer = portals.viewer(session);
        return pages.move(session, scrum(viewer, groupId), backlogId, actions.moveTargets(viewer, groupId));
    }

    @POST
    @Path("backlog/{groupId}/move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response move(@QueryParam("s") String token, @PathParam("groupId") String groupId,
            @FormParam("backlogId") String backlogId, @FormParam("targetGroupId") String targetGroupId) {
        FrameSession session = sessions.verify(token);
        InvalidInputException.requireId(groupId, "group id");
        InvalidInputException.requireId(backlogId, "backlog id");
        InvalidInputException.requireId(targetGroupId, "target group id");
        PortalCredentials viewer = portals.viewer(session);
        try {
            BacklogActions.Moved moved = actions.move(viewer, session, groupId, backlogId, targetGroupId);
            return redirect(session, moved.target().id(), moved.auditId());
        } catch (BacklogActionException e) {
            return redirect(session, groupId, e.auditId());
        }
    }

    @GET
    @Path("backlog/{groupId}/delete")
    public Response confirmDelete(@QueryParam("s") String token, @PathParam("groupId") String groupId,
            @QueryParam("backlogId") String backlogId) {
        FrameSession session = sessions.verify(token);
        InvalidInputException.requireId(groupId, "group id");
        InvalidInputException.requireId(backlogId, "backlog id");
        return pages.confirmDelete(session, scrum(portals.viewer(session), groupId), backlogId);
    }

    @POST
    @Path("backlog/{groupId}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@QueryParam("s") String token, @PathParam("groupId") String groupId,
            @FormParam("backlogId") String backlogId, @FormParam("confirm") String confirm) {
        FrameSession session = sessions.verify(token);
        InvalidInputException.requireId(groupId, "group id");
        InvalidInputException.requireId(backlogId, "backlog id");
        if (!"yes".equals(confirm)) {
            throw new InvalidInputException("Deleting a backlog needs confirm=yes from the confirmation page");
        }
        PortalCredentials viewer = portals.viewer(session);
        return afterChange(session, groupId, () -> actions.delete(viewer, session, groupId, backlogId));
    }

    private ScrumGroup scrum(PortalCredentials viewer, String groupId) {
        ScrumGroup group = ScrumGroup.fromGetResult(actions.group(viewer, groupId));
        if (!group.isScrum()) {
            throw new NotScrumException(group);
        }
        return group;
    }

    private Response afterChange(FrameSession session, String groupId, java.util.function.LongSupplier change) {
        Long auditId;
        try {
            auditId = change.getAsLong();
        } catch (BacklogActionException e) {
            auditId = e.auditId();
        }
        return redirect(session, groupId, auditId);
    }

    private static Response redirect(FrameSession session, String groupId, Long auditId) {
        String target = "/backlog/" + groupId + "?s=" + session.token() + (auditId == null ? "" : "&notice=" + auditId);
        return Response.seeOther(URI.create(target)).header("Referrer-Policy", "no-referrer").build();
    }
}
