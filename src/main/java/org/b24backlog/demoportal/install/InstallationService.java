package org.b24backlog.demoportal.install;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.b24backlog.demoportal.DemoPortalConfig;
import org.b24backlog.demoportal.PortalUrls;
import org.b24backlog.demoportal.data.PortalStore;
import org.b24backlog.demoportal.oauth.TokenPair;
import org.b24backlog.demoportal.oauth.TokenStore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.logging.Log;

/**
 * Actions of the portal's Market page and frames: install (with the {@code ONAPPINSTALL} post and the installer frame),
 * finish the install, uninstall (with {@code ONAPPUNINSTALL}), and build frame posts with fresh tokens.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = { "dev", "test" })
public class InstallationService {

    /** {@code event_handler_id} of the version card's install handler, which {@code event.get} does not list. */
    static final int INSTALL_HANDLER_ID = 1;

    private final SecureRandom random = new SecureRandom();
    private CompletableFuture<Void> heldInstallEvent;

    @Inject
    AppInstallation installation;

    @Inject
    TokenStore tokens;

    @Inject
    EventSender sender;

    @Inject
    FrameSessions frames;

    @Inject
    PortalStore store;

    @Inject
    PortalUrls urls;

    @Inject
    DemoPortalConfig config;

    @Inject
    ObjectMapper mapper;

    /**
     * Installs the app as the given administrator: a new application token, the install event as the options set, and
     * the installer frame post.
     *
     * @throws IllegalStateException if the app is installed already or the user is not an administrator
     */
    public synchronized InstallResult install(InstallOptions options) {
        if (!store.isAdmin(options.userId())) {
            throw new IllegalStateException("User " + options.userId() + " is not a portal administrator; only an "
                    + "administrator can install the app.");
        }
        if (installation.state() != InstallState.NOT_INSTALLED) {
            throw new IllegalStateException("The app is installed already: uninstall it first.");
        }
        String applicationToken = installation.install(options.userId());
        Log.infof("Demo portal installed the app for member_id %s by user %d", installation.memberId(),
                options.userId());

        TokenPair eventTokens = tokens.issue(options.userId());
        String handler = options.eventHandlerUrl() != null ? options.eventHandlerUrl()
                : config.app().eventHandlerUrl();
        Map<String, Object> payload = EventPayloads.install(config, urls, installation.memberId(), applicationToken,
                eventTokens, INSTALL_HANDLER_ID, false);
        CompletableFuture<EventDelivery> event = scheduleInstallEvent(options, handler, payload);

        FrameLaunch installer = launch(options.userId(), config.app().installerUrl(), "DEFAULT", Map.of(), true);
        return new InstallResult(installer, applicationToken, event);
    }

    private CompletableFuture<EventDelivery> scheduleInstallEvent(InstallOptions options, String handler,
            Map<String, Object> payload) {
        return switch (options.eventMode()) {
            case IMMEDIATE -> sender.send("ONAPPINSTALL", handler, payload, Duration.ZERO);
            case DELAYED -> sender.send("ONAPPINSTALL", handler, payload, options.delay());
            case NEVER -> CompletableFuture.completedFuture(
                    sender.skip("ONAPPINSTALL", handler, payload, "Install event switched off"));
            case HELD -> {
                heldInstallEvent = new CompletableFuture<>();
                yield heldInstallEvent.thenCompose(ignored -> sender.send("ONAPPINSTALL", handler, payload,
                        Duration.ZERO));
            }
        };
    }

    /** Sends an install event held with {@link InstallEventMode#HELD}; false when none is waiting. */
    public synchronized boolean releaseInstallEvent() {
        if (heldInstallEvent == null) {
            return false;
        }
        heldInstallEvent.complete(null);
        heldInstallEvent = null;
        return true;
    }

    /** Marks the installation finished, as {@code BX24.installFinish()} in the installer frame does. */
    public boolean finishInstall() {
        boolean finished = installation.finish();
        if (finished) {
            Log.infof("Demo portal finished the install for member_id %s", installation.memberId());
        }
        return finished;
    }

    /**
     * Uninstalls: revokes every token and removes the bindings, then sends {@code ONAPPUNINSTALL} to each handler
     * bound for it. Bitrix24 documents that API access is already revoked when that event arrives, so the order is
     * deliberate. Bindings made before {@code installFinish} never deliver, so they get no event either.
     */
    public List<CompletableFuture<EventDelivery>> uninstall(boolean clean) {
        boolean finished = installation.isFinished();
        String applicationToken = installation.applicationToken().orElse("");
        List<EventBinding> bindings = installation.uninstall();
        tokens.revokeAll();
        frames.clear();
        releaseHeldEventAsSkipped();
        Log.infof("Demo portal uninstalled the app for member_id %s, clean=%s", installation.memberId(), clean);

        List<CompletableFuture<EventDelivery>> deliveries = new ArrayList<>();
        if (!finished) {
            return deliveries;
        }
        for (EventBinding binding : bindings) {
            if (binding.event().equals("ONAPPUNINSTALL")) {
                Map<String, Object> payload = EventPayloads.uninstall(urls, installation.memberId(), applicationToken,
                        binding.id(), clean);
                deliveries.add(sender.send("ONAPPUNINSTALL", binding.handler(), payload, Duration.ZERO));
            }
        }
        return deliveries;
    }

    private synchronized void releaseHeldEventAsSkipped() {
        if (heldInstallEvent != null) {
            heldInstallEvent.cancel(false);
            heldInstallEvent = null;
        }
    }

    /**
     * Builds the frame post for a user opening a page of the app, with a fresh token pair. Only installed apps open.
     *
     * @param options {@code PLACEMENT_OPTIONS} as key and string value; empty sends {@code []}
     */
    public FrameLaunch launch(int userId, String url, String placement, Map<String, String> options,
            boolean install) {
        if (store.user(userId).isEmpty()) {
            throw new IllegalArgumentException("User " + userId + " does not exist on the demo portal.");
        }
        if (installation.state() == InstallState.NOT_INSTALLED) {
            throw new IllegalStateException("The app is not installed on the demo portal: install it first.");
        }
        TokenPair pair = tokens.issue(userId);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("DOMAIN", urls.domain());
        query.put("PROTOCOL", "0");
        query.put("LANG", "en");
        query.put("APP_SID", randomSid());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("AUTH_ID", pair.accessToken());
        form.put("AUTH_EXPIRES", String.valueOf(pair.expiresIn()));
        form.put("REFRESH_ID", pair.refreshToken());
        form.put("SERVER_ENDPOINT", urls.serverEndpoint());
        form.put("APPLICATION_TOKEN", installation.applicationToken().orElse(""));
        form.put("APPLICATION_SCOPE", config.app().scope());
        form.put("member_id", installation.memberId());
        form.put("status", config.app().status());
        form.put("PLACEMENT", placement);
        form.put("PLACEMENT_OPTIONS", optionsJson(options));
        FrameLaunch launch = new FrameLaunch(url, Collections.unmodifiableMap(query),
                Collections.unmodifiableMap(form), userId, install);
        frames.put(launch);
        return launch;
    }

    /** Issues a fresh token pair for an open frame, as the parent page does for {@code BX24.refreshAuth()}. */
    public FrameLaunch refreshFrame(FrameLaunch frame) {
        TokenPair pair = tokens.issue(frame.userId());
        Map<String, String> form = new LinkedHashMap<>(frame.form());
        form.put("AUTH_ID", pair.accessToken());
        form.put("AUTH_EXPIRES", String.valueOf(pair.expiresIn()));
        form.put("REFRESH_ID", pair.refreshToken());
        FrameLaunch refreshed = new FrameLaunch(frame.url(), frame.query(), Collections.unmodifiableMap(form),
                frame.userId(), frame.install());
        frames.put(refreshed);
        return refreshed;
    }

    private String optionsJson(Map<String, String> options) {
        if (options.isEmpty()) {
            return "[]";
        }
        try {
            return mapper.writeValueAsString(options);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Placement options cannot be written as JSON", e);
        }
    }

    private String randomSid() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
