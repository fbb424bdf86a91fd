package org.b24backlog.demoportal.install;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.profile.IfBuildProfile;

/**
 * Frames the portal has opened, by {@code APP_SID}. The portal page's script requests a frame's current tokens, a
 * refresh or the install finish by its {@code APP_SID}; the session ties that request to the user who opened it.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = { "dev", "test" })
public class FrameSessions {

    private final Map<String, FrameLaunch> sessions = new HashMap<>();

    public synchronized void put(FrameLaunch launch) {
        sessions.put(launch.appSid(), launch);
    }

    public synchronized Optional<FrameLaunch> find(String appSid) {
        return Optional.ofNullable(appSid == null ? null : sessions.get(appSid));
    }

    public synchronized void clear() {
        sessions.clear();
    }
}
