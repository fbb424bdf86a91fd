package org.b24backlog.bitrix;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Parses Bitrix24 REST responses: the success envelope and both error envelopes. */
final class Envelopes {

    private Envelopes() {
    }

    /**
     * Returns the success envelope of a response.
     *
     * @throws BitrixApiException for an error envelope, whatever the HTTP status
     * @throws BitrixTransportException for a body that is not a Bitrix24 response
     */
    static BitrixResponse parse(ObjectMapper json, String method, int status, String body) {
        JsonNode envelope;
        try {
            envelope = json.readTree(body);
        } catch (IOException e) {
            throw new BitrixTransportException(method + " responded with HTTP " + status + " and a body that is not JSON");
        }
        if (envelope == null || !envelope.isObject()) {
            throw new BitrixTransportException(method + " responded with HTTP " + status + " without a JSON object");
        }
        // Some methods report argument errors with HTTP 200 (placement.bind), so an "error" key decides.
        if (envelope.has("error")) {
            throw new BitrixApiException(method, status, envelope.get("error").asText(),
                    envelope.path("error_description").asText(""));
        }
        if (status != 200 || !envelope.has("result")) {
            throw new BitrixApiException(method, status, "HTTP_" + status, "answer without result or error");
        }
        return BitrixResponse.of(envelope);
    }

}
