package org.b24backlog.demoportal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * A REST error the portal returns as {@code {"error": ..., "error_description": ...}} with the given HTTP status.
 * {@code error} is a number for the Scrum methods and a string code everywhere else, as Bitrix24 sends them.
 */
public class RestException extends RuntimeException {

    private final int httpStatus;
    private final JsonNode error;
    private final ObjectNode extra;

    public RestException(int httpStatus, JsonNode error, String description, ObjectNode extra) {
        super(description);
        this.httpStatus = httpStatus;
        this.error = error;
        this.extra = extra;
    }

    /** A business error of a {@code tasks.api.scrum.*} method: HTTP 400 with the numeric code 0. */
    public static RestException scrum(String description) {
        return new RestException(400, IntNode.valueOf(0), description, null);
    }

    /** A parameter-binding error of an engine controller method: HTTP 400 with the numeric code 100. */
    public static RestException binding(String description) {
        return new RestException(400, IntNode.valueOf(100), description, null);
    }

    /** An error with a string code, as the classic REST methods and the REST server itself return. */
    public static RestException of(int httpStatus, String code, String description) {
        return new RestException(httpStatus, TextNode.valueOf(code), description, null);
    }

    /** The {@code ERROR_ARGUMENT} that {@code placement.bind} returns with HTTP 200 and an {@code argument} key. */
    public static RestException argument(String argument, String description) {
        ObjectNode extra = JsonNodeFactory.instance.objectNode().put("argument", argument);
        return new RestException(200, TextNode.valueOf("ERROR_ARGUMENT"), description, extra);
    }

    public int httpStatus() {
        return httpStatus;
    }

    public JsonNode error() {
        return error;
    }

    /** The error code as text, for the journal: {@code "0"}, {@code "100"} or the string code. */
    public String errorCode() {
        return error.asText();
    }

    public ObjectNode toBody() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("error", error);
        body.put("error_description", getMessage());
        if (extra != null) {
            body.setAll(extra);
        }
        return body;
    }
}
