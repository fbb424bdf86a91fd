package org.b24backlog.bitrix;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The outcome of every command of a batch, by key. A batch answers HTTP 200 even when some commands failed, so
 * callers ask each key for its result or its error.
 */
public final class BatchResult {

    private final String method;
    private final Map<String, JsonNode> results;
    private final Map<String, BitrixApiException> errors;
    private final Map<String, Integer> totals;
    private final Map<String, Integer> nexts;
    private final Map<String, Double> durations;

    private BatchResult(String method, Map<String, JsonNode> results, Map<String, BitrixApiException> errors,
            Map<String, Integer> totals, Map<String, Integer> nexts, Map<String, Double> durations) {
        this.method = method;
        this.results = results;
        this.errors = errors;
        this.totals = totals;
        this.nexts = nexts;
        this.durations = durations;
    }

    /** Reads a batch response. Errors name each failed command's method and key, so that messages point at the call. */
    static BatchResult of(JsonNode result, Batch batch) {
        Map<String, JsonNode> results = new LinkedHashMap<>();
        Map<String, BitrixApiException> errors = new LinkedHashMap<>();
        Map<String, Integer> totals = new LinkedHashMap<>();
        Map<String, Integer> nexts = new LinkedHashMap<>();
        Map<String, Double> durations = new LinkedHashMap<>();
        // Bitrix24 sends an empty map as [] rather than {}, so only object members are read.
        forEachField(result.path("result"), results::put);
        forEachField(result.path("result_error"), (key, error) -> errors.put(key, new BitrixApiException(commandName(batch, key), 200,
                error.path("error").asText(), error.path("error_description").asText(""))));
        forEachField(result.path("result_total"), (key, total) -> totals.put(key, total.asInt()));
        forEachField(result.path("result_next"), (key, next) -> nexts.put(key, next.asInt()));
        forEachField(result.path("result_time"), (key, time) -> {
            if (time.path("duration").isNumber()) {
                durations.put(key, time.get("duration").asDouble());
            }
        });
        return new BatchResult("batch", results, errors, totals, nexts, durations);
    }

    private static String commandName(Batch batch, String key) {
        String method = batch.method(key);
        return method == null ? "batch command " + key : method + " (batch command " + key + ")";
    }

    private static void forEachField(JsonNode node, java.util.function.BiConsumer<String, JsonNode> consumer) {
        if (!node.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            consumer.accept(field.getKey(), field.getValue());
        }
    }

    public boolean succeeded(String key) {
        return results.containsKey(key) && !errors.containsKey(key);
    }

    /**
     * Returns the result of one command.
     *
     * @throws BitrixApiException the command's own error when it failed
     */
    public JsonNode result(String key) {
        BitrixApiException error = errors.get(key);
        if (error != null) {
            throw error;
        }
        JsonNode value = results.get(key);
        if (value == null) {
            throw new BitrixApiException(method, 200, "MISSING_RESULT", "the batch returned nothing for command " + key);
        }
        return value;
    }

    /**
     * Raises the first command error that is a rejection for the portal's limits. Such a command did not run, so a
     * reader that skipped it would show missing data as if it did not exist.
     *
     * @throws BitrixApiException the OPERATION_TIME_LIMIT or QUERY_LIMIT_EXCEEDED error of a command
     */
    public BatchResult requireNoLimitRejection() {
        return requireNoLimitRejection(key -> true);
    }

    /** Raises the first limit rejection among the commands whose keys {@code counted} accepts, as the method above. */
    public BatchResult requireNoLimitRejection(Predicate<String> counted) {
        for (Map.Entry<String, BitrixApiException> error : errors.entrySet()) {
            if (counted.test(error.getKey()) && (error.getValue().isOperationTimeLimit() || error.getValue().isQueryLimit())) {
                throw error.getValue();
            }
        }
        return this;
    }

    public Optional<BitrixApiException> error(String key) {
        return Optional.ofNullable(errors.get(key));
    }

    public Map<String, BitrixApiException> errors() {
        return Map.copyOf(errors);
    }

    public Optional<Integer> total(String key) {
        return Optional.ofNullable(totals.get(key));
    }

    public Optional<Integer> next(String key) {
        return Optional.ofNullable(nexts.get(key));
    }

    /** Returns the execution time in seconds of each command that reported one in {@code result_time}, by key. */
    Map<String, Double> durations() {
        return Map.copyOf(durations);
    }
}
