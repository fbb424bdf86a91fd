package org.b24backlog.bitrix;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Up to 50 commands sent as one {@code batch} request. A command may refer to an earlier command's result with
 * {@code $result[key][field]} in a parameter value.
 */
public final class Batch {

    /** Bitrix24 refuses a batch of more commands with ERROR_BATCH_LENGTH_EXCEEDED. */
    public static final int MAX_COMMANDS = 50;

    private final Map<String, String> commands = new LinkedHashMap<>();
    private final Map<String, String> methods = new LinkedHashMap<>();
    private final boolean halt;

    private Batch(boolean halt) {
        this.halt = halt;
    }

    /** Creates a batch that runs every command even when earlier ones fail. */
    public static Batch create() {
        return new Batch(false);
    }

    public Batch add(String key, String method, Map<String, ?> params) {
        if (commands.size() == MAX_COMMANDS) {
            throw new IllegalStateException("A batch accepts at most " + MAX_COMMANDS + " commands");
        }
        if (commands.containsKey(key)) {
            throw new IllegalArgumentException("Duplicate batch key: " + key);
        }
        String query = params == null || params.isEmpty() ? "" : BracketParams.encode(params);
        commands.put(key, query.isEmpty() ? method : method + "?" + query);
        methods.put(key, method);
        return this;
    }

    public Batch add(String key, String method) {
        return add(key, method, Map.of());
    }

    public int size() {
        return commands.size();
    }

    public boolean isEmpty() {
        return commands.isEmpty();
    }

    /** Returns the method of the command under {@code key}, or null for a key the batch does not contain. */
    String method(String key) {
        return methods.get(key);
    }

    /** Returns the distinct methods of the commands, in the order they were first added. */
    Set<String> methods() {
        return new LinkedHashSet<>(methods.values());
    }

    Map<String, Object> params() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("halt", halt ? 1 : 0);
        params.put("cmd", commands);
        return params;
    }
}
