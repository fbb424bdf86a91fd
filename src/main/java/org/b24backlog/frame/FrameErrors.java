package org.b24backlog.frame;

import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.b24backlog.bitrix.BitrixApiException;
import org.b24backlog.bitrix.BitrixException;
import org.b24backlog.bitrix.OAuthException;
import org.b24backlog.bitrix.PortalAddress;
import org.b24backlog.bitrix.PortalHosts;
import org.b24backlog.installation.NoTokenException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Turns failures of page requests into pages that say what went wrong and what the user can do. The event endpoint
 * answers its own errors as JSON and never reaches these mappers.
 */
public class FrameErrors {

    @CheckedTemplate
    static class Templates {
        /** {@code hintKey} names the message with the user's next step. */
        static native TemplateInstance error(PageContext ctx, String message, String hintKey);
    }

    private final PageResponses responses;
    private final SessionTokens sessions;
    private final PortalHosts hosts;
    public FrameErrors(PageResponses responses, SessionTokens sessions, PortalHosts hosts) {
        this.responses = responses;
        this.sessions = sessions;
        this.hosts = hosts;
    }

    @ServerExceptionMapper
    public Response rejected(FrameRejectedException e, UriInfo uri, HttpHeaders headers) {
        Log.infof("Rejected %s: %s (%s)", uri.getPath(), e.getMessage(), e.reason());
        String hint = switch (e.reason()) {
            case NOT_INSTALLED -> "hint_reinstall";
            case MALFORMED, UNTRUSTED_PORTAL, FORGED -> "hint_portal_only";
            case TOKEN_REFUSED, SESSION_EXPIRED -> "hint_reopen";
            case NOT_ALLOWED -> "hint_ask_admin";
        };
        Response.Status status = e.reason() == FrameRejectedException.Reason.SESSION_EXPIRED
                || e.reason() == FrameRejectedException.Reason.TOKEN_REFUSED ? Response.Status.UNAUTHORIZED : Response.Status.FORBIDDEN;
        return render(status, e.getMessage(), hint, uri, headers, e.reason() != FrameRejectedException.Reason.UNTRUSTED_PORTAL);
    }

    @ServerExceptionMapper
    public Response invalidInput(org.b24backlog.backlog.InvalidInputException e, UriInfo uri, HttpHeaders headers) {
        Log.infof("Invalid input on %s: %s", uri.getPath(), e.getMessage());
        return render(Response.Status.BAD_REQUEST, e.getMessage(), "hint_reopen", uri, headers, true);
    }

    @ServerExceptionMapper
    public Response noToken(NoTokenException e, UriInfo uri, HttpHeaders headers) {
        Log.infof("No token for %s: %s", uri.getPath(), e.getMessage());
        return render(Response.Status.UNAUTHORIZED, e.getMessage(), "hint_reopen", uri, headers, true);
    }

    @ServerExceptionMapper
    public Response oauth(OAuthException e, UriInfo uri, HttpHeaders headers) {
        Log.warnf("Token refresh failed on %s: %s (%s)", uri.getPath(), e.getMessage(), e.reason());
        String hint = switch (e.reason()) {
            case TOKEN_REVOKED -> "hint_reopen";
            case APP_NOT_INSTALLED, PORTAL_DELETED -> "hint_reinstall";
            case PAYMENT_REQUIRED -> "hint_payment";
            case OTHER -> "hint_retry";
        };
        return render(Response.Status.UNAUTHORIZED, e.getMessage(), hint, uri, headers, true);
    }

    @ServerExceptionMapper
    public Response portal(BitrixException e, UriInfo uri, HttpHeaders headers) {
        Log.warnf(e, "Call to the portal failed on %s", uri.getPath());
        String hint = "hint_retry";
        if (e instanceof BitrixApiException api && api.isAuthFailure()) {
            hint = "hint_reopen";
        } else if (e instanceof BitrixApiException api && api.isOperationTimeLimit()) {
            hint = "hint_operating_limit";
        }
        return render(Response.Status.BAD_GATEWAY, e.getMessage(), hint, uri, headers, true);
    }

    private Response render(Response.Status status, String message, String hintKey, UriInfo uri, HttpHeaders headers,
            boolean frameable) {
        FrameSession session = trySession(uri);
        String lang = session != null ? session.lang() : requestLang(uri, headers);
        PortalAddress portal = session != null ? session.portal() : (frameable ? claimedPortal(uri) : null);
        PageContext ctx = session != null ? responses.context(session) : responses.anonymous(lang);
        return responses.page(status, Templates.error(ctx, message, hintKey), lang, portal);
    }

    private FrameSession trySession(UriInfo uri) {
        try {
            String token = uri.getQueryParameters().getFirst("s");
            return token == null ? null : sessions.verify(token);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private PortalAddress claimedPortal(UriInfo uri) {
        String domain = uri.getQueryParameters().getFirst("DOMAIN");
        if (domain == null) {
            return null;
        }
        try {
            PortalAddress address = PortalAddress.of(domain, "1".equals(uri.getQueryParameters().getFirst("PROTOCOL")));
            return hosts.isAllowed(address) ? address : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String requestLang(UriInfo uri, HttpHeaders headers) {
        String lang = uri.getQueryParameters().getFirst("LANG");
        if (lang != null) {
            return Languages.pick(lang);
        }
        List<java.util.Locale> accepted = headers.getAcceptableLanguages();
        return accepted.isEmpty() ? Languages.FALLBACK : Languages.pick(accepted.get(0).getLanguage());
    }
}
