package org.b24backlog.demoportal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.b24backlog.demoportal.install.FrameSessions;
import org.b24backlog.demoportal.oauth.TokenPair;
import org.b24backlog.demoportal.oauth.TokenStore;

import io.quarkus.arc.profile.IfBuildProfile;

/** Token hooks behind {@link DemoPortal}: issue and expire the tokens the portal's REST API and OAuth server accept. */
@ApplicationScoped
@IfBuildProfile(anyOf = { "dev", "test" })
class TokenHooks {

    @Inject
    TokenStore tokens;

    @Inject
    FrameSessions frames;

    /** Revokes every token and removes every open frame session. */
    void clear() {
        tokens.revokeAll();
        frames.clear();
    }

    TokenPair issue(int userId) {
        return tokens.issue(userId);
    }

    void expireAccessTokens() {
        tokens.expireAccessTokens();
    }
}
