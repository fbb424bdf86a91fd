package org.b24backlog.demoportal.faults;

import jakarta.ws.rs.core.Response;

/** The HTML page a reverse proxy sends when the server behind it fails, which a JSON client cannot parse. */
public final class ProxyErrorPage {

    private ProxyErrorPage() {
    }

    public static String html(int httpStatus) {
        Response.Status known = Response.Status.fromStatusCode(httpStatus);
        String title = httpStatus + " " + (known != null ? known.getReasonPhrase() : "Server Error");
        return "<!DOCTYPE html>\n<html>\n<head><title>" + title + "</title></head>\n<body>\n<h1>" + title
                + "</h1>\n<p>The proxy got no valid response from the upstream server.</p>\n</body>\n</html>\n";
    }
}
