package org.b24backlog.demoportal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.arc.profile.IfBuildProfile;

/**
 * Addresses of the demo portal and its OAuth server. Both run in this process over plain HTTP, on the host name of
 * {@code demo-portal.domain}, so that the app (reached as {@code 127.0.0.1}) is framed cross-site as on a real portal.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = { "dev", "test" })
public class PortalUrls {

    /** Path of the OAuth server; JAX-RS needs it as a constant, so the config value must match it. */
    public static final String OAUTH_PATH = "/demo-oauth";

    @Inject
    DemoPortalConfig config;

    private volatile boolean renamed;

    public String domain() {
        return config.domain();
    }

    /** Tells whether a request's {@code Host} header names the portal; the comparison ignores case. */
    public boolean isPortalHost(String hostHeader) {
        return hostHeader != null && hostHeader.trim().equalsIgnoreCase(config.domain());
    }

    /** Returns the portal's second domain, which a rename fault redirects REST calls to. */
    public String renamedDomain() {
        return config.renamedDomain().orElse("other-portal." + config.domain());
    }

    /** Makes the renamed domain accept REST calls, as a rename fault does when it fires. */
    public void markRenamed() {
        renamed = true;
    }

    public boolean isRenamed() {
        return renamed;
    }

    /** Makes the renamed domain reject REST calls again, as {@code DemoPortal.reset()} does. */
    public void forgetRename() {
        renamed = false;
    }

    /** Tells whether the {@code Host} header names the renamed domain; the comparison ignores case. */
    public boolean isRenamedHost(String hostHeader) {
        return hostHeader != null && hostHeader.trim().equalsIgnoreCase(renamedDomain());
    }

    /** Tells whether REST calls with this {@code Host} reach the portal: its domain, or the renamed one after a rename. */
    public boolean isRestHost(String hostHeader) {
        return isPortalHost(hostHeader) || renamed && isRenamedHost(hostHeader);
    }

    public String portalBaseUrl() {
        return "http://" + config.domain();
    }

    /** The portal's REST root, sent as {@code client_endpoint}. */
    public String clientEndpoint() {
        return portalBaseUrl() + "/rest/";
    }

    /** The OAuth server's REST root, sent as {@code server_endpoint} and {@code SERVER_ENDPOINT}. */
    public String serverEndpoint() {
        return portalBaseUrl() + OAUTH_PATH + "/rest/";
    }

    /** Host of the OAuth server, sent as {@code domain} in refresh responses. */
    public String oauthDomain() {
        return config.domain();
    }
}
