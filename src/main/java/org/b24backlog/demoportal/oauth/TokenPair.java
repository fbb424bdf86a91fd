package org.b24backlog.demoportal.oauth;

import java.time.Instant;

/**
 * One access and refresh token issued to a user. Tokens of one chain replace each other on every refresh; each
 * frame opening and each installation starts a new chain.
 */
public record TokenPair(String accessToken, String refreshToken, int userId, long chainId, Instant issuedAt,
        Instant accessExpiresAt, Instant refreshExpiresAt) {

    /** Lifetime of the access token in whole seconds, as {@code expires_in} and {@code AUTH_EXPIRES} send it. */
    public long expiresIn() {
        return accessExpiresAt.getEpochSecond() - issuedAt.getEpochSecond();
    }
}
