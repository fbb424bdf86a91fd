package org.b24backlog.installation;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.b24backlog.bitrix.Batch;
import org.b24backlog.bitrix.BatchResult;
import org.b24backlog.bitrix.BitrixClient;
import org.b24backlog.bitrix.PortalCredentials;
import org.b24backlog.config.AppConfig;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.logging.Log;

/**
 * Registers what the app needs on a portal: the workgroup tab and the uninstall event handler. Existing
 * registrations are read first and kept, so that a repeated install does not create duplicates.
 */
@ApplicationScoped
public class HandlerBindings {

    public static final String GROUP_TAB = "SONET_GROUP_DETAIL_TAB";
    public static final String UNINSTALL_EVENT = "ONAPPUNINSTALL";

    private final BitrixClient bitrix;
    private final TokenStore tokens;
    private final AppConfig config;

    public HandlerBindings(BitrixClient bitrix, TokenStore tokens, AppConfig config) {
        this.bitrix = bitrix;
        this.tokens = tokens;
        this.config = config;
    }

    /**
     * Binds the group tab and the uninstall handler with the admin's token.
     *
     * @throws InstallRejectedException when the portal refuses a registration
     */
    public void bind(PortalRef portal, String adminUserId) {
        PortalCredentials admin = tokens.chain(portal, adminUserId);
        String groupTabUrl = publicUrl("/placement/group-tab");
        String eventsUrl = publicUrl("/events");

        BatchResult existing = bitrix.batch(admin, Batch.create().add("placements", "placement.get").add("events", "event.get"));
        Batch binds = Batch.create();
        if (!contains(existing.result("placements"), "placement", GROUP_TAB, groupTabUrl)) {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("PLACEMENT", GROUP_TAB);
            params.put("HANDLER", groupTabUrl);
            params.put("TITLE", "Backlog");
            params.put("LANG_ALL", Map.of("en", Map.of("TITLE", "Backlog"), "ru", Map.of("TITLE", "Бэклог")));
            binds.add("tab", "placement.bind", params);
        }
        if (!contains(existing.result("events"), "event", UNINSTALL_EVENT, eventsUrl)) {
            binds.add("uninstall", "event.bind", Map.of("event", UNINSTALL_EVENT, "handler", eventsUrl));
        }
        if (binds.isEmpty()) {
            Log.infof("Portal %s already has the group tab and the uninstall handler", portal.memberId());
            return;
        }

        BatchResult bound = bitrix.batch(admin, binds);
        StringBuilder reasons = new StringBuilder();
        bound.errors().forEach((key, error) -> {
            // The installer page and ONAPPINSTALL may bind at the same moment; the loser finds the handler bound.
            if (!isAlreadyBound(error.description())) {
                reasons.append(' ').append(key).append(": ").append(error.code()).append(' ').append(error.description()).append(';');
            }
        });
        if (!reasons.isEmpty()) {
            throw new InstallRejectedException("Portal " + portal.memberId() + " rejected a registration:" + reasons);
        }
        Log.infof("Bound %d handlers on portal %s", binds.size(), portal.memberId());
    }

    /**
     * Recognises the error of a repeated registration. NOTE: the texts ("Handler already binded" for event.bind,
     * "already bound" for placement.bind) are the demo portal's; they are not confirmed on a real portal.
     */
    private static boolean isAlreadyBound(String description) {
        String text = description == null ? "" : description.toLowerCase(Locale.ROOT);
        return text.contains("already binded") || text.contains("already bound");
    }

    private static boolean contains(JsonNode registrations, String kindKey, String kind, String handler) {
        if (!registrations.isArray()) {
            return false;
        }
        for (JsonNode registration : registrations) {
            String registeredKind = field(registration, kindKey);
            String registeredHandler = field(registration, "handler");
            if (kind.equalsIgnoreCase(registeredKind) && handler.equals(registeredHandler)) {
                return true;
            }
        }
        return false;
    }

    /** Reads a field whichever case the portal used for its key. */
    private static String field(JsonNode node, String key) {
        JsonNode value = node.has(key) ? node.get(key) : node.get(key.toUpperCase(Locale.ROOT));
        return value == null ? null : value.asText();
    }

    private String publicUrl(String path) {
        String base = config.publicUrl().endsWith("/") ? config.publicUrl().substring(0, config.publicUrl().length() - 1)
                : config.publicUrl();
        return base + path;
    }
}
