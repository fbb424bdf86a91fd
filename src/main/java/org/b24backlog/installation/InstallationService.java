package org.b24backlog.installation;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.b24backlog.audit.AuditLog;
import org.b24backlog.bitrix.BatchResult;
import org.b24backlog.bitrix.Batch;
import org.b24backlog.bitrix.BitrixClient;
import org.b24backlog.bitrix.BitrixException;
import org.b24backlog.bitrix.FixedTokenCredentials;
import org.b24backlog.bitrix.OAuthClient;
import org.b24backlog.bitrix.OAuthException;
import org.b24backlog.bitrix.PortalAddress;
import org.b24backlog.bitrix.PortalHosts;
import org.b24backlog.bitrix.TokenGrant;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Records installs and uninstalls. An install is trusted only after the configured OAuth server, given the claimed
 * refresh token and the app's own credentials, confirms the portal's {@code member_id} and address, and the portal
 * confirms that the token belongs to an administrator.
 */
@ApplicationScoped
public class InstallationService {

    private final OAuthClient oauth;
    private final BitrixClient bitrix;
    private final PortalHosts hosts;
    private final TokenStore tokens;
    private final TokenCipher cipher;
    private final AuditLog audit;

    public InstallationService(OAuthClient oauth, BitrixClient bitrix, PortalHosts hosts, TokenStore tokens, TokenCipher cipher,
            AuditLog audit) {
        this.oauth = oauth;
        this.bitrix = bitrix;
        this.hosts = hosts;
        this.tokens = tokens;
        this.cipher = cipher;
        this.audit = audit;
    }

    /** An installation that passed verification, with the admin who installed it. */
    public record VerifiedInstall(PortalRef portal, String adminUserId, String adminName) {
    }

    /**
     * Verifies a claim and creates or renews the installation. Both the installer page and ONAPPINSTALL call this,
     * because either may arrive late or not at all.
     *
     * @throws InstallRejectedException when verification fails; nothing is stored then
     */
    public VerifiedInstall install(InstallClaim claim) {
        hosts.requireAllowed(claim.address());
        if (claim.refreshToken() == null || claim.refreshToken().isBlank()) {
            throw new InstallRejectedException("The " + claim.source() + " for portal " + claim.memberId()
                    + " carries no refresh token, so it cannot be verified");
        }

        TokenGrant grant;
        try {
            grant = oauth.refresh(claim.refreshToken());
        } catch (OAuthException e) {
            throw new InstallRejectedException("The OAuth server did not accept the token of the " + claim.source()
                    + " for portal " + claim.memberId() + " (" + e.code() + ")", e);
        }
        requireSamePortal(claim, grant);

        FixedTokenCredentials admin = new FixedTokenCredentials(claim.memberId(), claim.address(), grant.accessToken());
        BatchResult who;
        try {
            who = bitrix.batch(admin, Batch.create().add("user", "user.current").add("admin", "user.admin"));
        } catch (BitrixException e) {
            throw new InstallRejectedException("Portal " + claim.address() + " did not accept the verified token: " + e.getMessage(), e);
        }
        String userId = who.result("user").path("ID").asText();
        String userName = (who.result("user").path("NAME").asText("") + " " + who.result("user").path("LAST_NAME").asText("")).trim();
        if (!who.result("admin").asBoolean(false)) {
            throw new InstallRejectedException("User " + userId + " on portal " + claim.memberId()
                    + " is not an administrator, so they cannot install the app");
        }

        PortalRef portal = storeWithRetry(claim, grant, userId);
        audit.record(portal.memberId(), userId, userName, "app.installed", null, null, true, "via " + claim.source());
        Log.infof("Installed on portal %s (%s) by user %s via %s", portal.memberId(), portal.address(), userId, claim.source());
        return new VerifiedInstall(portal, userId, userName);
    }

    private void requireSamePortal(InstallClaim claim, TokenGrant grant) {
        if (!claim.memberId().equals(grant.memberId())) {
            Log.warnf("Install claim for portal %s carried a token of portal %s; rejected", claim.memberId(), grant.memberId());
            throw new InstallRejectedException("The token of the " + claim.source() + " belongs to another portal than "
                    + claim.memberId());
        }
        PortalAddress confirmed;
        try {
            confirmed = PortalAddress.ofUrl(grant.clientEndpoint());
        } catch (RuntimeException e) {
            throw new InstallRejectedException("The OAuth server returned no usable client_endpoint for portal " + claim.memberId());
        }
        if (!confirmed.host().equals(claim.address().host())) {
            Log.warnf("Install claim for portal %s named %s but the OAuth server returned %s; rejected", claim.memberId(),
                    claim.address(), confirmed);
            throw new InstallRejectedException("Portal " + claim.memberId() + " is at " + confirmed.host() + ", not at "
                    + claim.address().host());
        }
    }

