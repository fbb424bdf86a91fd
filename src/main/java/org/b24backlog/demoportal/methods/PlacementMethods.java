package org.b24backlog.demoportal.methods;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.b24backlog.demoportal.install.AppInstallation;
import org.b24backlog.demoportal.install.PlacementBinding;
import org.b24backlog.demoportal.rest.MethodRegistry;
import org.b24backlog.demoportal.rest.MethodResult;
import org.b24backlog.demoportal.rest.RestCall;
import org.b24backlog.demoportal.rest.RestException;
import org.b24backlog.demoportal.rest.RestMethodGroup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.arc.profile.IfBuildProfile;

/** {@code placement.bind}, {@code placement.get} and {@code placement.unbind}. */
@ApplicationScoped
@IfBuildProfile(anyOf = { "dev", "test" })
public class PlacementMethods implements RestMethodGroup {

    /** Placement codes this portal knows; the portal pages render only {@code SONET_GROUP_DETAIL_TAB}. */
    static final Set<String> KNOWN_PLACEMENTS = Set.of("SONET_GROUP_DETAIL_TAB", "SONET_GROUP_TOOLBAR",
            "SONET_GROUP_ROBOT_DESIGNER_TOOLBAR", "TASK_GROUP_LIST_TOOLBAR", "TASK_USER_LIST_TOOLBAR",
            "TASK_LIST_CONTEXT_MENU", "TASK_VIEW_TAB", "TASK_VIEW_SIDEBAR", "TASK_VIEW_TOP_PANEL", "LEFT_MENU",
            "REST_APP_URI", "PAGE_BACKGROUND_WORKER");

    @Inject
    AppInstallation installation;

    @Override
    public void registerTo(MethodRegistry registry) {
        registry.register("placement.bind", "placement", this::bind);
        registry.register("placement.get", "placement", this::get);
        registry.register("placement.unbind", "placement", this::unbind);
    }

    /** Argument errors come with HTTP 200, as the Bitrix24 documentation of {@code placement.bind} states. */
    private MethodResult bind(RestCall call) {
        AppMethods.requireAdmin(call);
        ObjectNode params = call.params();
        String placement = params.path("PLACEMENT").asText("");
        if (placement.isEmpty()) {
            throw RestException.argument("PLACEMENT", "Argument 'PLACEMENT' is null or empty");
        }
        if (!KNOWN_PLACEMENTS.contains(placement)) {
            throw RestException.argument("PLACEMENT", "Unknown placement: " + placement);
        }
        String handler = params.path("HANDLER").asText("");
        if (handler.isEmpty()) {
            throw RestException.of(200, "EMPTY_ERROR_HANDLER_URL", "Handler URL is empty");
        }
        checkHandlerUrl(handler, "HANDLER");
        if (params.hasNonNull("USER_ID") && !placement.equals("PAGE_BACKGROUND_WORKER")) {
            throw RestException.of(200, "ERROR_PLACEMENT_USER_MODE",
                    "USER_ID is supported only for PAGE_BACKGROUND_WORKER");
        }
        if (placement.equals("REST_APP_URI") && !installation.placements().stream()
                .filter(p -> p.placement().equals(placement)).toList().isEmpty()) {
            throw RestException.of(200, "ERROR_PLACEMENT_MAX_COUNT", "Placement REST_APP_URI is already bound");
        }
        // NOTE: what Bitrix24 does with a second bind of the same PLACEMENT and HANDLER is not documented; this
        // portal rejects it so that an app that binds on every install run notices.
        boolean duplicate = installation.placements().stream()
                .anyMatch(p -> p.placement().equals(placement) && p.handler().equals(handler));
        if (duplicate) {
            throw RestException.of(400, "ERROR_PLACEMENT_HANDLER_ALREADY_BOUND",
                    "Handler " + handler + " is already bound to " + placement);
        }
        installation.bindPlacement(placement, handler, params.path("TITLE").asText(""),
                params.path("DESCRIPTION").asText(""), params.path("GROUP_NAME").asText(""),
                params.path("LANG_ALL"), params.path("OPTIONS"));
        return MethodResult.of(BooleanNode.TRUE);
    }

    private MethodResult get(RestCall call) {
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        for (PlacementBinding binding : installation.placements()) {
            ObjectNode node = result.addObject();
            node.put("placement", binding.placement());
            node.put("handler", binding.handler());
            node.put("title", binding.title());
            node.put("description", binding.description());
            node.set("options", orEmptyArray(binding.options()));
            node.set("langAll", orEmptyArray(binding.langAll()));
        }
        return MethodResult.of(result);
    }

    private MethodResult unbind(RestCall call) {
        AppMethods.requireAdmin(call);
        String placement = call.params().path("PLACEMENT").asText("");
        if (placement.isEmpty()) {
            throw RestException.argument("PLACEMENT", "Argument 'PLACEMENT' is null or empty");
        }
        String handler = call.params().path("HANDLER").asText("");
        int count = installation.unbindPlacement(placement, handler.isEmpty() ? null : handler);
        return MethodResult.of(JsonNodeFactory.instance.objectNode().put("count", count));
    }

    /**
     * Checks a handler URL as Bitrix24 does for public handlers: absolute, with a host containing a dot, so
     * {@code localhost} is rejected and {@code 127.0.0.1} passes. Plain HTTP is accepted because this portal runs
     * without TLS.
     */
    static void checkHandlerUrl(String handler, String argument) {
        try {
            URI uri = new URI(handler);
            String scheme = uri.getScheme();
            boolean web = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
            if (web && uri.getHost() != null && uri.getHost().contains(".")) {
                return;
            }
        } catch (URISyntaxException e) {
            // rejected below
        }
        throw RestException.argument(argument, "Invalid handler URL " + handler
                + ": use an absolute http(s) URL whose host name contains a dot.");
    }

    private static JsonNode orEmptyArray(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? JsonNodeFactory.instance.arrayNode() : node;
    }
}
