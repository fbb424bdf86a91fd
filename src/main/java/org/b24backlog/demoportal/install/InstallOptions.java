package org.b24backlog.demoportal.install;

import java.time.Duration;

import org.b24backlog.demoportal.DemoData;

/**
 * Settings of one {@code DemoPortal.install} call.
 *
 * @param userId the installing user; must be a portal administrator
 * @param eventMode when {@code ONAPPINSTALL} is sent
 * @param delay the wait for {@link InstallEventMode#DELAYED}
 * @param eventHandlerUrl where {@code ONAPPINSTALL} goes, null for the version card's URL
 */
public record InstallOptions(int userId, InstallEventMode eventMode, Duration delay, String eventHandlerUrl) {

    /** The admin installs and the event is sent at once to the version card's handler. */
    public static InstallOptions defaults() {
        return new InstallOptions(DemoData.USER_ADMIN, InstallEventMode.IMMEDIATE, Duration.ZERO, null);
    }

    public InstallOptions withEventMode(InstallEventMode mode) {
        return new InstallOptions(userId, mode, delay, eventHandlerUrl);
    }

    public InstallOptions withDelay(Duration eventDelay) {
        return new InstallOptions(userId, InstallEventMode.DELAYED, eventDelay, eventHandlerUrl);
    }

    public InstallOptions withEventHandlerUrl(String url) {
        return new InstallOptions(userId, eventMode, delay, url);
    }

    public InstallOptions withUser(int installingUserId) {
        return new InstallOptions(installingUserId, eventMode, delay, eventHandlerUrl);
    }
}
