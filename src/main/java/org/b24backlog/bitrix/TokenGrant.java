package org.b24backlog.bitrix;

import java.time.Instant;

/**
 * A token pair issued by the OAuth server, with the portal it belongs to as the OAuth server states it.
 *
 * @param clientEndpoint the portal's REST root, for example {@code https://acme.bitrix24.com/rest/}
 * @param userId the Bitrix24 user the tokens act as; {@code null} when the server did not say
 */
public record TokenGrant(String accessToken, String refreshToken, Instant expiresAt, String memberId,
        String clientEndpoint, String userId, String scope, String status) {

    @Override
    public String toString() {
        // Tokens stay out of logs and exception messages.
        return "TokenGrant[memberId=" + memberId + ", userId=" + userId + ", clientEndpoint=" + clientEndpoint
                + ", expiresAt=" + expiresAt + "]";
    }
}
