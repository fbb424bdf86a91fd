package org.b24backlog.backlog;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

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

    public BacklogResource(SessionTokens sessions, PortalSessions portals, BacklogPages pages, BacklogActions actions) {
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
    public Response backlog(@QueryParam("s") String token, @PathParam("groupId") String groupId, @QueryParam("done") String done,
            @QueryParam("doneArg") String doneArg, @QueryParam("refusal") String refusal, @QueryParam("detail") String detail) {
        FrameSession session = sessions.verify(token);
        InvalidInputException.requireId(groupId, "group id");
        return pages.backlog(session, groupId, new BacklogPages.Outcome(known(done, "done_"), doneArg, known(refusal, "refusal_"),
                detail));
    }

    @POST
    @Path("backlog/{groupId}/create")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@QueryParam("s") String token, @PathParam("groupId") String groupId) {
        FrameSession session = sessions.verify(token);
        InvalidInputException.requireId(groupId, "group id");
        PortalCredentials viewer = portals.viewer(session);
        return afterChange(session, groupId, () -> {
            actions.create(viewer, session, groupId);
            return new BacklogPages.Outcome("done_created", null, null, null);
        });
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
        return afterChange(session, groupId, () -> {
            actions.touch(viewer, session, groupId, backlogId);
            return new BacklogPages.Outcome("done_updated", null, null, null);
        });
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
            ScrumGroup target = actions.move(viewer, session, groupId, backlogId, targetGroupId);
            return redirect(session, target.id(), new BacklogPages.Outcome("done_moved", target.name(), null, null));
        } catch (BacklogActionException e) {
            return redirect(session, groupId, new BacklogPages.Outcome(null, null, e.messageKey(), e.detail()));
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
        return afterChange(session, groupId, () -> {
            actions.delete(viewer, session, groupId, backlogId);
            return new BacklogPages.Outcome("done_deleted", null, null, null);
        });
    }

    private ScrumGroup scrum(PortalCredentials viewer, String groupId) {
        ScrumGroup group = ScrumGroup.fromGetResult(actions.group(viewer, groupId));
        if (!group.isScrum()) {
            throw new NotScrumException(group);
        }
        return group;
    }

    private Response afterChange(FrameSession session, String groupId, java.util.function.Supplier<BacklogPages.Outcome> change) {
        BacklogPages.Outcome outcome;
        try {
            outcome = change.get();
        } catch (BacklogActionException e) {
            outcome = new BacklogPages.Outcome(null, null, e.messageKey(), e.detail());
        }
        return redirect(session, groupId, outcome);
    }

    private static Response redirect(FrameSession session, String groupId, BacklogPages.Outcome outcome) {
        StringBuilder target = new StringBuilder("/backlog/").append(groupId).append("?s=").append(session.token());
        append(target, "done", outcome.done());
        append(target, "doneArg", outcome.doneArg());
        append(target, "refusal", outcome.refusal());
        append(target, "detail", outcome.detail());
        return Response.seeOther(URI.create(target.toString())).header("Referrer-Policy", "no-referrer").build();
    }

    private static void append(StringBuilder url, String key, String value) {
        if (value != null) {
            url.append('&').append(key).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    /** Accepts only message keys of the expected family, so a crafted link cannot pick arbitrary texts. */
    private static String known(String key, String prefix) {
        return key != null && key.startsWith(prefix) && key.matches("[a-z_]{1,40}") ? key : null;
    }
}
