package org.b24backlog.demoportal.methods;

import java.util.List;
import java.util.Locale;

import org.b24backlog.demoportal.rest.ListQuery;
import org.b24backlog.demoportal.rest.Params;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** List behaviour shared by {@code epic.list} and {@code sprint.list}. */
final class ScrumLists {

    private ScrumLists() {
    }

    /**
     * Sets {@code total} the way these controllers do, to the offset plus the rows fetched, so it is not the real
     * count; {@code next} still points at the next page when one exists.
     */
    static <T> ListQuery.Page<T> controllerPage(ListQuery.Page<T> page, JsonNode start) {
        if (page.total() == null) {
            return page;
        }
        int offset = Math.max(0, Params.asInt(start, 0));
        return new ListQuery.Page<>(page.rows(), offset + page.rows().size(), page.next());
    }

    /** Keeps only the selected fields, named by their database names ({@code GROUP_ID}); {@code *} keeps all. */
    static ObjectNode select(ObjectNode row, List<String> select) {
        if (select.isEmpty() || select.contains("*")) {
            return row;
        }
        List<String> keys = select.stream().map(ScrumLists::camelCase).toList();
        row.retain(keys);
        return row;
    }

    private static String camelCase(String databaseName) {
        if (!databaseName.contains("_") && !databaseName.equals(databaseName.toUpperCase(Locale.ROOT))) {
            return databaseName;
        }
        return WorkgroupMethods.camelCase(databaseName);
    }
}
