package org.b24backlog.installation;

/** An install claim, or an uninstall event, failed verification; nothing was changed. */
public class InstallRejectedException extends RuntimeException {

    public InstallRejectedException(String message) {
        super(message);
    }

    public InstallRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
