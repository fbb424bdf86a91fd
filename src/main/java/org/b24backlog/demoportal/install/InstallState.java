package org.b24backlog.demoportal.install;

/** Where the app stands on the portal; placements and bound events work only when {@link #INSTALLED}. */
public enum InstallState {
    NOT_INSTALLED,
    /** Installed, but the installer page has not called {@code BX24.installFinish()} yet. */
    INSTALLED_NOT_FINISHED,
    INSTALLED
}
