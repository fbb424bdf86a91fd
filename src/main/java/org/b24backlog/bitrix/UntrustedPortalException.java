package org.b24backlog.bitrix;

/** A request named a portal that the app must not talk to. */
public class UntrustedPortalException extends BitrixException {

    private final String portal;

    public UntrustedPortalException(String portal, String reason) {
        super("Portal " + portal + " is not trusted: " + reason
                + ". An operator can add an on-premise portal to b24.portal-hosts.");
        this.portal = portal;
    }

    public String portal() {
        return portal;
    }
}
