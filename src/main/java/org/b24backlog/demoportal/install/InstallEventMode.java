package org.b24backlog.demoportal.install;

/** When the portal sends {@code ONAPPINSTALL} after an install; tests need the late and the missing event. */
public enum InstallEventMode {
    /** At once, on a background thread, while the installer page opens. */
    IMMEDIATE,
    /** After the delay of {@link InstallOptions#delay()}. */
    DELAYED,
    /** Only when {@code DemoPortal.releaseInstallEvent()} is called, so a test controls the order exactly. */
    HELD,
    /** Never, as on portals where the event is lost. */
    NEVER
}
