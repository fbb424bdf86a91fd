package org.b24backlog.installation;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;

import org.b24backlog.bitrix.OAuthClient;
import org.b24backlog.bitrix.OAuthException;
import org.b24backlog.bitrix.PortalAddress;
import org.b24backlog.bitrix.PortalCredentials;
import org.b24backlog.bitrix.TokenGrant;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Stores token chains per portal and per user, encrypted, and refreshes them so that one chain is refreshed once
 * however many requests find it expired at the same moment: an in-process lock lets one thread of this instance
 * refresh, and a row lock in the database does the same across app instances that share it.
 */
@ApplicationScoped
public class TokenStore {

    private final TokenCipher cipher;
    private final OAuthClient oauth;
    private final ConcurrentHashMap<String, ReentrantLock> refreshLocks = new ConcurrentHashMap<>();

    public TokenStore(TokenCipher cipher, OAuthClient oauth) {
        this.cipher = cipher;
        this.oauth = oauth;
    }

    /** Creates or replaces a user's token chain; runs in the caller's transaction. */
    public void save(PortalRef portal, String userId, String accessToken, String refreshToken, Instant expiresAt) {
        PortalToken token = PortalToken.findFor(portal.installationId(), userId).orElseGet(PortalToken::new);
        token.installationId = portal.installationId();
        token.userId = userId;
        token.accessTokenEnc = cipher.encrypt(accessToken, context(portal.memberId(), userId, "access"));
        token.refreshTokenEnc = cipher.encrypt(refreshToken, context(portal.memberId(), userId, "refresh"));
        token.expiresAt = expiresAt;
        token.updatedAt = Instant.now();
        token.persist();
    }

    /**
     * Returns the stored chain of a user.
     *
     * @throws NoTokenException when the app has no token for that user
     */
    public PortalCredentials chain(PortalRef portal, String userId) {
        String accessToken = QuarkusTransaction.requiringNew().call(() -> PortalToken.findFor(portal.installationId(), userId)
                .map(t -> cipher.decrypt(t.accessTokenEnc, context(portal.memberId(), userId, "access")))
                .orElseThrow(() -> new NoTokenException(portal.memberId(), userId)));
        return new StoredChain(portal, userId, accessToken);
    }

    private String refresh(PortalRef portal, String userId, String expiredAccessToken) {
        ReentrantLock lock = refreshLocks.computeIfAbsent(portal.installationId() + "|" + userId, k -> new ReentrantLock());
        lock.lock();
        try {
            return QuarkusTransaction.requiringNew().call(() -> refreshLocked(portal, userId, expiredAccessToken));
        } finally {
            lock.unlock();
        }
    }

    private String refreshLocked(PortalRef portal, String userId, String expiredAccessToken) {
        PortalToken token = PortalToken.lockFor(portal.installationId(), userId)
                .orElseThrow(() -> new NoTokenException(portal.memberId(), userId));
        String current = cipher.decrypt(token.accessTokenEnc, context(portal.memberId(), userId, "access"));
        if (!current.equals(expiredAccessToken)) {
            // Another request or instance refreshed the chain while this one waited for the lock.
            return current;
        }
        String refreshToken = cipher.decrypt(token.refreshTokenEnc, context(portal.memberId(), userId, "refresh"));
        if (refreshToken == null) {
            throw new OAuthException(OAuthException.Reason.TOKEN_REVOKED, "no_refresh_token",
                    "the portal gave no refresh token for this user");
        }
        TokenGrant grant = oauth.refresh(refreshToken);
        if (!portal.memberId().equals(grant.memberId())) {
            Log.warnf("OAuth server returned member_id %s for a token of portal %s; refusing the new pair", grant.memberId(),
                    portal.memberId());
            throw new OAuthException(OAuthException.Reason.OTHER, "member_mismatch",
                    "the OAuth server returned a token of another portal");
        }
        token.accessTokenEnc = cipher.encrypt(grant.accessToken(), context(portal.memberId(), userId, "access"));
        token.refreshTokenEnc = cipher.encrypt(grant.refreshToken(), context(portal.memberId(), userId, "refresh"));
        token.expiresAt = grant.expiresAt();
        token.updatedAt = Instant.now();
        Log.infof("Refreshed the token of user %s on portal %s", userId, portal.memberId());
        return grant.accessToken();
    }

    private void moved(PortalRef portal, PortalAddress target) {
        QuarkusTransaction.requiringNew().run(() -> Installation.<Installation> findByIdOptional(portal.installationId())
                .ifPresent(installation -> {
                    Log.infof("Portal %s is now at %s (was %s)", portal.memberId(), target, installation.address());
                    installation.domain = target.host();
                    installation.https = target.https();
                    installation.updatedAt = Instant.now();
                }));
    }

    static String context(String memberId, String userId, String field) {
        return memberId + "|" + userId + "|" + field;
    }

    /** A chain handed to the REST client; it keeps the newest access token it has seen. */
    private final class StoredChain implements PortalCredentials {

        private final PortalRef portal;
        private final String userId;
        private volatile String accessToken;
        private volatile PortalAddress address;

        StoredChain(PortalRef portal, String userId, String accessToken) {
            this.portal = portal;
            this.userId = userId;
            this.accessToken = accessToken;
            this.address = portal.address();
        }

        @Override
        public String memberId() {
            return portal.memberId();
        }

        @Override
        public String userId() {
            return userId;
        }

        @Override
        public PortalAddress address() {
            return address;
        }

        @Override
        public String accessToken() {
            return accessToken;
        }

        @Override
        public String refresh(String expiredAccessToken) {
            accessToken = TokenStore.this.refresh(portal, userId, expiredAccessToken);
            return accessToken;
        }

        @Override
        public void moved(PortalAddress newAddress) {
            address = newAddress;
            TokenStore.this.moved(portal, newAddress);
        }
    }
}
