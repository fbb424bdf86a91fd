package org.b24backlog.audit;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.b24backlog.frame.Languages;
import org.b24backlog.frame.PageContext;
import org.b24backlog.frame.PageResponses;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.vertx.http.runtime.security.annotation.BasicAuthentication;

/**
 * The audit log of every portal, for the app's operator. It is reached outside any portal, with HTTP Basic
 * credentials of a user in the {@code operator} role, and may not be framed.
 */
@Path("/operator/audit")
@BasicAuthentication
@RolesAllowed("operator")
public class OperatorAuditResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(PageContext ctx, List<AuditEntry> entries, int page, boolean hasMore);
    }

    private final AuditLog audit;
    private final PageResponses responses;

    public OperatorAuditResource(AuditLog audit, PageResponses responses) {
        this.audit = audit;
        this.responses = responses;
    }

    @GET
    public Response page(@QueryParam("page") @DefaultValue("0") String page) {
        int index = AuditResource.pageIndex(page);
        List<AuditEntry> entries = audit.listAll(index * AuditResource.PAGE_SIZE, AuditResource.PAGE_SIZE + 1);
        boolean hasMore = entries.size() > AuditResource.PAGE_SIZE;
        List<AuditEntry> shown = hasMore ? entries.subList(0, AuditResource.PAGE_SIZE) : entries;
        return responses.page(Templates.audit(responses.anonymous(Languages.FALLBACK), shown, index, hasMore),
                Languages.FALLBACK, null);
    }
}
