package org.b24backlog.backlog;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.b24backlog.frame.FrameSession;
import org.b24backlog.frame.SessionTokens;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.logging.Log;

/** Shows the "not a Scrum" and "group not found" pages when a change names such a group. */
public class BacklogErrors {

    private final SessionTokens sessions;
    private final BacklogPages pages;

    public BacklogErrors(SessionTokens sessions, BacklogPages pages) {
        this.sessions = sessions;
        this.pages = pages;
    }

    @ServerExceptionMapper
    public Response notScrum(NotScrumException e, UriInfo uri) {
        Log.infof("%s on %s", e.getMessage(), uri.getPath());
        return pages.notScrum(session(uri), e.group());
    }

    @ServerExceptionMapper
    public Response groupNotFound(GroupNotFoundException e, UriInfo uri) {
        Log.infof("%s on %s", e.getMessage(), uri.getPath());
        return pages.groupNotFound(session(uri), e.groupId());
    }

    private FrameSession session(UriInfo uri) {
        // These exceptions are thrown only after the session was verified, so verifying again succeeds.
        return sessions.verify(uri.getQueryParameters().getFirst("s"));
    }
}
