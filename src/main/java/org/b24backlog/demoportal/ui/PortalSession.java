package org.b24backlog.demoportal.ui;

import java.util.Optional;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;

import org.b24backlog.demoportal.DemoData;
import org.b24backlog.demoportal.data.DemoUser;
import org.b24backlog.demoportal.data.PortalStore;
import org.b24backlog.demoportal.rest.Params;

import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The viewing user of a portal page: the {@code user} query parameter when present (which also sets the cookie),
 * else the portal's own first-party cookie on the portal host, else the administrator.
 */
final class PortalSession {

    static final String COOKIE = "DEMO_PORTAL_USER";

    private PortalSession() {
    }

    static DemoUser viewer(PortalStore store, HttpHeaders headers, String userParameter) {
        Optional<DemoUser> fromQuery = parse(store, userParameter);
        if (fromQuery.isPresent()) {
            return fromQuery.get();
        }
        Cookie cookie = headers.getCookies().get(COOKIE);
        return parse(store, cookie == null ? null : cookie.getValue())
                .or(() -> store.user(DemoData.USER_ADMIN))
                .orElseThrow();
    }

    /** Builds the cookie that keeps a user chosen with {@code ?user=}; null when the page was opened without it. */
    static NewCookie cookieFor(String userParameter, DemoUser viewer) {
        if (userParameter == null || userParameter.isBlank()) {
            return null;
        }
        return new NewCookie.Builder(COOKIE)
                .value(String.valueOf(viewer.id()))
                .path("/")
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX)
                .build();
    }

    private static Optional<DemoUser> parse(PortalStore store, String value) {
        Integer id = Params.asInt(value == null ? null : TextNode.valueOf(value));
        return id == null ? Optional.empty() : store.user(id);
    }
}
