package org.b24backlog.bitrix;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Address of a portal: scheme and host, with a port only when it is not the scheme's default.
 * Portals are keyed by {@code member_id}; this address can change when a portal is renamed.
 */
public record PortalAddress(boolean https, String host) {

    private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:[0-9]{1,5})?");

    public PortalAddress {
        if (host == null || !HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("Invalid portal host: " + host);
        }
    }

    /**
     * Parses the {@code DOMAIN} that a portal sends, which may carry a default port ({@code :443}, {@code :80}).
     *
     * @throws IllegalArgumentException when the value is not a host name with an optional port
     */
    public static PortalAddress of(String domain, boolean https) {
        if (domain == null) {
            throw new IllegalArgumentException("Missing portal domain");
        }
        String host = domain.trim().toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (https && host.endsWith(":443")) {
            host = host.substring(0, host.length() - 4);
        } else if (!https && host.endsWith(":80")) {
            host = host.substring(0, host.length() - 3);
        }
        return new PortalAddress(https, host);
    }

    /** Parses an absolute URL such as a {@code client_endpoint} or a redirect target. */
    public static PortalAddress ofUrl(String url) {
        URI uri = URI.create(url.trim());
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("Not an HTTP URL: " + url);
        }
        String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        return of(authority, scheme.equals("https"));
    }

    public String scheme() {
        return https ? "https" : "http";
    }

    /** Origin for {@code Content-Security-Policy: frame-ancestors} and {@code postMessage}. */
    public String origin() {
        return scheme() + "://" + host;
    }

    public URI restUri(String method) {
        return URI.create(origin() + "/rest/" + method);
    }

    /** Returns the {@code client_endpoint} form of this address. */
    public String clientEndpoint() {
        return origin() + "/rest/";
    }

    @Override
    public String toString() {
        return origin();
    }
}
