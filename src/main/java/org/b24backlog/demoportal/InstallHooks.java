package org.b24backlog.demoportal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.b24backlog.demoportal.data.PortalStore;
import org.b24backlog.demoportal.install.AppInstallation;
import org.b24backlog.demoportal.install.EventBinding;
import org.b24backlog.demoportal.install.EventDelivery;
import org.b24backlog.demoportal.install.FrameLaunch;
import org.b24backlog.demoportal.install.InstallOptions;
import org.b24backlog.demoportal.install.InstallResult;
import org.b24backlog.demoportal.install.InstallState;
import org.b24backlog.demoportal.install.InstallationService;
import org.b24backlog.demoportal.install.PlacementBinding;

import io.quarkus.arc.profile.IfBuildProfile;

/**
 * Install and launch hooks behind {@link DemoPortal}: install and uninstall the app as the Market page does, read the
 * installation, and build the frame posts the portal sends when a user opens the app.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = { "dev", "test" })
class InstallHooks {

    private static final long EVENT_WAIT_SECONDS = 10;

    @Inject
    PortalStore store;

    @Inject
    AppInstallation installation;

    @Inject
    InstallationService installations;

    @Inject
    DemoPortalConfig config;

    /** Forgets the installation and sends an install event that is still held back, so that none stays pending. */
    void clear() {
        installation.forget();
        installations.releaseInstallEvent();
    }

    InstallResult install(InstallOptions options) {
        return installations.install(options);
    }

    boolean releaseInstallEvent() {
        return installations.releaseInstallEvent();
    }

    boolean finishInstall() {
        return installations.finishInstall();
    }

    List<EventDelivery> uninstall(boolean clean) {
        List<CompletableFuture<EventDelivery>> pending = installations.uninstall(clean);
        return pending.stream().map(InstallHooks::await).toList();
    }

    InstallState installState() {
        return installation.state();
    }

    String memberId() {
        return installation.memberId();
    }

    Optional<String> applicationToken() {
        return installation.applicationToken();
    }

    List<PlacementBinding> placements() {
        return installation.placements();
    }

    List<EventBinding> eventBindings() {
        return installation.events();
    }

    FrameLaunch launch(int userId, String placement, Map<String, String> placementOptions) {
        if (placement.equals("DEFAULT")) {
            boolean finished = installation.isFinished();
            if (!finished && !store.isAdmin(userId)) {
                throw new IllegalStateException("The app is not fully installed yet; only an administrator can open "
                        + "its installer.");
            }
            String url = finished ? config.app().applicationUrl() : config.app().installerUrl();
            return installations.launch(userId, url, placement, placementOptions, !finished);
        }
        PlacementBinding binding = installation.visiblePlacements(placement).stream()
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Placement " + placement + " is not shown: the app has "
                        + "not bound it or has not finished its install."));
        return installations.launch(userId, binding.handler(), placement, placementOptions, false);
    }

    static Map<String, String> groupTabOptions(int groupId) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("GROUP_ID", String.valueOf(groupId));
        options.put("URI", "/workgroups/group/" + groupId + "/");
        return options;
    }

    private static EventDelivery await(CompletableFuture<EventDelivery> delivery) {
        try {
            return delivery.get(EVENT_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for an event post", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("An event post did not finish within " + EVENT_WAIT_SECONDS + " s", e);
        }
    }
}
