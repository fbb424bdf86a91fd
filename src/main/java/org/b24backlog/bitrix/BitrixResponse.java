package org.b24backlog.bitrix;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A success envelope: {@code result}, and for list methods {@code total} and {@code next}.
 *
 * @param next the {@code start} value of the following page, or {@code null} on the last page
 */
public record BitrixResponse(JsonNode result, Integer total, Integer next, JsonNode time) {

    static BitrixResponse of(JsonNode envelope) {
        return new BitrixResponse(envelope.path("result"),
                envelope.hasNonNull("total") ? envelope.get("total").asInt() : null,
                envelope.hasNonNull("next") ? envelope.get("next").asInt() : null,
                envelope.path("time"));
    }
}
