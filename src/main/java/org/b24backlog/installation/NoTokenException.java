package org.b24backlog.installation;

import org.b24backlog.bitrix.BitrixException;

/** The app holds no token chain for this user on this portal; the user must reopen the app from the portal. */
public class NoTokenException extends BitrixException {

    public NoTokenException(String memberId, String userId) {
        super("No stored token for user " + userId + " on portal " + memberId + ": reopen the app from the portal");
    }
}
