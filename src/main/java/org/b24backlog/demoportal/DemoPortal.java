package org.b24backlog.demoportal;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.b24backlog.demoportal.data.DemoEpic;
import org.b24backlog.demoportal.data.DemoGroup;
import org.b24backlog.demoportal.data.DemoSeed;
import org.b24backlog.demoportal.data.DemoTask;
import org.b24backlog.demoportal.data.PortalStore;
import org.b24backlog.demoportal.data.ScrumEntity;
import org.b24backlog.demoportal.data.ScrumItem;
import org.b24backlog.demoportal.faults.FaultPlan;
import org.b24backlog.demoportal.install.AppInstallation;
import org.b24backlog.demoportal.install.EventBinding;
import org.b24backlog.demoportal.install.EventDelivery;
import org.b24backlog.demoportal.install.EventSender;
import org.b24backlog.demoportal.install.FrameLaunch;
import org.b24backlog.demoportal.install.FrameSessions;
import org.b24backlog.demoportal.install.InstallOptions;
import org.b24backlog.demoportal.install.InstallResult;
import org.b24backlog.demoportal.install.InstallState;
import org.b24backlog.demoportal.install.InstallationService;
import org.b24backlog.demoportal.install.PlacementBinding;
import org.b24backlog.demoportal.oauth.TokenPair;
import org.b24backlog.demoportal.oauth.TokenStore;
import org.b24backlog.demoportal.rest.LeakyBucket;
import org.b24backlog.demoportal.rest.OperatingTime;

import io.quarkus.arc.profile.IfBuildProfile;

