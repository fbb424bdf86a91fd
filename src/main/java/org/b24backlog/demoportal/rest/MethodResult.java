package org.b24backlog.demoportal.rest;

import com.fasterxml.jackson.databind.JsonNode;

/** What a REST method returns: the {@code result} payload and, for list methods, {@code total} and {@code next}. */
public record MethodResult(JsonNode result, Integer total, Integer next) {

    public static MethodResult of(JsonNode result) {
        return new MethodResult(result, null, null);
    }
}
