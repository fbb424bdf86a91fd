package org.b24backlog.bitrix;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Converts between PHP-style bracketed form keys ({@code auth[member_id]=x}, {@code select[]=ID},
 * {@code filter[>=ID]=10}) and nested maps and lists.
 *
 * <p>
 * Bitrix24 is written in PHP and sends event posts as {@code application/x-www-form-urlencoded} bodies that follow
 * PHP's {@code parse_str} rules; its REST API accepts the same form in query strings and batch commands. This class
 * is hand-written because no maintained Java library parses PHP-style nested form keys.
 *
 * <p>
 * Parsing follows {@code parse_str}: {@code a[b][c]=1} nests maps, {@code a[]=x} appends with the next integer key,
 * a later value for the same key replaces the earlier one, and a key whose brackets do not close is taken literally. Unlike PHP, an unencoded {@code =} inside brackets
 * belongs to the key.
 * A map whose keys are exactly {@code "0"} to {@code "n-1"} in order becomes a {@link List}, as PHP's
 * {@code json_encode} would print it. All leaf values are strings.
 */
public final class BracketParams {

    private BracketParams() {
    }

    /**
     * Parses an {@code application/x-www-form-urlencoded} string, ignoring a leading {@code ?}.
     *
     * @throws IllegalArgumentException if a percent escape is malformed
     */
    public static Map<String, Object> parse(String urlEncoded) {
        Map<String, Object> root = new LinkedHashMap<>();
        if (urlEncoded == null || urlEncoded.isEmpty()) {
            return root;
        }
        String text = urlEncoded.startsWith("?") ? urlEncoded.substring(1) : urlEncoded;
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = findKeyEnd(pair);
            String key = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            put(root, key, value);
        }
        return finish(root);
    }

    /** Parses already decoded form values, for example those of a JAX-RS {@code MultivaluedMap}. */
    public static Map<String, Object> parse(Map<String, ? extends List<String>> formValues) {
        Map<String, Object> root = new LinkedHashMap<>();
        for (Map.Entry<String, ? extends List<String>> entry : formValues.entrySet()) {
            for (String value : entry.getValue()) {
                put(root, entry.getKey(), value == null ? "" : value);
            }
        }
        return finish(root);
    }

    /** Parses an {@code application/x-www-form-urlencoded} string into a Jackson object. */
    public static ObjectNode parseToJson(String urlEncoded) {
        return (ObjectNode) toJson(parse(urlEncoded));
    }

    /** Parses already decoded form values into a Jackson object. */
    public static ObjectNode parseToJson(Map<String, ? extends List<String>> formValues) {
        return (ObjectNode) toJson(parse(formValues));
    }

    /**
     * Encodes nested maps, lists and scalars (or a Jackson tree) as a query string without a leading {@code ?}, the
     * way PHP's {@code http_build_query} does: list items get their index as key, {@code true}/{@code false} become
     * {@code 1}/{@code 0}, and {@code null} values are left out. Brackets are percent-encoded.
     */
    public static String encode(Map<String, ?> params) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, ?> entry : params.entrySet()) {
            appendEncoded(out, entry.getKey(), entry.getValue());
        }
        return out.toString();
    }

    /** Encodes the fields of a Jackson object; see {@link #encode(Map)}. */
    public static String encode(ObjectNode params) {
        StringBuilder out = new StringBuilder();
        params.fields().forEachRemaining(field -> appendEncoded(out, field.getKey(), field.getValue()));
        return out.toString();
    }

    /** Converts the result of {@link #parse(String)} (maps, lists, strings) into a Jackson tree. */
    public static JsonNode toJson(Object value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = nodes.objectNode();
            map.forEach((key, item) -> object.set(String.valueOf(key), toJson(item)));
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = nodes.arrayNode();
            list.forEach(item -> array.add(toJson(item)));
            return array;
        }
        return value == null ? nodes.nullNode() : nodes.textNode(String.valueOf(value));
    }

    /**
     * Finds the {@code =} that ends the key, skipping any inside brackets, so that the unencoded
     * {@code filter[>=ID]=10} used throughout the Bitrix24 documentation parses as intended.
     */
    private static int findKeyEnd(String pair) {
        boolean inBrackets = false;
        for (int i = 0; i < pair.length(); i++) {
            char c = pair.charAt(i);
            if (c == '[' && pair.indexOf(']', i) > 0) {
                inBrackets = true;
            } else if (c == ']') {
                inBrackets = false;
            } else if (c == '=' && !inBrackets) {
                return i;
            }
        }
        return -1;
    }

    private static void put(Map<String, Object> root, String key, String value) {
        List<String> path = splitKey(key);
        Map<String, Object> container = root;
        for (int i = 0; i < path.size() - 1; i++) {
            String segment = resolveSegment(container, path.get(i));
            Object child = container.get(segment);
            if (!(child instanceof Map)) {
                child = new LinkedHashMap<String, Object>();
                container.put(segment, child);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> next = (Map<String, Object>) child;
            container = next;
        }
        container.put(resolveSegment(container, path.get(path.size() - 1)), value);
    }

    /** Splits {@code a[b][]} into {@code a}, {@code b} and the empty segment that means "append". */
    private static List<String> splitKey(String key) {
        List<String> path = new ArrayList<>();
        int open = key.indexOf('[');
        if (open <= 0 || key.indexOf(']', open) < 0) {
            path.add(key);
            return path;
        }
        path.add(key.substring(0, open));
        int position = open;
        while (position < key.length() && key.charAt(position) == '[') {
            int close = key.indexOf(']', position);
            if (close < 0) {
                break;
            }
            path.add(key.substring(position + 1, close));
            position = close + 1;
        }
        return path;
    }

    /** Replaces the empty "append" segment with the next free integer key, as PHP does. */
    private static String resolveSegment(Map<String, Object> container, String segment) {
        if (!segment.isEmpty()) {
            return segment;
        }
        long next = 0;
        for (String existing : container.keySet()) {
            if (isIndex(existing)) {
                next = Math.max(next, Long.parseLong(existing) + 1);
            }
        }
        return Long.toString(next);
    }

    private static boolean isIndex(String key) {
        if (key.isEmpty() || key.length() > 18) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            if (!Character.isDigit(key.charAt(i))) {
                return false;
            }
        }
        return key.equals("0") || key.charAt(0) != '0';
    }

    /** Turns maps with keys {@code "0".."n-1"} in order into lists, bottom up. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> finish(Map<String, Object> map) {
        map.replaceAll((key, value) -> value instanceof Map ? asListIfSequential(finish((Map<String, Object>) value))
                : value);
        return map;
    }

    private static Object asListIfSequential(Map<String, Object> map) {
        int expected = 0;
        for (String key : map.keySet()) {
            if (!key.equals(Integer.toString(expected))) {
                return map;
            }
            expected++;
        }
        return map.isEmpty() ? map : new ArrayList<>(map.values());
    }

    private static void appendEncoded(StringBuilder out, String key, Object value) {
        if (value instanceof JsonNode node) {
            appendJson(out, key, node);
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((childKey, child) -> appendEncoded(out, key + "[" + childKey + "]", child));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                appendEncoded(out, key + "[" + i + "]", list.get(i));
            }
        } else if (value != null) {
            String text = value.toString();
            if (value instanceof Boolean flag) {
                text = flag ? "1" : "0";
            }
            appendPair(out, key, text);
        }
    }

    private static void appendJson(StringBuilder out, String key, JsonNode node) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> appendJson(out, key + "[" + field.getKey() + "]", field.getValue()));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                appendJson(out, key + "[" + i + "]", node.get(i));
            }
        } else if (node.isBoolean()) {
            appendPair(out, key, node.booleanValue() ? "1" : "0");
        } else if (!node.isNull() && !node.isMissingNode()) {
            appendPair(out, key, node.asText());
        }
    }

    private static void appendPair(StringBuilder out, String key, String value) {
        if (!out.isEmpty()) {
            out.append('&');
        }
        out.append(URLEncoder.encode(key, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
