package org.b24backlog.installation;

import org.b24backlog.bitrix.PortalAddress;

/**
 * What an installer page POST or an ONAPPINSTALL event says about a new installation, before it is verified.
 *
 * @param applicationToken {@code null} when the source did not carry one (older portals omit it from frame POSTs)
 * @param source where the claim came from, for logs and the audit log
 */
public record InstallClaim(String memberId, PortalAddress address, String applicationToken, String refreshToken,
        String source) {

    @Override
    public String toString() {
        return "InstallClaim[memberId=" + memberId + ", address=" + address + ", source=" + source + "]";
    }
}