    private PortalRef storeWithRetry(InstallClaim claim, TokenGrant grant, String userId) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> store(claim, grant, userId));
        } catch (RuntimeException e) {
            // The installer page and ONAPPINSTALL may arrive at the same moment. The loser of the insert race retries
            // once and then finds the row the winner created.
            Log.infof("Storing the installation of portal %s failed once (%s); retrying", claim.memberId(), e.toString());
            return QuarkusTransaction.requiringNew().call(() -> store(claim, grant, userId));
        }
    }

    private PortalRef store(InstallClaim claim, TokenGrant grant, String userId) {
        Instant now = Instant.now();
        Installation installation = Installation.findByMemberId(claim.memberId()).orElseGet(Installation::new);
        installation.memberId = claim.memberId();
        installation.domain = claim.address().host();
        installation.https = claim.address().https();
        if (installation.state != InstallationState.INSTALLED) {
            installation.installedAt = now;
        }
        installation.state = InstallationState.INSTALLED;
        installation.uninstalledAt = null;
        installation.adminUserId = userId;
        installation.scope = grant.scope();
        installation.updatedAt = now;
        if (claim.applicationToken() != null && !claim.applicationToken().isBlank()) {
            if (installation.id != null && installation.state == InstallationState.INSTALLED
                    && installation.applicationTokenEnc != null && !matchesApplicationToken(installation, claim.applicationToken())) {
                Log.warnf("Portal %s replaced its application token through the %s of admin %s", claim.memberId(),
                        claim.source(), userId);
                audit.record(claim.memberId(), userId, null, "app.token_replaced", null, null, true, "via " + claim.source());
            }
            installation.applicationTokenEnc = cipher.encrypt(claim.applicationToken(), applicationTokenContext(claim.memberId()));
        } else if (installation.applicationTokenEnc == null) {
            Log.warnf("Portal %s installed without an application token yet; uninstall events are rejected until "
                    + "ONAPPINSTALL delivers one", claim.memberId());
        }
        installation.persistAndFlush();
        PortalRef portal = PortalRef.of(installation);
        tokens.save(portal, userId, grant.accessToken(), grant.refreshToken(), grant.expiresAt());
        return portal;
    }

    /** Outcome of an ONAPPUNINSTALL event. */
    public enum UninstallOutcome {
        /** Tokens destroyed, the installation kept as uninstalled with its audit log. */
        UNINSTALLED,
        /** Everything the app held for the portal was deleted. */
        PURGED
    }

    /**
     * Handles ONAPPUNINSTALL after checking its application token against the stored one in constant time.
     *
     * @throws InstallRejectedException when the portal is unknown or the token does not match; nothing changes
     */
    public UninstallOutcome uninstall(String memberId, String applicationToken, boolean clean) {
        PortalRef portal = QuarkusTransaction.requiringNew().call(() -> {
            Installation installation = Installation.findByMemberId(memberId)
                    .orElseThrow(() -> new InstallRejectedException("Uninstall event for unknown portal " + memberId));
            if (!matchesApplicationToken(installation, applicationToken)) {
                Log.warnf("Uninstall event for portal %s carried a wrong application token; rejected", memberId);
                throw new InstallRejectedException("Uninstall event for portal " + memberId + " carried a wrong application token");
            }
            return PortalRef.of(installation);
        });
        requireAccessRevoked(portal);
        return QuarkusTransaction.requiringNew().call(() -> removeInstallation(memberId, clean));
    }

    /**
     * Confirms an uninstall with the portal. Every frame POST carries the application token, so a user who can open
     * the app could forge the event. After a real uninstall, though, the portal no longer accepts the app's tokens.
     */
    private void requireAccessRevoked(PortalRef portal) {
        if (portal.adminUserId() == null) {
            return;
        }
        try {
            bitrix.call(tokens.chain(portal, portal.adminUserId()), "app.info", java.util.Map.of());
        } catch (NoTokenException | OAuthException e) {
            return;
        } catch (org.b24backlog.bitrix.BitrixApiException e) {
            if (e.isAuthFailure() || e.httpStatus() == 403) {
                return;
            }
            throw new InstallRejectedException("Portal " + portal.memberId() + " could not confirm the uninstall (" + e.code()
                    + "); nothing was removed", e);
        } catch (BitrixException e) {
            throw new InstallRejectedException("Portal " + portal.memberId() + " could not be asked to confirm the uninstall: "
                    + e.getMessage() + "; nothing was removed", e);
        }
        Log.warnf("Uninstall event for portal %s, but the portal still accepts the app's token; rejected", portal.memberId());
        throw new InstallRejectedException("Portal " + portal.memberId()
                + " still accepts the app's token, so the app was not uninstalled there; nothing was removed");
    }

    private UninstallOutcome removeInstallation(String memberId, boolean clean) {
        Installation installation = Installation.findByMemberId(memberId)
                .orElseThrow(() -> new InstallRejectedException("Uninstall event for unknown portal " + memberId));
        long removed = PortalToken.deleteForInstallation(installation.id);
        if (clean) {
            audit.purge(memberId);
            installation.delete();
            Log.infof("Portal %s uninstalled the app and asked to delete its data: %d token chains and the audit log removed",
                    memberId, removed);
            return UninstallOutcome.PURGED;
        }
        installation.state = InstallationState.UNINSTALLED;
        installation.uninstalledAt = Instant.now();
        installation.updatedAt = installation.uninstalledAt;
        installation.applicationTokenEnc = null;
        audit.record(memberId, null, null, "app.uninstalled", null, null, true, removed + " token chains destroyed");
        Log.infof("Portal %s uninstalled the app: %d token chains destroyed", memberId, removed);
        return UninstallOutcome.UNINSTALLED;
    }

    /** Compares a presented application token with the stored one in constant time. */
    public boolean matchesApplicationToken(Installation installation, String presented) {
        if (presented == null || installation.applicationTokenEnc == null) {
            return false;
        }
        String stored = cipher.decrypt(installation.applicationTokenEnc, applicationTokenContext(installation.memberId));
        return MessageDigest.isEqual(stored.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    public Optional<PortalRef> findInstalled(String memberId) {
        return QuarkusTransaction.requiringNew().call(() -> Installation.findByMemberId(memberId)
                .filter(Installation::isInstalled).map(PortalRef::of));
    }

    static String applicationTokenContext(String memberId) {
        return memberId + "|application_token";
    }
}
