package org.b24backlog.demoportal.rest;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads REST parameters leniently, because the same call may arrive as JSON (typed values) or as a form or query
 * string (every value a string).
 */
public final class Params {

    private Params() {
    }

    /** Returns the first present parameter among the given spellings, for methods that accept {@code FILTER} and {@code filter}. */
    public static JsonNode first(ObjectNode params, String... names) {
        for (String name : names) {
            JsonNode value = params.get(name);
            if (value != null && !value.isNull()) {
                return value;
            }
        }
        return MissingNode.getInstance();
    }

    /** Returns the integer a node holds as a number or as decimal text, or null if it holds anything else. */
    public static Integer asInt(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return node.intValue();
        }
        if (node.isTextual()) {
            String text = node.asText().trim();
            if (text.matches("-?\\d{1,9}")) {
                return Integer.parseInt(text);
            }
        }
        return null;
    }

    /** Returns the integer, or {@code fallback} when the node is missing or not an integer. */
    public static int asInt(JsonNode node, int fallback) {
        Integer value = asInt(node);
        return value == null ? fallback : value;
    }

    /** Reads {@code "Y"}, {@code "1"}, {@code "true"} and JSON {@code true} as true. */
    public static boolean asFlag(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return false;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        String text = node.asText();
        return text.equals("Y") || text.equals("1") || text.equalsIgnoreCase("true");
    }

    /** Returns the items of an array, the values of an object (as forms encode lists) or a lone scalar. */
    public static List<JsonNode> asList(JsonNode node) {
        List<JsonNode> items = new ArrayList<>();
        if (node == null || node.isMissingNode() || node.isNull()) {
            return items;
        }
        if (node.isContainerNode()) {
            node.elements().forEachRemaining(items::add);
        } else {
            items.add(node);
        }
        return items;
    }

    /**
     * Binds a required integer parameter of an engine controller method, failing with code 100 and the controller's
     * wording when it is missing or not an integer.
     */
    public static int requiredInt(ObjectNode params, String name) {
        JsonNode value = params.get(name);
        if (value == null || value.isNull()) {
            throw RestException.binding("Could not find value for parameter {" + name + "}");
        }
        Integer number = asInt(value);
        if (number == null) {
            throw RestException.binding("Invalid value {" + value.asText() + "} to match with parameter {" + name
                    + "}. Should be value of type int.");
        }
        return number;
    }

    /** Binds a required object parameter of an engine controller method, failing with code 100 when it is missing. */
    public static ObjectNode requiredObject(ObjectNode params, String name) {
        JsonNode value = params.get(name);
        if (value instanceof ObjectNode object) {
            return object;
        }
        if (value != null && value.isArray() && value.isEmpty()) {
            return params.objectNode();
        }
        throw RestException.binding("Could not find value for parameter {" + name + "}");
    }
}
