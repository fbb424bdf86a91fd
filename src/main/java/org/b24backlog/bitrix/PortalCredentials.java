package org.b24backlog.bitrix;

/**
 * The token chain a call runs with: one user on one portal. Implementations decide how tokens are stored and how a
 * refresh is shared between concurrent callers.
 */
public interface PortalCredentials {

    /** The portal's stable id; used in logs. */
    String memberId();

    /** The user the tokens act as, or {@code null} while the token is not yet verified; used in the call journal. */
    default String userId() {
        return null;
    }

    PortalAddress address();

    String accessToken();

    /**
     * Replaces an access token that the portal refused as expired or unknown and returns the token to use next. When another
     * caller already refreshed the chain, returns that newer token without a second refresh.
     *
     * @throws OAuthException when the OAuth server refuses the refresh
     */
    String refresh(String expiredAccessToken);

    /** Records that the portal moved to another address: it was renamed and responded with 302. */
    void moved(PortalAddress newAddress);
}
