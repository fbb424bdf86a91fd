package org.b24backlog.demoportal.install;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.b24backlog.demoportal.DemoPortalConfig;
import org.b24backlog.demoportal.PortalUrls;
import org.b24backlog.demoportal.oauth.TokenPair;

/** Builds event payloads with the fields and string values of captured Bitrix24 event posts. */
final class EventPayloads {

    private EventPayloads() {
    }

    static Map<String, Object> install(DemoPortalConfig config, PortalUrls urls, String memberId,
            String applicationToken, TokenPair tokens, int handlerId, boolean finished) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("VERSION", String.valueOf(config.app().version()));
        data.put("ACTIVE", "Y");
        data.put("INSTALLED", finished ? "Y" : "N");
        data.put("LANGUAGE_ID", "en");
        Map<String, Object> auth = userAuth(config, urls, memberId, tokens);
        auth.put("refresh_token", tokens.refreshToken());
        auth.put("application_token", applicationToken);
        return envelope("ONAPPINSTALL", handlerId, data, auth);
    }

    static Map<String, Object> uninstall(PortalUrls urls, String memberId, String applicationToken, int handlerId,
            boolean clean) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("LANGUAGE_ID", "en");
        data.put("CLEAN", clean ? "1" : "0");
        Map<String, Object> auth = new LinkedHashMap<>();
        auth.put("domain", urls.domain());
        auth.put("client_endpoint", urls.clientEndpoint());
        auth.put("server_endpoint", urls.serverEndpoint());
        auth.put("member_id", memberId);
        auth.put("application_token", applicationToken);
        return envelope("ONAPPUNINSTALL", handlerId, data, auth);
    }

    /** A task event: the triggering user's short-lived token, no refresh token. */
    static Map<String, Object> task(DemoPortalConfig config, PortalUrls urls, String event, String memberId,
            String applicationToken, TokenPair tokens, int handlerId, int taskId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("FIELDS_BEFORE", event.equals("ONTASKADD") ? "undefined" : Map.of("ID", String.valueOf(taskId)));
        data.put("FIELDS_AFTER", Map.of("ID", String.valueOf(taskId)));
        data.put("IS_ACCESSIBLE", "undefined");
        Map<String, Object> auth = userAuth(config, urls, memberId, tokens);
        auth.put("application_token", applicationToken);
        return envelope(event, handlerId, data, auth);
    }

    private static Map<String, Object> userAuth(DemoPortalConfig config, PortalUrls urls, String memberId,
            TokenPair tokens) {
        Map<String, Object> auth = new LinkedHashMap<>();
        auth.put("access_token", tokens.accessToken());
        auth.put("expires", String.valueOf(tokens.accessExpiresAt().getEpochSecond()));
        auth.put("expires_in", String.valueOf(tokens.expiresIn()));
        auth.put("scope", config.app().scope());
        auth.put("domain", urls.domain());
        auth.put("server_endpoint", urls.serverEndpoint());
        auth.put("status", config.app().status());
        auth.put("client_endpoint", urls.clientEndpoint());
        auth.put("member_id", memberId);
        auth.put("user_id", String.valueOf(tokens.userId()));
        return auth;
    }

    private static Map<String, Object> envelope(String event, int handlerId, Map<String, Object> data,
            Map<String, Object> auth) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("event", event);
        payload.put("event_handler_id", String.valueOf(handlerId));
        payload.put("data", data);
        payload.put("ts", String.valueOf(Instant.now().getEpochSecond()));
        payload.put("auth", auth);
        return payload;
    }
}
