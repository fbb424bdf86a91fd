package org.b24backlog.installation;

import org.b24backlog.bitrix.PortalAddress;

/** A detached view of an installation, safe to pass around outside a transaction. */
public record PortalRef(Long installationId, String memberId, PortalAddress address, String adminUserId) {

    static PortalRef of(Installation installation) {
        return new PortalRef(installation.id, installation.memberId, installation.address(), installation.adminUserId);
    }
}
