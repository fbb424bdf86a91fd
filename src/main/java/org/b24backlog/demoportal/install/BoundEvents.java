package org.b24backlog.demoportal.install;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.b24backlog.demoportal.DemoPortalConfig;
import org.b24backlog.demoportal.PortalUrls;
import org.b24backlog.demoportal.oauth.TokenPair;
import org.b24backlog.demoportal.oauth.TokenStore;

import io.quarkus.arc.profile.IfBuildProfile;

/** Delivers task events to the handlers the app bound with {@code event.bind}, once the installation is finished. */
@ApplicationScoped
@IfBuildProfile(anyOf = { "dev", "test" })
public class BoundEvents {

    @Inject
    AppInstallation installation;

    @Inject
    EventSender sender;

    @Inject
    TokenStore tokens;

    @Inject
    DemoPortalConfig config;

    @Inject
    PortalUrls urls;

    /** Sends {@code ONTASKADD} or {@code ONTASKUPDATE} for the task, with a fresh token of the user who changed it. */
    public void taskChanged(String event, int taskId, int userId) {
        for (EventBinding binding : installation.deliverableHandlers(event)) {
            TokenPair pair = tokens.issue(binding.authType() > 0 ? binding.authType() : userId);
            String applicationToken = installation.applicationToken().orElse("");
            sender.send(event, binding.handler(), EventPayloads.task(config, urls, event, installation.memberId(),
                    applicationToken, pair, binding.id(), taskId), Duration.ZERO);
        }
    }
}
