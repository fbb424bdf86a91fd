package org.b24backlog.demoportal.install;

import java.util.Map;

/**
 * One event post the portal sent, or chose not to send.
 *
 * @param payload the nested form fields before bracket encoding; they contain tokens, so never log them
 * @param httpStatus the handler's status, 0 when nothing was sent or the connection failed
 * @param failure why delivery failed or was skipped, null when the handler returned a 2xx status
 */
public record EventDelivery(String event, String url, Map<String, Object> payload, boolean delivered, int httpStatus,
        String failure) {
}
