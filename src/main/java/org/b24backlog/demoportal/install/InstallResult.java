package org.b24backlog.demoportal.install;

import java.util.concurrent.CompletableFuture;

/**
 * Outcome of an install: the installer frame post and the {@code ONAPPINSTALL} delivery, which completes when the
 * event was sent (or at once with {@code delivered=false} when switched off).
 */
public record InstallResult(FrameLaunch installerFrame, String applicationToken,
        CompletableFuture<EventDelivery> installEvent) {
}
