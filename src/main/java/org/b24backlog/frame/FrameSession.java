package org.b24backlog.frame;

import org.b24backlog.bitrix.PortalAddress;

/**
 * A verified user inside a verified portal frame, as carried by the app's session token.
 *
 * @param token the signed session token itself, to put into links and forms
 */
public record FrameSession(String memberId, PortalAddress portal, String userId, String userName, boolean admin, String lang,
        String token) {
}
