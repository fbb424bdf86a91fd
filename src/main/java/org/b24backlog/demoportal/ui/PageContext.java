package org.b24backlog.demoportal.ui;

import java.util.List;

import org.b24backlog.demoportal.data.DemoGroup;
import org.b24backlog.demoportal.data.DemoUser;

/**
 * Frame of every portal page around its work area: the viewing user, the user switcher, the left menu and the page
 * title.
 *
 * @param appMenuVisible whether the left menu shows the app (installed and finished)
 * @param active the menu item to highlight: {@code start}, {@code app}, {@code market} or {@code group}
 * @param activeGroupId the workgroup whose menu item to highlight, 0 for none
 * @param path the current path, for the user switcher to come back to
 */
public record PageContext(DemoUser user, List<DemoUser> users, List<DemoGroup> groups, boolean appMenuVisible,
        String appTitle, int appId, String title, String active, int activeGroupId, String path) {
}
