package org.b24backlog.installation;

/** Life cycle of the app on one portal. */
public enum InstallationState {
    /** Tokens were verified and stored; the app works on this portal. */
    INSTALLED,
    /** The portal sent ONAPPUNINSTALL; its tokens are gone. A later install starts over. */
    UNINSTALLED
}
