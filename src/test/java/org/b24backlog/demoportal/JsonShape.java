package org.b24backlog.demoportal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Compares the shape of two JSON trees: every key of the expected tree must be present in the actual one with the same
 * JSON type (object, array, string, number, boolean), recursively. Values are not compared. Array items of the
 * actual tree are checked against the first expected item. An expected {@code null} accepts any scalar.
 */
final class JsonShape {

    private JsonShape() {
    }

    static List<String> differences(JsonNode expected, JsonNode actual) {
        List<String> differences = new ArrayList<>();
        compare("$", expected, actual, differences);
        return differences;
    }

    private static void compare(String path, JsonNode expected, JsonNode actual, List<String> differences) {
        if (actual == null || actual.isMissingNode()) {
            differences.add(path + ": missing");
            return;
        }
        if (expected.isNull()) {
            if (actual.isContainerNode()) {
                differences.add(path + ": expected a scalar or null, got " + type(actual));
            }
            return;
        }
        if (!type(expected).equals(type(actual))) {
            differences.add(path + ": expected " + type(expected) + ", got " + type(actual) + " (" + actual + ")");
            return;
        }
        if (expected.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                compare(path + "." + field.getKey(), field.getValue(), actual.get(field.getKey()), differences);
            }
        } else if (expected.isArray() && !expected.isEmpty()) {
            if (actual.isEmpty()) {
                differences.add(path + ": expected items, got an empty array");
            }
            for (int i = 0; i < actual.size(); i++) {
                compare(path + "[" + i + "]", expected.get(0), actual.get(i), differences);
            }
        }
    }

    private static String type(JsonNode node) {
        if (node.isObject()) {
            return "object";
        }
        if (node.isArray()) {
            return "array";
        }
        if (node.isTextual()) {
            return "string";
        }
        if (node.isNumber()) {
            return "number";
        }
        if (node.isBoolean()) {
            return "boolean";
        }
        return "null";
    }
}
