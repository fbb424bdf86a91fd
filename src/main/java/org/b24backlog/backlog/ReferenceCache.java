package org.b24backlog.backlog;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.b24backlog.config.AppConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Reference data that rarely changes, kept per portal for a short time so that a warm page load costs fewer
 * requests: the epics of a group, user names, and the backlog's field list. The app itself never changes these, so
 * only the expiry drops them.
 */
@ApplicationScoped
public class ReferenceCache {

    private final Cache<String, Map<String, JsonNode>> epics;
    private final Cache<String, String> userNames;
    private final Cache<String, List<BacklogView.Field>> fields;

    public ReferenceCache(AppConfig config) {
        this.epics = Caffeine.newBuilder().expireAfterWrite(config.referenceCacheTtl()).maximumSize(10_000).build();
        this.userNames = Caffeine.newBuilder().expireAfterWrite(config.referenceCacheTtl()).maximumSize(100_000).build();
        this.fields = Caffeine.newBuilder().expireAfterWrite(config.referenceCacheTtl()).maximumSize(10_000).build();
    }

    /** Epics of a group by id, or empty when they are not cached. */
    Optional<Map<String, JsonNode>> epics(String memberId, String groupId) {
        return Optional.ofNullable(epics.getIfPresent(memberId + "|" + groupId));
    }

    void putEpics(String memberId, String groupId, Map<String, JsonNode> byId) {
        epics.put(memberId + "|" + groupId, Map.copyOf(byId));
    }

    Optional<String> userName(String memberId, String userId) {
        return Optional.ofNullable(userNames.getIfPresent(memberId + "|" + userId));
    }

    void putUserName(String memberId, String userId, String name) {
        userNames.put(memberId + "|" + userId, name);
    }

    Optional<List<BacklogView.Field>> fields(String memberId) {
        return Optional.ofNullable(fields.getIfPresent(memberId));
    }

    void putFields(String memberId, List<BacklogView.Field> list) {
        fields.put(memberId, List.copyOf(list));
    }

    /** Forgets everything cached for a portal, for example after it uninstalled the app. */
    public void forget(String memberId) {
        epics.asMap().keySet().removeIf(key -> key.startsWith(memberId + "|"));
        userNames.asMap().keySet().removeIf(key -> key.startsWith(memberId + "|"));
        fields.invalidate(memberId);
    }
}
