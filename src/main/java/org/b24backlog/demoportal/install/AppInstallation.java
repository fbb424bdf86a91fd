package org.b24backlog.demoportal.install;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.b24backlog.demoportal.DemoPortalConfig;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.arc.profile.IfBuildProfile;

/**
 * The app's installation on the demo portal: its state, the {@code application_token} of the current installation and
 * the placements and event handlers it bound. The {@code member_id} is derived from the portal domain, so it stays
 * the same across reinstalls and restarts, as a real portal's does.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = { "dev", "test" })
public class AppInstallation {

    /** Local id of the app on the portal, as {@code app.info} returns it and the app page URL contains it. */
    public static final int APP_ID = 7;

    private final SecureRandom random = new SecureRandom();
    private final List<PlacementBinding> placements = new ArrayList<>();
    private final List<EventBinding> events = new ArrayList<>();
    private InstallState state = InstallState.NOT_INSTALLED;
    private String applicationToken;
    private int installedBy;
    private int nextBindingId = 1;
    private String memberId;

    @Inject
    DemoPortalConfig config;

    @PostConstruct
    void deriveMemberId() {
        try {
            byte[] digest = MessageDigest.getInstance("MD5")
                    .digest(("demo-portal:" + config.domain()).getBytes(StandardCharsets.UTF_8));
            memberId = HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this JVM", e);
        }
    }

    public String memberId() {
        return memberId;
    }

    public synchronized InstallState state() {
        return state;
    }

    public synchronized boolean isFinished() {
        return state == InstallState.INSTALLED;
    }

    public synchronized Optional<String> applicationToken() {
        return Optional.ofNullable(applicationToken);
    }

    public synchronized int installedBy() {
        return installedBy;
    }

    /** Starts a new installation with a fresh application token; the installer page must then finish it. */
    public synchronized String install(int userId) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        applicationToken = HexFormat.of().formatHex(bytes);
        installedBy = userId;
        state = InstallState.INSTALLED_NOT_FINISHED;
        return applicationToken;
    }

    /** Marks the installation finished, as {@code BX24.installFinish()} does; false when nothing was installed. */
    public synchronized boolean finish() {
        if (state == InstallState.NOT_INSTALLED) {
            return false;
        }
        state = InstallState.INSTALLED;
        return true;
    }

    /** Removes the installation and all its bindings, returning the event handlers bound until now. */
    public synchronized List<EventBinding> uninstall() {
        List<EventBinding> bound = List.copyOf(events);
        placements.clear();
        events.clear();
        applicationToken = null;
        installedBy = 0;
        state = InstallState.NOT_INSTALLED;
        return bound;
    }

    // Placements

    public synchronized PlacementBinding bindPlacement(String placement, String handler, String title,
            String description, String groupName, JsonNode langAll,
            JsonNode options) {
        PlacementBinding binding = new PlacementBinding(nextBindingId++, placement, handler, title, description,
                groupName, langAll, options);
        placements.add(binding);
        return binding;
    }

    public synchronized List<PlacementBinding> placements() {
        return List.copyOf(placements);
    }

    /** Placements that the portal shows: none until the installation is finished. */
    public synchronized List<PlacementBinding> visiblePlacements(String placement) {
        if (state != InstallState.INSTALLED) {
            return List.of();
        }
        return placements.stream().filter(p -> p.placement().equals(placement)).toList();
    }

    /** Removes the matching bindings; a null handler matches every handler of the placement. */
    public synchronized int unbindPlacement(String placement, String handler) {
        int before = placements.size();
        placements.removeIf(p -> p.placement().equals(placement) && (handler == null || p.handler().equals(handler)));
        return before - placements.size();
    }

    // Events

    public synchronized EventBinding bindEvent(String event, String handler, int authType, boolean offline) {
        EventBinding binding = new EventBinding(nextBindingId++, event.toUpperCase(Locale.ROOT), handler, authType,
                offline);
        events.add(binding);
        return binding;
    }

    public synchronized List<EventBinding> events() {
        return List.copyOf(events);
    }

    /** Handlers that receive the event now: none until the installation is finished. */
    public synchronized List<EventBinding> deliverableHandlers(String event) {
        if (state != InstallState.INSTALLED) {
            return List.of();
        }
        return events.stream().filter(e -> e.event().equalsIgnoreCase(event) && !e.offline()).toList();
    }

    /** Removes the matching handlers; a null handler matches every handler of the event. */
    public synchronized int unbindEvent(String event, String handler) {
        int before = events.size();
        events.removeIf(e -> e.event().equalsIgnoreCase(event) && (handler == null || e.handler().equals(handler)));
        return before - events.size();
    }

    /** Forgets the installation without sending anything, for a reset of the demo portal. */
    public synchronized void forget() {
        uninstall();
        nextBindingId = 1;
    }
}
