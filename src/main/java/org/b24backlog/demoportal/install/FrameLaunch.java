package org.b24backlog.demoportal.install;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The form post a portal page sends into an app iframe: {@code DOMAIN}, {@code PROTOCOL}, {@code LANG} and
 * {@code APP_SID} in the query string, tokens and placement in the form body. The iframe's {@code name} is
 * {@code DOMAIN|PROTOCOL|APP_SID}.
 *
 * @param url the handler URL without the portal's query parameters
 * @param install true for the installer page, which must call {@code BX24.installFinish()}
 */
public record FrameLaunch(String url, Map<String, String> query, Map<String, String> form, int userId,
        boolean install) {

    public String appSid() {
        return query.get("APP_SID");
    }

    public String frameName() {
        return query.get("DOMAIN") + "|" + query.get("PROTOCOL") + "|" + query.get("APP_SID");
    }

    /** The form's {@code action}: the handler URL with the query parameters appended. */
    public String actionUrl() {
        String encoded = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return url + (url.contains("?") ? "&" : "?") + encoded;
    }

    public String accessToken() {
        return form.get("AUTH_ID");
    }

    public String refreshToken() {
        return form.get("REFRESH_ID");
    }
}
