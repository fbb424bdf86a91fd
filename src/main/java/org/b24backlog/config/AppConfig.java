package org.b24backlog.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The app's own settings. Keys without a default are required, so production refuses to start without them. */
@ConfigMapping(prefix = "app")
public interface AppConfig {

    /** External base URL of the app (scheme, host, optional port), used in placement.bind and event.bind. */
    String publicUrl();

    /** AES-256-GCM key, base64 of 32 bytes, that encrypts tokens at rest. */
    String tokenEncryptionKey();

    /** Lifetime of the session token that the app issues after verifying a frame POST. */
    @WithDefault("PT30M")
    Duration sessionLifetime();

    /**
     * How long reference data that rarely changes (epics, user names, the backlog's field list) is kept per portal
     * before it is read from the portal again.
     */
    @WithDefault("PT2M")
    Duration referenceCacheTtl();

    /** How long the journal of REST calls to portals is kept; at least three days. */
    @WithDefault("P7D")
    Duration restJournalRetention();
}
