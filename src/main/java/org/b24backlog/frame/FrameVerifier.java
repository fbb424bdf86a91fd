package org.b24backlog.frame;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.b24backlog.bitrix.Batch;
import org.b24backlog.bitrix.BatchResult;
import org.b24backlog.bitrix.BitrixApiException;
import org.b24backlog.bitrix.BitrixClient;
import org.b24backlog.bitrix.BitrixException;
import org.b24backlog.bitrix.FixedTokenCredentials;
import org.b24backlog.bitrix.PortalAddress;
import org.b24backlog.bitrix.PortalHosts;
import org.b24backlog.bitrix.UntrustedPortalException;
import org.b24backlog.installation.Installation;
import org.b24backlog.installation.InstallationService;
import org.b24backlog.installation.PortalRef;
import org.b24backlog.installation.TokenStore;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Verifies a frame POST: the portal must be installed, the {@code DOMAIN} must be the installation's, and the
 * installation's portal, reached at its stored address, must accept the {@code AUTH_ID}. The token is never sent to
 * the host that the request names, only to the stored one.
 */
@ApplicationScoped
public class FrameVerifier {

    private final PortalHosts hosts;
    private final BitrixClient bitrix;
    private final InstallationService installations;
    private final TokenStore tokens;
    private final SessionTokens sessions;

    public FrameVerifier(PortalHosts hosts, BitrixClient bitrix, InstallationService installations, TokenStore tokens,
            SessionTokens sessions) {
        this.hosts = hosts;
        this.bitrix = bitrix;
        this.installations = installations;
        this.tokens = tokens;
        this.sessions = sessions;
    }

    /**
     * Verifies the request, stores the user's tokens and issues a session.
     *
     * @throws FrameRejectedException when any check fails; nothing is stored then
     */
    public FrameSession verify(FrameRequest request) {
        if (request.domain() == null || request.memberId() == null || request.authId() == null) {
            throw new FrameRejectedException(FrameRejectedException.Reason.MALFORMED,
                    "The request lacks DOMAIN, member_id or AUTH_ID, so it did not come from a Bitrix24 portal frame");
        }
        PortalAddress claimed;
        try {
            claimed = hosts.require(request.domain(), request.https());
        } catch (UntrustedPortalException e) {
            Log.warnf("Frame POST for portal %s names untrusted host %s; rejected", request.memberId(), request.domain());
            throw new FrameRejectedException(FrameRejectedException.Reason.UNTRUSTED_PORTAL, e.getMessage(), e);
        }

        Installation installation = QuarkusTransaction.requiringNew()
                .call(() -> Installation.findByMemberId(request.memberId()).orElse(null));
        if (installation == null || !installation.isInstalled()) {
            Log.infof("Frame POST for portal %s (%s), which has not installed the app", request.memberId(), claimed);
            throw new FrameRejectedException(FrameRejectedException.Reason.NOT_INSTALLED,
                    "The app is not installed on portal " + claimed.host());
        }
        if (request.applicationToken() != null && installation.applicationTokenEnc != null
                && !installations.matchesApplicationToken(installation, request.applicationToken())) {
            // Not a rejection: the portal's check of AUTH_ID below decides. A mismatch means the app was reinstalled
            // while its uninstall event was lost, or someone replayed an install event.
            Log.warnf("Frame POST for portal %s carried another application token than the stored one", request.memberId());
        }

        // Ask the stored address, not the claimed one, because a renamed portal responds with 302 there and the client follows it.
        FixedTokenCredentials viewer = new FixedTokenCredentials(request.memberId(), installation.address(), request.authId());
        BatchResult who;
        try {
            who = bitrix.batch(viewer, Batch.create().add("user", "user.current").add("admin", "user.admin"));
        } catch (BitrixApiException e) {
            if (e.isOperationTimeLimit() || e.isQueryLimit()) {
                // A limit rejection does not mean the token is bad, so the user sees the pause, not advice to reopen the app.
                throw e;
            }
            Log.infof("Portal %s rejected the frame token (%s)", request.memberId(), e.code());
            throw new FrameRejectedException(FrameRejectedException.Reason.TOKEN_REFUSED,
                    "Portal " + installation.domain + " did not accept the token of this page (" + e.code() + ")", e);
        } catch (BitrixException e) {
            throw new FrameRejectedException(FrameRejectedException.Reason.TOKEN_REFUSED,
                    "Portal " + installation.domain + " could not be asked to confirm this page: " + e.getMessage(), e);
        }
        PortalAddress confirmed = viewer.address();
        if (!confirmed.equals(claimed)) {
            Log.warnf("Frame POST for portal %s names %s but the portal is at %s; rejected", request.memberId(), claimed, confirmed);
            throw new FrameRejectedException(FrameRejectedException.Reason.FORGED,
                    "The request names " + claimed.host() + ", but this installation belongs to " + confirmed.host());
        }
        if (!confirmed.equals(installation.address())) {
            recordMove(installation, confirmed);
        }

        // A rejected admin check must not pass as "not an admin" for the whole session.
        who.requireNoLimitRejection();
        JsonNode user = who.result("user");
        String userId = user.path("ID").asText();
        String userName = (user.path("NAME").asText("") + " " + user.path("LAST_NAME").asText("")).trim();
        boolean admin = who.succeeded("admin") && who.result("admin").asBoolean(false);
        PortalRef portal = new PortalRef(installation.id, installation.memberId, confirmed, installation.adminUserId);
        Instant expiresAt = Instant.now().plusSeconds(Math.max(60, request.authExpires()));
        QuarkusTransaction.requiringNew()
                .run(() -> tokens.save(portal, userId, request.authId(), request.refreshId(), expiresAt));

        Log.debugf("Verified frame of user %s on portal %s, placement %s", userId, request.memberId(), request.placement());
        return sessions.issue(request.memberId(), confirmed, userId, userName.isEmpty() ? "#" + userId : userName, admin,
                Languages.pick(request.lang()));
    }

    private void recordMove(Installation installation, PortalAddress confirmed) {
        QuarkusTransaction.requiringNew().run(() -> Installation.<Installation> findByIdOptional(installation.id)
                .ifPresent(stored -> {
                    Log.infof("Portal %s is now at %s (was %s)", stored.memberId, confirmed, stored.address());
                    stored.domain = confirmed.host();
                    stored.https = confirmed.https();
                    stored.updatedAt = Instant.now();
                }));
    }
}
