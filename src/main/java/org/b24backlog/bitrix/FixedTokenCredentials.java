package org.b24backlog.bitrix;

/**
 * A single access token that is not stored, such as the {@code AUTH_ID} of a frame POST that is still being
 * verified. It cannot be refreshed, and a redirect only changes this object's address.
 */
public final class FixedTokenCredentials implements PortalCredentials {

    private final String memberId;
    private final String accessToken;
    private volatile PortalAddress address;

    public FixedTokenCredentials(String memberId, PortalAddress address, String accessToken) {
        this.memberId = memberId;
        this.address = address;
        this.accessToken = accessToken;
    }

    @Override
    public String memberId() {
        return memberId;
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
        throw new OAuthException(OAuthException.Reason.TOKEN_REVOKED, "token_rejected",
                "the portal did not accept the token sent with this page");
    }

    @Override
    public void moved(PortalAddress newAddress) {
        address = newAddress;
    }
}
