package org.b24backlog.bitrix;

import java.util.Map;
import java.util.Set;

/**
 * Tells reads from writes by the method name, so that a call whose outcome is unknown (a timeout, a server error) is
 * repeated only when repeating it cannot change anything on the portal.
 */
final class ReadMethods {

    /** Last name segments of Bitrix24 methods that only read, such as {@code tasks.task.list} or {@code user.current}. */
    private static final Set<String> READ_SUFFIXES = Set.of("get", "list", "getfields", "current", "admin", "info",
            "getstages", "access", "scope");

    private ReadMethods() {
    }

    /** Returns whether the call only reads; a batch counts as a read only when every one of its commands does. */
    static boolean isRead(String method, Map<String, ?> params) {
        if ("batch".equals(method)) {
            Object commands = params == null ? null : params.get("cmd");
            if (!(commands instanceof Map<?, ?> map) || map.isEmpty()) {
                return false;
            }
            return map.values().stream().allMatch(command -> {
                String text = String.valueOf(command);
                int query = text.indexOf('?');
                return isRead(query < 0 ? text : text.substring(0, query), Map.of());
            });
        }
        int dot = method.lastIndexOf('.');
        String last = (dot < 0 ? method : method.substring(dot + 1)).toLowerCase(java.util.Locale.ROOT);
        return READ_SUFFIXES.contains(last);
    }
}
