package org.b24backlog.audit;

import java.util.List;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.b24backlog.backlog.InvalidInputException;
import org.b24backlog.frame.FrameRejectedException;
import org.b24backlog.frame.FrameSession;
import org.b24backlog.frame.PageContext;
import org.b24backlog.frame.PageResponses;
import org.b24backlog.frame.SessionTokens;
import org.b24backlog.installation.InstallationService;

import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The audit page of one portal, for that portal's administrators, inside the portal frame. */
@Path("/audit")
public class AuditResource {

    static final int PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        /** {@code pagerBase} is the page's URL up to the {@code page} parameter, ending in {@code ?} or {@code &}. */
        static native TemplateInstance audit(PageContext ctx, List<AuditEntry> entries, int page, boolean hasMore,
                String pagerBase);
    }

    private final SessionTokens sessions;
    private final AuditLog audit;
    private final PageResponses responses;
    private final InstallationService installations;

    public AuditResource(SessionTokens sessions, AuditLog audit, PageResponses responses, InstallationService installations) {
        this.sessions = sessions;
        this.installations = installations;
        this.audit = audit;
        this.responses = responses;
    }

    @GET
    public Response page(@QueryParam("s") String token, @QueryParam("page") @DefaultValue("0") String page) {
        FrameSession session = sessions.verify(token);
        if (installations.findInstalled(session.memberId()).isEmpty()) {
            throw new FrameRejectedException(FrameRejectedException.Reason.NOT_INSTALLED,
                    "The app is no longer installed on portal " + session.portal().host());
        }
        if (!session.admin()) {
            Log.infof("User %s of portal %s asked for the audit page without being an admin", session.userId(), session.memberId());
            throw new FrameRejectedException(FrameRejectedException.Reason.NOT_ALLOWED,
                    "Only portal administrators can read the audit log");
        }
        int index = pageIndex(page);
        List<AuditEntry> entries = audit.list(session.memberId(), index * PAGE_SIZE, PAGE_SIZE + 1);
        boolean hasMore = entries.size() > PAGE_SIZE;
        List<AuditEntry> shown = hasMore ? entries.subList(0, PAGE_SIZE) : entries;
        return responses.page(Templates.audit(responses.context(session), shown, index, hasMore,
                "/audit" + responses.context(session).query() + "&"), session.lang(), session.portal());
    }

    /**
     * Parses the {@code page} parameter.
     *
     * @throws InvalidInputException when it is not a page number
     */
    static int pageIndex(String page) {
        if (page == null || !page.matches("[0-9]{1,6}")) {
            throw new InvalidInputException("Invalid page '" + page + "': expected a page number from 0 to 999999");
        }
        return Integer.parseInt(page);
    }
}
