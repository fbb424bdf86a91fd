package org.b24backlog.frame;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.b24backlog.bitrix.PortalAddress;
import org.b24backlog.config.AppConfig;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;

/**
 * Issues and checks the app's own short-lived session token. Third-party frames may not keep cookies, so pages carry
 * the token in links and forms instead.
 */
@ApplicationScoped
public class SessionTokens {

    private final JWTParser parser;
    private final Duration lifetime;

    public SessionTokens(JWTParser parser, AppConfig config) {
        this.parser = parser;
        this.lifetime = config.sessionLifetime();
    }

    public FrameSession issue(String memberId, PortalAddress portal, String userId, String userName, boolean admin, String lang) {
        String token = Jwt.subject(userId)
                .claim("mid", memberId)
                .claim("portal", portal.origin())
                .claim("name", userName)
                .claim("adm", admin)
                .claim("lang", lang)
                .expiresIn(lifetime)
                .sign();
        return new FrameSession(memberId, portal, userId, userName, admin, lang, token);
    }

    /**
     * Checks a session token's signature, issuer, audience and expiry.
     *
     * @throws FrameRejectedException when the token is missing or invalid
     */
    public FrameSession verify(String token) {
        if (token == null || token.isBlank()) {
            throw new FrameRejectedException(FrameRejectedException.Reason.SESSION_EXPIRED, "The request carries no session token");
        }
        JsonWebToken jwt;
        try {
            jwt = parser.parse(token);
        } catch (ParseException e) {
            throw new FrameRejectedException(FrameRejectedException.Reason.SESSION_EXPIRED,
                    "The session token is invalid or expired", e);
        }
        String portal = jwt.getClaim("portal");
        Object admin = jwt.getClaim("adm");
        return new FrameSession(jwt.getClaim("mid"), PortalAddress.ofUrl(portal), jwt.getSubject(), jwt.getClaim("name"),
                admin != null && Boolean.parseBoolean(admin.toString()), jwt.getClaim("lang"), token);
    }
}
