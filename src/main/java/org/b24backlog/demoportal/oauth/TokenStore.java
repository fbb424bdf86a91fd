package org.b24backlog.demoportal.oauth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.b24backlog.demoportal.DemoPortalConfig;

import io.quarkus.arc.profile.IfBuildProfile;

/**
 * Access and refresh tokens of the demo portal. Tokens are random opaque strings. A refresh token works once: using
 * it issues a new pair in the same chain and invalidates both the used refresh token and the chain's previous access
 * token, as the 2020 Bitrix24 training documentation describes. Expired access tokens stay known, so calls with them
 * get {@code expired_token} rather than {@code invalid_token}.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = { "dev", "test" })
public class TokenStore {

    private final SecureRandom random = new SecureRandom();
    private final Map<String, TokenPair> byAccessToken = new HashMap<>();
    private final Map<String, TokenPair> byRefreshToken = new HashMap<>();
    private long nextChainId = 1;
    private final Clock clock = Clock.systemUTC();

    @Inject
    DemoPortalConfig config;

    /** Starts a new chain for the user and returns its first pair. */
    public synchronized TokenPair issue(int userId) {
        return issueInChain(userId, nextChainId++);
    }

    public synchronized TokenCheck check(String accessToken) {
        if (accessToken == null || accessToken.isBlank()) {
            return new TokenCheck(TokenCheck.Status.MISSING, null);
        }
        TokenPair pair = byAccessToken.get(accessToken);
        if (pair == null) {
            return new TokenCheck(TokenCheck.Status.UNKNOWN, null);
        }
        if (!clock.instant().isBefore(pair.accessExpiresAt())) {
            return new TokenCheck(TokenCheck.Status.EXPIRED, pair.userId());
        }
        return new TokenCheck(TokenCheck.Status.VALID, pair.userId());
    }

    /**
     * Exchanges a refresh token for a new pair in the same chain; empty when the token is unknown, already used or
     * expired.
     */
    public synchronized Optional<TokenPair> refresh(String refreshToken) {
        TokenPair old = byRefreshToken.remove(refreshToken);
        if (old == null) {
            return Optional.empty();
        }
        byAccessToken.remove(old.accessToken());
        if (!clock.instant().isBefore(old.refreshExpiresAt())) {
            return Optional.empty();
        }
        return Optional.of(issueInChain(old.userId(), old.chainId()));
    }

    /** Makes every access token issued so far expired; refresh tokens keep working. */
    public synchronized void expireAccessTokens() {
        Instant past = clock.instant().minusSeconds(1);
        byAccessToken.replaceAll((token, pair) -> new TokenPair(pair.accessToken(), pair.refreshToken(),
                pair.userId(), pair.chainId(), pair.issuedAt(), past, pair.refreshExpiresAt()));
        byRefreshToken.replaceAll((token, pair) -> byAccessToken.getOrDefault(pair.accessToken(), pair));
    }

    /**
     * Makes one access token expired, keeping its refresh token working; false when the token is unknown. A fault
     * uses it to end a token as the one-hour lifetime does.
     */
    public synchronized boolean expire(String accessToken) {
        TokenPair pair = accessToken == null ? null : byAccessToken.get(accessToken);
        if (pair == null) {
            return false;
        }
        TokenPair expired = new TokenPair(pair.accessToken(), pair.refreshToken(), pair.userId(), pair.chainId(),
                pair.issuedAt(), clock.instant().minusSeconds(1), pair.refreshExpiresAt());
        byAccessToken.put(accessToken, expired);
        byRefreshToken.computeIfPresent(pair.refreshToken(), (token, old) -> expired);
        return true;
    }

    /** Forgets every token, as an uninstall or a reset does. */
    public synchronized void revokeAll() {
        byAccessToken.clear();
        byRefreshToken.clear();
    }

    public synchronized int liveTokenCount() {
        return byAccessToken.size();
    }

    private TokenPair issueInChain(int userId, long chainId) {
        Instant now = clock.instant();
        Duration accessLifetime = config.accessTokenLifetime();
        TokenPair pair = new TokenPair(randomToken(), randomToken(), userId, chainId, now, now.plus(accessLifetime),
                now.plus(config.refreshTokenLifetime()));
        byAccessToken.put(pair.accessToken(), pair);
        byRefreshToken.put(pair.refreshToken(), pair);
        return pair;
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
