package org.b24backlog.frame;

/**
 * Data that every page's layout needs: the language, the session token for links and forms, and where the frame library
 * is loaded from.
 *
 * @param sessionToken {@code null} on pages shown before a session exists, such as error pages
 */
public record PageContext(String lang, String sessionToken, boolean admin, String userName, String frameSdkUrl) {

    /** Returns the query string that carries the session to the next page. */
    public String query() {
        return sessionToken == null ? "" : "?s=" + sessionToken;
    }
}
