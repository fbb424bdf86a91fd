package org.b24backlog.audit;

import java.util.List;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.b24backlog.frame.FrameRejectedException;
import org.b24backlog.frame.FrameSession;
import org.b24backlog.frame.PageContext;
import org.b24backlog.frame.PageResponses;
import org.b24backlog.frame.SessionTokens;

import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The audit page of one portal, for that portal's administrators, inside the portal frame. */
@Path("/audit")
public class AuditResource {

    static final int PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(PageContext ctx, List<AuditEntry> entries, int page, boolean hasMore);
    }

    private final SessionTokens sessions;
    private final AuditLog audit;
    private final PageResponses responses;

    public AuditResource(SessionTokens sessions, AuditLog audit, PageResponses responses) {
        this.sessions = sessions;
        this.audit = audit;
        this.responses = responses;
    }

    @GET
    public Response page(@QueryParam("s") String token, @QueryParam("page") @DefaultValue("0") int page) {
        FrameSession session = sessions.verify(token);
        if (!session.admin()) {
            Log.infof("User %s of portal %s asked for the audit page without being an admin", session.userId(), session.memberId());
            throw new FrameRejectedException(FrameRejectedException.Reason.NOT_ALLOWED,
                    "Only portal administrators can read the audit log");
        }
        int index = Math.max(0, page);
        List<AuditEntry> entries = audit.list(session.memberId(), index * PAGE_SIZE, PAGE_SIZE + 1);
        boolean hasMore = entries.size() > PAGE_SIZE;
        List<AuditEntry> shown = hasMore ? entries.subList(0, PAGE_SIZE) : entries;
        return responses.page(Templates.audit(responses.context(session), shown, index, hasMore), session.lang(), session.portal());
    }
}
