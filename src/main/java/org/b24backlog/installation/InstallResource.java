package org.b24backlog.installation;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.b24backlog.bitrix.PortalAddress;
import org.b24backlog.bitrix.PortalHosts;
import org.b24backlog.bitrix.UntrustedPortalException;
import org.b24backlog.frame.FrameRejectedException;
import org.b24backlog.frame.FrameRequest;
import org.b24backlog.frame.PageContext;
import org.b24backlog.frame.PageResponses;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The installer URL of the app's Market card. The portal opens it in a frame for the installing admin; on success
 * the page calls {@code BX24.installFinish()} so the portal leaves install mode and shows the app.
 */
@Path("/install")
public class InstallResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance installed(PageContext ctx);

        /** {@code hintKey} names the message that tells the admin what to do next. */
        static native TemplateInstance failed(PageContext ctx, String message, String hintKey);
    }

    private final InstallationService installations;
    private final HandlerBindings bindings;
    private final PortalHosts hosts;
    private final PageResponses responses;
    private final ObjectMapper json;

    public InstallResource(InstallationService installations, HandlerBindings bindings, PortalHosts hosts,
            PageResponses responses, ObjectMapper json) {
        this.installations = installations;
        this.bindings = bindings;
        this.hosts = hosts;
        this.responses = responses;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response install(@Context UriInfo uri, MultivaluedMap<String, String> form) {
        FrameRequest request = FrameRequest.parse(uri.getQueryParameters(), form, json);
        if (request.domain() == null || request.memberId() == null || request.refreshId() == null) {
            throw new FrameRejectedException(FrameRejectedException.Reason.MALFORMED,
                    "The installer page needs DOMAIN, member_id and REFRESH_ID from a Bitrix24 portal");
        }
        PortalAddress portal;
        try {
            portal = hosts.require(request.domain(), request.https());
        } catch (UntrustedPortalException e) {
            throw new FrameRejectedException(FrameRejectedException.Reason.UNTRUSTED_PORTAL, e.getMessage(), e);
        }

        PageContext ctx = responses.anonymous(request.lang());
        InstallClaim claim = new InstallClaim(request.memberId(), portal, request.applicationToken(), request.refreshId(),
                "installer page");
        try {
            InstallationService.VerifiedInstall install = installations.install(claim);
            bindings.bind(install.portal(), install.adminUserId());
        } catch (InstallRejectedException e) {
            Log.warnf("Installation on portal %s failed: %s", request.memberId(), e.getMessage());
            return responses.page(Response.Status.FORBIDDEN, Templates.failed(ctx, e.getMessage(), hintFor(e)), request.lang(),
                    portal);
        }
        return responses.page(Templates.installed(ctx), request.lang(), portal);
    }

    private static String hintFor(InstallRejectedException e) {
        return e.getMessage().contains("not an administrator") ? "hint_ask_admin" : "hint_retry";
    }
}
