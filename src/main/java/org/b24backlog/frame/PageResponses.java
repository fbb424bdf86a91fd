package org.b24backlog.frame;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.b24backlog.bitrix.PortalAddress;
import org.b24backlog.config.BitrixConfig;

import io.quarkus.qute.TemplateInstance;

/**
 * Builds the HTTP responses of the app's frame pages. Each page may be framed only by its own portal, never carries a
 * referrer (links hold the session token), and is never cached.
 */
@ApplicationScoped
public class PageResponses {

    private final String frameSdkUrl;

    public PageResponses(BitrixConfig config) {
        this.frameSdkUrl = config.frameSdkUrl();
    }

    public PageContext context(FrameSession session) {
        return new PageContext(session.lang(), session.token(), session.admin(), session.userName(), frameSdkUrl);
    }

    /** Context for a page shown without a verified session, such as an error page. */
    public PageContext anonymous(String lang) {
        return new PageContext(Languages.pick(lang), null, false, null, frameSdkUrl);
    }

    public Response page(TemplateInstance page, String lang, PortalAddress portal) {
        return page(Response.Status.OK, page, lang, portal);
    }

    /**
     * Renders a page.
     *
     * @param portal the portal allowed to frame it; {@code null} allows no one
     */
    public Response page(Response.Status status, TemplateInstance page, String lang, PortalAddress portal) {
        String ancestors = portal == null ? "'none'" : portal.origin();
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page.setLocale(Languages.locale(lang)).render())
                .header("Content-Security-Policy", "frame-ancestors " + ancestors)
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store")
                .build();
    }
}
