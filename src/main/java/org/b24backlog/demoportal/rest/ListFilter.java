package org.b24backlog.demoportal.rest;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Bitrix24 list filter such as {@code {">=ID": 10, "GROUP_ID": [42, 43], "%NAME": "app"}} evaluated against rows
 * whose values are keyed by UPPERCASE field names. Supported prefixes: {@code =}, {@code !}/{@code !=}, {@code >},
 * {@code >=}, {@code <}, {@code <=}, {@code @}, {@code !@} (in a list), {@code %}, {@code !%} (contains),
 * {@code =%}, {@code %=}, {@code !=%}, {@code !%=} (LIKE with {@code %} wildcards). A list value matches any of its
 * items. Text compares without regard to case, as MySQL's default collation does.
 */
public final class ListFilter {

    private static final List<String> OPERATORS = List.of("!=%", "!%=", "!=", "!%", "!@", ">=", "<=", "=%", "%=",
            "@", "%", "=", ">", "<", "!");

    private record Condition(String field, String operator, List<String> values) {
    }

    private final List<Condition> conditions = new ArrayList<>();

    /**
     * Parses the filter; conditions on fields outside {@code supportedFields} are ignored.
     * NOTE: Bitrix24's reaction to an unsupported filter key differs per method and was not checked here.
     */
    public ListFilter(JsonNode filter, Set<String> supportedFields) {
        if (filter == null || !filter.isObject()) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = filter.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            String key = entry.getKey();
            String operator = OPERATORS.stream().filter(key::startsWith).findFirst().orElse("");
            String field = key.substring(operator.length()).toUpperCase(Locale.ROOT);
            if (!supportedFields.contains(field)) {
                continue;
            }
            List<String> values = Params.asList(entry.getValue()).stream().map(ListFilter::text).toList();
            conditions.add(new Condition(field, operator.isEmpty() ? "=" : operator, values));
        }
    }

    public boolean matches(Map<String, Object> row) {
        return conditions.stream().allMatch(condition -> matches(condition, row.get(condition.field())));
    }

    private static boolean matches(Condition condition, Object rawValue) {
        String value = rawValue == null ? "" : text(rawValue);
        String operator = condition.operator();
        boolean negated = operator.startsWith("!");
        String positive = negated ? operator.substring(1) : operator;
        if (positive.isEmpty()) {
            positive = "=";
        }
        String test = positive;
        boolean any = condition.values().stream().anyMatch(expected -> test(test, value, expected));
        if (condition.values().isEmpty()) {
            any = value.isEmpty();
        }
        return negated != any;
    }

    private static boolean test(String operator, String value, String expected) {
        return switch (operator) {
            case "=", "@" -> compare(value, expected) == 0;
            case ">" -> compare(value, expected) > 0;
            case ">=" -> compare(value, expected) >= 0;
            case "<" -> compare(value, expected) < 0;
            case "<=" -> compare(value, expected) <= 0;
            case "%" -> value.toLowerCase(Locale.ROOT).contains(expected.toLowerCase(Locale.ROOT));
            case "=%", "%=" -> like(value, expected);
            default -> false;
        };
    }

    /** Compares as numbers when both sides are numbers, otherwise as text without regard to case. */
    public static int compare(String left, String right) {
        try {
            return Double.compare(Double.parseDouble(left), Double.parseDouble(right));
        } catch (NumberFormatException e) {
            return left.compareToIgnoreCase(right);
        }
    }

    private static boolean like(String value, String pattern) {
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.split("%", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL).matcher(value).matches();
    }

    /** Text of a filter or row value; booleans become {@code Y}/{@code N} as Bitrix24 flags are stored. */
    private static String text(Object value) {
        if (value instanceof JsonNode node) {
            if (node.isBoolean()) {
                return node.booleanValue() ? "Y" : "N";
            }
            return node.asText();
        }
        if (value instanceof Boolean flag) {
            return flag ? "Y" : "N";
        }
        return String.valueOf(value);
    }
}
