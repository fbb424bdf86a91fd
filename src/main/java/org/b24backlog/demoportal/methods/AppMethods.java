package org.b24backlog.demoportal.methods;

import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.b24backlog.demoportal.DemoPortalConfig;
import org.b24backlog.demoportal.install.AppInstallation;
import org.b24backlog.demoportal.install.EventBinding;
import org.b24backlog.demoportal.rest.MethodRegistry;
import org.b24backlog.demoportal.rest.MethodResult;
import org.b24backlog.demoportal.rest.Params;
import org.b24backlog.demoportal.rest.RestCall;
import org.b24backlog.demoportal.rest.RestDispatcher;
import org.b24backlog.demoportal.rest.RestException;
import org.b24backlog.demoportal.rest.RestMethodGroup;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.arc.profile.IfBuildProfile;

/** {@code app.info} and the event handler methods {@code event.bind}, {@code event.get}, {@code event.unbind}. */
@ApplicationScoped
@IfBuildProfile(anyOf = { "dev", "test" })
public class AppMethods implements RestMethodGroup {

    /** Events an app may bind on this portal; the names are those of Bitrix24. */
    static final Set<String> KNOWN_EVENTS = Set.of("ONAPPINSTALL", "ONAPPUNINSTALL", "ONAPPUPDATE", "ONTASKADD",
            "ONTASKUPDATE", "ONTASKDELETE", "ONSONETGROUPADD", "ONSONETGROUPUPDATE", "ONSONETGROUPDELETE");

    @Inject
    AppInstallation installation;

    @Inject
    DemoPortalConfig config;

    @Override
    public void registerTo(MethodRegistry registry) {
        registry.register("app.info", RestDispatcher.BASIC_SCOPE, this::appInfo);
        registry.register("event.bind", RestDispatcher.BASIC_SCOPE, this::bind);
        registry.register("event.get", RestDispatcher.BASIC_SCOPE, this::get);
        registry.register("event.unbind", RestDispatcher.BASIC_SCOPE, this::unbind);
    }

    /** The fields of the {@code app.info} example in the Bitrix24 documentation, with this portal's values. */
    private MethodResult appInfo(RestCall call) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("ID", String.valueOf(AppInstallation.APP_ID));
        result.put("CODE", config.clientId());
        result.put("VERSION", config.app().version());
        result.put("STATUS", config.app().status());
        result.put("INSTALLED", installation.isFinished());
        result.put("PAYMENT_EXPIRED", "N");
        result.putNull("DAYS");
        result.put("LANGUAGE_ID", "en");
        result.put("LICENSE", "en_project");
        result.put("LICENSE_TYPE", "project");
        result.put("LICENSE_FAMILY", "project");
        return MethodResult.of(result);
    }

    // NOTE: the error codes below for missing or unknown arguments and duplicates are this portal's choice; the
    // Bitrix24 pages read for it do not list event.bind errors.
    private MethodResult bind(RestCall call) {
        requireAdmin(call);
        String event = call.params().path("event").asText("").toUpperCase(Locale.ROOT);
        String handler = call.params().path("handler").asText("");
        if (event.isEmpty()) {
            throw RestException.of(400, "ERROR_ARGUMENT", "Argument 'event' is null or empty");
        }
        if (!KNOWN_EVENTS.contains(event)) {
            throw RestException.of(400, "ERROR_EVENT_NOT_FOUND", "Event not found: " + event);
        }
        if (handler.isEmpty()) {
            throw RestException.of(400, "ERROR_ARGUMENT", "Argument 'handler' is null or empty");
        }
        PlacementMethods.checkHandlerUrl(handler, "handler");
        boolean duplicate = installation.events().stream()
                .anyMatch(e -> e.event().equals(event) && e.handler().equals(handler));
        if (duplicate) {
            throw RestException.of(400, "ERROR_CORE", "Handler already binded");
        }
        int authType = Params.asInt(call.params().get("auth_type"), 0);
        boolean offline = call.params().path("event_type").asText("online").equalsIgnoreCase("offline");
        installation.bindEvent(event, handler, authType, offline);
        return MethodResult.of(BooleanNode.TRUE);
    }

    private MethodResult get(RestCall call) {
        requireAdmin(call);
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        for (EventBinding binding : installation.events()) {
            ObjectNode node = result.addObject();
            node.put("event", binding.event());
            node.put("handler", binding.handler());
            node.put("auth_type", String.valueOf(binding.authType()));
            node.put("offline", binding.offline() ? 1 : 0);
        }
        return MethodResult.of(result);
    }

    private MethodResult unbind(RestCall call) {
        requireAdmin(call);
        String event = call.params().path("event").asText("");
        if (event.isEmpty()) {
            throw RestException.of(400, "ERROR_ARGUMENT", "Argument 'event' is null or empty");
        }
        String handler = call.params().path("handler").asText(null);
        int count = installation.unbindEvent(event, handler == null || handler.isEmpty() ? null : handler);
        return MethodResult.of(JsonNodeFactory.instance.objectNode().put("count", count));
    }

    /** Administrator-only methods fail for other users with 403, as Bitrix24 rejects them. */
    static void requireAdmin(RestCall call) {
        if (!call.admin()) {
            throw RestException.of(403, "ACCESS_DENIED", "Access denied! Portal administrator rights are required.");
        }
    }
}