/**
 * Test hooks of the demo portal, injected by {@code @QuarkusTest} classes: reset the seed data, install and uninstall
 * the app as the Market page does, open frames, expire tokens, read the journal of received requests, inject faults,
 * set the request limits and inspect the data the app changed.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = { "dev", "test" })
// Created at start-up, because its construction seeds the data that every portal page reads.
@io.quarkus.runtime.Startup
public class DemoPortal {

    private static final long EVENT_WAIT_SECONDS = 10;

    @Inject
    PortalStore store;

    @Inject
    AppInstallation installation;

    @Inject
    InstallationService installations;

    @Inject
    TokenStore tokens;

    @Inject
    FrameSessions frames;

    @Inject
    EventSender sender;

    @Inject
    PortalJournal journal;

    @Inject
    LeakyBucket bucket;

    @Inject
    OperatingTime operatingTime;

    @Inject
    PortalUrls urls;

    @Inject
    FaultPlan faults;

    @Inject
    PortalLimits limits;

    @Inject
    DemoPortalConfig config;

    @PostConstruct
    void seed() {
        DemoSeed.seed(store);
    }

    /**
     * Restores the seed data and clears the installation, all tokens, the journal, the sent events, every fault and
     * a rename, and returns the request limits to their configured values.
     */
    public void reset() {
        installation.forget();
        installations.releaseInstallEvent();
        tokens.revokeAll();
        frames.clear();
        DemoSeed.seed(store);
        journal.clear();
        sender.clear();
        bucket.empty();
        bucket.setEnabled(null);
        bucket.setLimits(null, null);
        operatingTime.clear();
        faults.clear();
        urls.forgetRename();
    }

    // Faults and limits

    /** Returns the fault plan of the portal, for example {@code faults().on("tasks.task.add").times(1).internalError()}. */
    public FaultPlan faults() {
        return faults;
    }

    public PortalLimits limits() {
        return limits;
    }

    // Journal

    public List<JournalEntry> journal() {
        return journal.entries();
    }

    public void clearJournal() {
        journal.clear();
    }

    /** Returns every event post the portal sent or skipped, in order; the payloads contain tokens. */
    public List<EventDelivery> sentEvents() {
        return sender.deliveries();
    }

    // Installation

    /** Installs as the admin with the install event sent at once; see {@link #install(InstallOptions)}. */
    public InstallResult install() {
        return install(InstallOptions.defaults());
    }

    public InstallResult install(InstallOptions options) {
        return installations.install(options);
    }

    /** Sends an install event held back with {@code InstallEventMode.HELD}; false when none is waiting. */
    public boolean releaseInstallEvent() {
        return installations.releaseInstallEvent();
    }

    /** Does what {@code BX24.installFinish()} in the installer frame does. */
    public boolean finishInstall() {
        return installations.finishInstall();
    }

    /** Uninstalls as the Market page does and waits up to 10 seconds for the {@code ONAPPUNINSTALL} posts. */
    public List<EventDelivery> uninstall(boolean clean) {
        List<CompletableFuture<EventDelivery>> pending = installations.uninstall(clean);
        return pending.stream().map(DemoPortal::await).toList();
    }

    public InstallState installState() {
        return installation.state();
    }

    public String memberId() {
        return installation.memberId();
    }

    public Optional<String> applicationToken() {
        return installation.applicationToken();
    }

    public List<PlacementBinding> placements() {
        return installation.placements();
    }

    public List<EventBinding> eventBindings() {
        return installation.events();
    }

    // Frames and tokens

    /**
     * Builds the frame post the portal sends when the user opens the app: {@code DEFAULT} opens the application URL
     * (the installer URL for an unfinished install), any other placement opens the handler the app bound for it.
     *
     * @throws IllegalStateException if the app is not installed or the placement is not shown
     */
    public FrameLaunch launch(int userId, String placement, Map<String, String> placementOptions) {
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

    /** Opens the app's {@code SONET_GROUP_DETAIL_TAB} of a workgroup with the options a portal sends. */
    public FrameLaunch launchGroupTab(int userId, int groupId) {
        return launch(userId, "SONET_GROUP_DETAIL_TAB", groupTabOptions(groupId));
    }

    public static Map<String, String> groupTabOptions(int groupId) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("GROUP_ID", String.valueOf(groupId));
        options.put("URI", "/workgroups/group/" + groupId + "/");
        return options;
    }

    /** Issues a token pair for a user without opening a frame, as a test shortcut for calling REST directly. */
    public TokenPair issueTokens(int userId) {
        return tokens.issue(userId);
    }

    /** Makes every access token issued so far expired; refresh tokens keep working. */
    public void expireAccessTokens() {
        tokens.expireAccessTokens();
    }

    public void setRateLimitEnabled(boolean enabled) {
        bucket.setEnabled(enabled);
    }

    // Addresses

    public String domain() {
        return urls.domain();
    }

    /** Returns the domain a rename fault redirects to, which accepts REST calls only after the rename fired. */
    public String renamedDomain() {
        return urls.renamedDomain();
    }

    public boolean isRenamed() {
        return urls.isRenamed();
    }

    public String clientEndpoint() {
        return urls.clientEndpoint();
    }

    public String serverEndpoint() {
        return urls.serverEndpoint();
    }

    public String oauthTokenUrl() {
        return urls.portalBaseUrl() + PortalUrls.OAUTH_PATH + "/oauth/token/";
    }

    // Data

    public PortalStore store() {
        return store;
    }

    public Optional<ScrumEntity> backlogOf(int groupId) {
        return store.backlogOf(groupId);
    }

    public Optional<DemoTask> task(int taskId) {
        return store.task(taskId);
    }

    public List<DemoTask> tasksOfGroup(int groupId) {
        return store.tasks(task -> task.groupId() == groupId);
    }

    /** Returns the items of the group's backlog ordered by their {@code sort}, empty when the group has no backlog. */
    public List<DemoTask> backlogTasks(int groupId) {
        Optional<ScrumEntity> backlog = store.backlogOf(groupId);
        if (backlog.isEmpty()) {
            return List.of();
        }
        int backlogId = backlog.get().id();
        return store.tasks(task -> task.entityId() == backlogId).stream()
                .sorted(Comparator.comparingInt(task -> task.scrumItem().sort()))
                .toList();
    }

    public List<DemoEpic> epicsOf(int groupId) {
        return store.epics().stream().filter(epic -> epic.groupId() == groupId).toList();
    }

    /**
     * Appends {@code count} pending tasks to the end of a Scrum's backlog, for tests that need long backlogs.
     *
     * @throws IllegalArgumentException if the group is not a Scrum with a backlog
     */
    public List<DemoTask> addBacklogTasks(int groupId, int count) {
        DemoGroup group = store.group(groupId).filter(DemoGroup::isScrum)
                .orElseThrow(() -> new IllegalArgumentException("Group " + groupId + " is not a Scrum."));
        ScrumEntity backlog = store.backlogOf(groupId)
                .orElseThrow(() -> new IllegalArgumentException("Scrum " + groupId + " has no backlog."));
        List<Integer> members = List.copyOf(group.members().keySet());
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> {
            ScrumItem item = new ScrumItem(backlog.id(), String.valueOf(i % 8 + 1), 0, store.nextSortIn(backlog.id()),
                    group.scrumMasterId(), group.scrumMasterId());
            return DemoSeed.addTask(store, "Generated backlog item " + (i + 1), groupId, members.get(i % members.size()),
                    DemoTask.STATUS_PENDING, item);
        }).toList();
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
