package org.b24backlog.demoportal.rest;

import java.util.Iterator;
import java.util.Map;

import org.b24backlog.bitrix.BracketParams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Parses the parameters of a REST or OAuth request the way Bitrix24 accepts them: the query string, then a JSON or
 * {@code application/x-www-form-urlencoded} body, merged so that body values win over query values.
 */
public final class RequestParams {

    private RequestParams() {
    }

    /**
     * @throws RestException {@code INVALID_REQUEST} when the body is not valid JSON or not a JSON object
     */
    public static ObjectNode parse(ObjectMapper mapper, String rawQuery, String contentType, String body) {
        ObjectNode params = BracketParams.parseToJson(rawQuery == null ? "" : rawQuery);
        if (body == null || body.isBlank()) {
            return params;
        }
        String type = contentType == null ? "" : contentType.toLowerCase();
        if (type.contains("json")) {
            merge(params, parseJson(mapper, body));
        } else {
            merge(params, BracketParams.parseToJson(body));
        }
        return params;
    }

    private static ObjectNode parseJson(ObjectMapper mapper, String body) {
        try {
            JsonNode node = mapper.readTree(body);
            if (node instanceof ObjectNode object) {
                return object;
            }
            throw RestException.of(400, "INVALID_REQUEST", "The JSON body must be an object of parameters.");
        } catch (JsonProcessingException e) {
            throw RestException.of(400, "INVALID_REQUEST",
                    "The request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** Copies {@code source} into {@code target}, merging nested objects key by key. */
    public static void merge(ObjectNode target, ObjectNode source) {
        Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode existingObject && field.getValue() instanceof ObjectNode incoming) {
                merge(existingObject, incoming);
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }

    /** Removes and returns the access token, which Bitrix24 reads from the {@code auth} parameter. */
    public static String takeAccessToken(ObjectNode params) {
        JsonNode auth = params.remove("auth");
        return auth == null || !auth.isValueNode() ? null : auth.asText();
    }

    public static ObjectNode emptyObject() {
        return JsonNodeFactory.instance.objectNode();
    }
}
