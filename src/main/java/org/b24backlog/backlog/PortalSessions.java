package org.b24backlog.backlog;

import jakarta.enterprise.context.ApplicationScoped;

import org.b24backlog.bitrix.PortalCredentials;
import org.b24backlog.frame.FrameRejectedException;
import org.b24backlog.frame.FrameSession;
import org.b24backlog.installation.InstallationService;
import org.b24backlog.installation.PortalRef;
import org.b24backlog.installation.TokenStore;

/** Finds the viewing user's token chain for a session, after checking that the portal still has the app installed. */
@ApplicationScoped
public class PortalSessions {

    private final InstallationService installations;
    private final TokenStore tokens;

    public PortalSessions(InstallationService installations, TokenStore tokens) {
        this.installations = installations;
        this.tokens = tokens;
    }

    /**
     * @throws FrameRejectedException when the portal uninstalled the app since the session was issued
     */
    public PortalCredentials viewer(FrameSession session) {
        PortalRef portal = installations.findInstalled(session.memberId())
                .orElseThrow(() -> new FrameRejectedException(FrameRejectedException.Reason.NOT_INSTALLED,
                        "The app is no longer installed on portal " + session.portal().host()));
        return tokens.chain(portal, session.userId());
    }
}
