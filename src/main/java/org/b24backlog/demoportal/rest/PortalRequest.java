package org.b24backlog.demoportal.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One top-level REST request after parsing: the method without {@code .json}, the path segment as sent, the raw
 * query string, the parameters without {@code auth} and the access token taken from them.
 */
record PortalRequest(String httpMethod, String method, String rawMethod, String rawQuery, ObjectNode params,
        String accessToken) {
}
