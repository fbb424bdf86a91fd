package org.b24backlog.demoportal.rest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Filtering, ordering and paging of a list method. Pages hold 50 rows; {@code start} is the offset and
 * {@code start=-1} returns the first page without {@code total}, as Bitrix24 list methods do.
 */
public final class ListQuery {

    public static final int PAGE_SIZE = 50;

    /** One page of rows with {@code total} (null for {@code start=-1}) and {@code next} (null on the last page). */
    public record Page<T>(List<T> rows, Integer total, Integer next) {

        public MethodResult toResult(JsonNode result) {
            return new MethodResult(result, total, next);
        }
    }

    private ListQuery() {
    }

    public static <T> List<T> filterAndOrder(List<T> rows, Function<T, Map<String, Object>> fields, JsonNode filter,
            JsonNode order, Set<String> supportedFields) {
        ListFilter listFilter = new ListFilter(filter, supportedFields);
        List<T> matching = new ArrayList<>(rows.stream().filter(row -> listFilter.matches(fields.apply(row))).toList());
        Comparator<T> comparator = comparator(fields, order, supportedFields);
        if (comparator != null) {
            matching.sort(comparator);
        }
        return matching;
    }

    public static <T> Page<T> page(List<T> rows, JsonNode start) {
        int offset = Params.asInt(start, 0);
        boolean withoutTotal = offset == -1;
        if (offset < 0) {
            offset = 0;
        }
        int end = Math.min(rows.size(), offset + PAGE_SIZE);
        List<T> pageRows = offset >= rows.size() ? List.of() : rows.subList(offset, end);
        if (withoutTotal) {
            return new Page<>(pageRows, null, null);
        }
        Integer next = end < rows.size() ? end : null;
        return new Page<>(pageRows, rows.size(), next);
    }

    private static <T> Comparator<T> comparator(Function<T, Map<String, Object>> fields, JsonNode order,
            Set<String> supportedFields) {
        if (order == null || !order.isObject()) {
            return null;
        }
        Comparator<T> result = null;
        Iterator<Map.Entry<String, JsonNode>> keys = order.fields();
        while (keys.hasNext()) {
            Map.Entry<String, JsonNode> key = keys.next();
            String field = key.getKey().toUpperCase(Locale.ROOT);
            if (!supportedFields.contains(field)) {
                continue;
            }
            Comparator<T> byField = (a, b) -> ListFilter.compare(String.valueOf(fields.apply(a).get(field)),
                    String.valueOf(fields.apply(b).get(field)));
            if (key.getValue().asText().equalsIgnoreCase("desc")) {
                byField = byField.reversed();
            }
            result = result == null ? byField : result.thenComparing(byField);
        }
        return result;
    }
}
