package org.b24backlog.bitrix;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.b24backlog.config.BitrixConfig;

/**
 * The allow-list of portal hosts. No request leaves the app for a host that is not on it, whatever a frame POST,
 * an event or a redirect names.
 */
@ApplicationScoped
public class PortalHosts {

    private final List<String> entries;
    private final boolean allowHttp;

    public PortalHosts(BitrixConfig config) {
        this.entries = config.portalHosts().stream().map(e -> e.trim().toLowerCase(Locale.ROOT)).filter(e -> !e.isEmpty())
                .toList();
        this.allowHttp = config.allowHttp();
    }

    public boolean isAllowed(PortalAddress address) {
        if (!address.https() && !allowHttp) {
            return false;
        }
        String hostPort = address.host();
        String hostOnly = hostPort.contains(":") ? hostPort.substring(0, hostPort.indexOf(':')) : hostPort;
        boolean defaultPort = !hostPort.contains(":");
        for (String entry : entries) {
            if (entry.startsWith("*.")) {
                // A wildcard covers subdomains on the scheme's default port only, never the bare suffix itself.
                if (defaultPort && hostOnly.endsWith(entry.substring(1))) {
                    return true;
                }
            } else if (entry.equals(hostPort)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Parses and checks a portal's {@code DOMAIN} and {@code PROTOCOL} pair.
     *
     * @throws UntrustedPortalException when the value is malformed or the host is not on the allow-list
     */
    public PortalAddress require(String domain, boolean https) {
        PortalAddress address;
        try {
            address = PortalAddress.of(domain, https);
        } catch (IllegalArgumentException e) {
            throw new UntrustedPortalException(domain, "it is not a host name");
        }
        requireAllowed(address);
        return address;
    }

    /** @throws UntrustedPortalException when the address is not on the allow-list */
    public void requireAllowed(PortalAddress address) {
        if (!isAllowed(address)) {
            throw new UntrustedPortalException(address.origin(),
                    address.https() || allowHttp ? "the host is not on the b24.portal-hosts allow-list" : "plain HTTP is not allowed");
        }
    }
}
