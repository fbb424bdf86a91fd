package org.b24backlog.installation;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.b24backlog.bitrix.BitrixException;
import org.b24backlog.bitrix.BracketParams;
import org.b24backlog.bitrix.PortalAddress;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.logging.Log;

/**
 * The event handler URL: ONAPPINSTALL (the installation event handler of the Market card) and ONAPPUNINSTALL
 * (bound with event.bind). Bitrix24 posts events as forms with PHP-style bracketed keys such as
 * {@code auth[member_id]}. Every response is JSON, and a rejected event changes nothing.
 */
@Path("/events")
public class EventResource {

    private final InstallationService installations;
    private final HandlerBindings bindings;

    public EventResource(InstallationService installations, HandlerBindings bindings) {
        this.installations = installations;
        this.bindings = bindings;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(MultivaluedMap<String, String> form) {
        JsonNode event = BracketParams.parseToJson(form);
        String name = event.path("event").asText("");
        JsonNode auth = event.path("auth");
        String memberId = auth.path("member_id").asText(null);
        if (memberId == null || memberId.isBlank()) {
            return error(Response.Status.BAD_REQUEST, "invalid_event", "The event carries no auth[member_id]");
        }
        try {
            return switch (name.toUpperCase(java.util.Locale.ROOT)) {
                case "ONAPPINSTALL" -> onInstall(memberId, auth);
                case "ONAPPUNINSTALL" -> onUninstall(memberId, auth, event.path("data"));
                default -> error(Response.Status.BAD_REQUEST, "unsupported_event",
                        "Event '" + name + "' is not handled; only ONAPPINSTALL and ONAPPUNINSTALL are");
            };
        } catch (InstallRejectedException e) {
            return error(Response.Status.FORBIDDEN, "rejected", e.getMessage());
        } catch (BitrixException | IllegalArgumentException e) {
            Log.warnf("Event %s of portal %s could not be processed: %s", name, memberId, e.getMessage());
            return error(Response.Status.BAD_REQUEST, "invalid_event", e.getMessage());
        }
    }

    private Response onInstall(String memberId, JsonNode auth) {
        String endpoint = auth.path("client_endpoint").asText(null);
        String domain = auth.path("domain").asText(null);
        if (endpoint == null || domain == null) {
            return error(Response.Status.BAD_REQUEST, "invalid_event", "ONAPPINSTALL needs auth[domain] and auth[client_endpoint]");
        }
        PortalAddress address;
        try {
            address = PortalAddress.ofUrl(endpoint);
        } catch (IllegalArgumentException e) {
            Log.infof("ONAPPINSTALL for portal %s with an invalid client_endpoint; rejected", memberId);
            return error(Response.Status.BAD_REQUEST, "invalid_event", "auth[client_endpoint] '" + endpoint
                    + "' is not an http or https URL of a portal");
        }
        if (!address.host().equals(PortalAddress.of(domain, address.https()).host())) {
            return error(Response.Status.BAD_REQUEST, "invalid_event",
                    "auth[domain] " + domain + " does not match auth[client_endpoint] " + endpoint);
        }
        InstallClaim claim = new InstallClaim(memberId, address, auth.path("application_token").asText(null),
                auth.path("refresh_token").asText(null), "ONAPPINSTALL event");
        InstallationService.VerifiedInstall install = installations.install(claim);
        bindings.bind(install.portal(), install.adminUserId());
        return Response.ok(Map.of("result", "installed")).build();
    }

    private Response onUninstall(String memberId, JsonNode auth, JsonNode data) {
        boolean clean = "1".equals(data.path("CLEAN").asText("0"));
        InstallationService.UninstallOutcome outcome = installations.uninstall(memberId,
                auth.path("application_token").asText(null), clean);
        return Response.ok(Map.of("result", outcome.name().toLowerCase(java.util.Locale.ROOT))).build();
    }

    private static Response error(Response.Status status, String code, String description) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", code, "error_description", description)).build();
    }
}
