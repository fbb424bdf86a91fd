package org.b24backlog.frame;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The parameters a portal POSTs when it opens the app in a frame. Bitrix24 sends some of them in the query string
 * and the rest in the form body, and older portals send all of them in the body, so each key is read from both.
 * Nothing here is trusted until {@link FrameVerifier} has checked it.
 */
public record FrameRequest(String domain, boolean https, String lang, String appSid, String authId, long authExpires,
        String refreshId, String memberId, String applicationToken, String placement, ObjectNode placementOptions) {

    public static FrameRequest parse(MultivaluedMap<String, String> query, MultivaluedMap<String, String> form,
            ObjectMapper json) {
        return new FrameRequest(
                value(query, form, "DOMAIN"),
                "1".equals(value(query, form, "PROTOCOL")),
                value(query, form, "LANG"),
                value(query, form, "APP_SID"),
                value(query, form, "AUTH_ID"),
                parseSeconds(value(query, form, "AUTH_EXPIRES")),
                value(query, form, "REFRESH_ID"),
                value(query, form, "member_id"),
                value(query, form, "APPLICATION_TOKEN"),
                value(query, form, "PLACEMENT") == null ? "DEFAULT" : value(query, form, "PLACEMENT"),
                parseOptions(value(query, form, "PLACEMENT_OPTIONS"), json));
    }

    /** The {@code GROUP_ID} of a workgroup placement, which Bitrix24 sends as a string. */
    public String groupId() {
        JsonNode id = placementOptions.get("GROUP_ID");
        return id == null || id.isNull() ? null : id.asText();
    }

    private static String value(MultivaluedMap<String, String> query, MultivaluedMap<String, String> form, String key) {
        String fromForm = first(form, key);
        return fromForm != null ? fromForm : first(query, key);
    }

    private static String first(Map<String, List<String>> values, String key) {
        if (values == null) {
            return null;
        }
        List<String> list = values.get(key);
        if (list == null || list.isEmpty() || list.get(0) == null || list.get(0).isBlank()) {
            return null;
        }
        return list.get(0).trim();
    }

    private static long parseSeconds(String value) {
        try {
            return value == null ? 3600 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 3600;
        }
    }

    /** Parses {@code PLACEMENT_OPTIONS}, which is a JSON string, may be {@code []}, and was seen as "undefined". */
    private static ObjectNode parseOptions(String value, ObjectMapper json) {
        if (value == null) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            JsonNode node = json.readTree(value);
            return node instanceof ObjectNode object ? object : JsonNodeFactory.instance.objectNode();
        } catch (java.io.IOException e) {
            return JsonNodeFactory.instance.objectNode();
        }
    }

    @Override
    public String toString() {
        return "FrameRequest[domain=" + domain + ", memberId=" + memberId + ", placement=" + placement + ", lang=" + lang + "]";
    }
}
