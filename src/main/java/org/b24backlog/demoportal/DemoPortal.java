package org.b24backlog.demoportal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.b24backlog.demoportal.data.DemoEpic;
import org.b24backlog.demoportal.data.DemoTask;
import org.b24backlog.demoportal.data.PortalStore;
import org.b24backlog.demoportal.data.ScrumEntity;
import org.b24backlog.demoportal.faults.FaultPlan;
import org.b24backlog.demoportal.install.EventBinding;
import org.b24backlog.demoportal.install.EventDelivery;
import org.b24backlog.demoportal.install.EventSender;
import org.b24backlog.demoportal.install.FrameLaunch;
import org.b24backlog.demoportal.install.InstallOptions;
import org.b24backlog.demoportal.install.InstallResult;
import org.b24backlog.demoportal.install.InstallState;
import org.b24backlog.demoportal.install.PlacementBinding;
import org.b24backlog.demoportal.oauth.TokenPair;
import org.b24backlog.demoportal.rest.LeakyBucket;
import org.b24backlog.demoportal.rest.OperatingTime;

import io.quarkus.arc.profile.IfBuildProfile;

/**
 * Test hooks of the demo portal, injected by {@code @QuarkusTest} classes: reset the seed data, install and uninstall
 * the app as the Market page does, open frames, expire tokens, read the journal of received requests, inject faults,
 * set the request limits and inspect the data the app changed. The install, token and data hooks live in
 * {@link InstallHooks}, {@link TokenHooks} and {@link DataHooks}, and this class is the one entry point that tests use.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = { "dev", "test" })
// Created at start-up, because its construction seeds the data that every portal page reads.
@io.quarkus.runtime.Startup
public class DemoPortal {

    @Inject
    InstallHooks installs;

    @Inject
    TokenHooks tokens;

    @Inject
    DataHooks data;

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

    @PostConstruct
    void seed() {
        data.reseed();
    }

    /**
     * Restores the seed data and clears the installation, all tokens, the journal, the sent events, every fault and
     * a rename, and returns the request limits to their configured values.
     */
    public void reset() {
        installs.clear();
        tokens.clear();
        data.reseed();
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

    public void setRateLimitEnabled(boolean enabled) {
        bucket.setEnabled(enabled);
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
        return installs.install(options);
    }

    /** Sends an install event held back with {@code InstallEventMode.HELD}; false when none is waiting. */
    public boolean releaseInstallEvent() {
        return installs.releaseInstallEvent();
    }

    /** Does what {@code BX24.installFinish()} in the installer frame does. */
    public boolean finishInstall() {
        return installs.finishInstall();
    }

    /** Uninstalls as the Market page does and waits up to 10 seconds for the {@code ONAPPUNINSTALL} posts. */
    public List<EventDelivery> uninstall(boolean clean) {
        return installs.uninstall(clean);
    }

    public InstallState installState() {
        return installs.installState();
    }

    public String memberId() {
        return installs.memberId();
    }

    public Optional<String> applicationToken() {
        return installs.applicationToken();
    }

    public List<PlacementBinding> placements() {
        return installs.placements();
    }

    public List<EventBinding> eventBindings() {
        return installs.eventBindings();
    }

    // Frames and tokens

    /**
     * Builds the frame post the portal sends when the user opens the app: {@code DEFAULT} opens the application URL
     * (the installer URL for an unfinished install), any other placement opens the handler the app bound for it.
     *
     * @throws IllegalStateException if the app is not installed or the placement is not shown
     */
    public FrameLaunch launch(int userId, String placement, Map<String, String> placementOptions) {
        return installs.launch(userId, placement, placementOptions);
    }

    /** Opens the app's {@code SONET_GROUP_DETAIL_TAB} of a workgroup with the options a portal sends. */
    public FrameLaunch launchGroupTab(int userId, int groupId) {
        return launch(userId, "SONET_GROUP_DETAIL_TAB", groupTabOptions(groupId));
    }

    public static Map<String, String> groupTabOptions(int groupId) {
        return InstallHooks.groupTabOptions(groupId);
    }

    /** Issues a token pair for a user without opening a frame, as a test shortcut for calling REST directly. */
    public TokenPair issueTokens(int userId) {
        return tokens.issue(userId);
    }

    /** Makes every access token issued so far expired; refresh tokens keep working. */
    public void expireAccessTokens() {
        tokens.expireAccessTokens();
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
        return data.store();
    }

    public Optional<ScrumEntity> backlogOf(int groupId) {
        return data.backlogOf(groupId);
    }

    public Optional<DemoTask> task(int taskId) {
        return data.task(taskId);
    }

    public List<DemoTask> tasksOfGroup(int groupId) {
        return data.tasksOfGroup(groupId);
    }

    /** Returns the items of the group's backlog ordered by their {@code sort}, empty when the group has no backlog. */
    public List<DemoTask> backlogTasks(int groupId) {
        return data.backlogTasks(groupId);
    }

    public List<DemoEpic> epicsOf(int groupId) {
        return data.epicsOf(groupId);
    }

    /**
     * Appends {@code count} pending tasks to the end of a Scrum's backlog, for tests that need long backlogs.
     *
     * @throws IllegalArgumentException if the group is not a Scrum with a backlog
     */
    public List<DemoTask> addBacklogTasks(int groupId, int count) {
        return data.addBacklogTasks(groupId, count);
    }
}
