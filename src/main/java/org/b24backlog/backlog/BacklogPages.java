package org.b24backlog.backlog;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import org.b24backlog.bitrix.PortalCredentials;
import org.b24backlog.frame.FrameSession;
import org.b24backlog.frame.PageContext;
import org.b24backlog.frame.PageResponses;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Renders the Scrum list and backlog pages for a verified session. */
@ApplicationScoped
public class BacklogPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance groups(PageContext ctx, List<ScrumGroup> groups);

        static native TemplateInstance backlog(PageContext ctx, BacklogView view, String done, String refusal, String detail);

        static native TemplateInstance notScrum(PageContext ctx, ScrumGroup group);

        static native TemplateInstance groupNotFound(PageContext ctx, String groupId);

        static native TemplateInstance accessDenied(PageContext ctx, ScrumGroup group);

        static native TemplateInstance move(PageContext ctx, ScrumGroup group, String backlogId, List<ScrumGroup> targets);

        static native TemplateInstance confirmDelete(PageContext ctx, ScrumGroup group, String backlogId);
    }

    /** The notice about the previous change on the backlog page; all {@code null} when there was none. */
    public record Outcome(String done, String refusal, String detail) {
        static final Outcome NONE = new Outcome(null, null, null);

        /** Reads the notice from the audit entry that recorded the change. */
        static Outcome of(org.b24backlog.audit.AuditEntry entry) {
            if (entry.messageKey == null) {
                return NONE;
            }
            return "success".equals(entry.outcome) ? new Outcome(entry.messageKey, null, null)
                    : new Outcome(null, entry.messageKey, entry.details);
        }
    }

    private final PortalSessions portals;
    private final ScrumDirectory directory;
    private final BacklogReader reader;
    private final PageResponses responses;

    public BacklogPages(PortalSessions portals, ScrumDirectory directory, BacklogReader reader, PageResponses responses) {
        this.portals = portals;
        this.directory = directory;
        this.reader = reader;
        this.responses = responses;
    }

    public Response groups(FrameSession session) {
        PortalCredentials viewer = portals.viewer(session);
        return page(session, Templates.groups(responses.context(session), directory.scrums(viewer)));
    }

    public Response backlog(FrameSession session, String groupId, Outcome outcome) {
        PortalCredentials viewer = portals.viewer(session);
        PageContext ctx = responses.context(session);
        try {
            BacklogView view = reader.read(viewer, session, groupId);
            Outcome shown = outcome == null ? Outcome.NONE : outcome;
            return page(session, Templates.backlog(ctx, view, shown.done(), shown.refusal(), shown.detail()));
        } catch (NotScrumException e) {
            return notScrum(session, e.group());
        } catch (GroupNotFoundException e) {
            return groupNotFound(session, groupId);
        } catch (BacklogAccessDeniedException e) {
            return responses.page(Response.Status.FORBIDDEN, Templates.accessDenied(ctx, e.group()), session.lang(),
                    session.portal());
        }
    }

    public Response notScrum(FrameSession session, ScrumGroup group) {
        return page(session, Templates.notScrum(responses.context(session), group));
    }

    public Response groupNotFound(FrameSession session, String groupId) {
        return responses.page(Response.Status.NOT_FOUND, Templates.groupNotFound(responses.context(session), groupId),
                session.lang(), session.portal());
    }

    public Response move(FrameSession session, ScrumGroup group, String backlogId, List<ScrumGroup> targets) {
        return page(session, Templates.move(responses.context(session), group, backlogId, targets));
    }

    public Response confirmDelete(FrameSession session, ScrumGroup group, String backlogId) {
        return page(session, Templates.confirmDelete(responses.context(session), group, backlogId));
    }

    private Response page(FrameSession session, TemplateInstance page) {
        return responses.page(page, session.lang(), session.portal());
    }
}
