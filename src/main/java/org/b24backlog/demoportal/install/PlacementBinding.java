package org.b24backlog.demoportal.install;

import com.fasterxml.jackson.databind.JsonNode;

/** A widget the app registered with {@code placement.bind}. */
public record PlacementBinding(int id, String placement, String handler, String title, String description,
        String groupName, JsonNode langAll, JsonNode options) {
}
