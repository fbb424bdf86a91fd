package org.b24backlog.demoportal;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Settings of the embedded demo portal and its OAuth server. Only the dev and test profiles set them; the defaults
 * exist so that a production start of a jar built without the {@code production} Maven profile still passes config
 * validation while no demo portal bean is active.
 */
@ConfigMapping(prefix = "demo-portal")
public interface DemoPortalConfig {

    /** Host and port of the portal, for example {@code localhost:8080}; REST calls must carry it as {@code Host}. */
    @WithDefault("localhost:8080")
    String domain();

    /**
     * Second host and port of the same portal, where REST calls go after a rename fault redirected them, for example
     * {@code other-portal.localhost:8081}. Unset means {@code other-portal.} followed by {@link #domain()}. The portal
     * rejects REST calls on it until a rename fault has fired.
     */
    Optional<String> renamedDomain();

    /** The app card's {@code client_id}, the same value as the app's {@code b24.client-id}. */
    @WithDefault("demo-portal-client-id-unset")
    String clientId();

    /** The app card's {@code client_secret}, the same value as the app's {@code b24.client-secret}. */
    @WithDefault("demo-portal-client-secret-unset")
    String clientSecret();

    /** What an operator types into the Market version card of the app. */
    AppCard app();

    /** Lifetime of every access token the portal issues. */
    @WithDefault("PT1H")
    Duration accessTokenLifetime();

    /** Lifetime of every refresh token the portal issues; current Bitrix24 documentation says 180 days. */
    @WithDefault("P180D")
    Duration refreshTokenLifetime();

    RateLimit rateLimit();

    OperatingLimit operatingLimit();

    /** Market version card of the app. */
    interface AppCard {

        /** Main page of the app, framed by the left menu item with {@code PLACEMENT=DEFAULT}. */
        @WithDefault("http://127.0.0.1:8080/app")
        String applicationUrl();

        /** Page framed once after installation; it calls {@code BX24.installFinish()}. */
        @WithDefault("http://127.0.0.1:8080/install")
        String installerUrl();

        /** Receives the {@code ONAPPINSTALL} event as a server-to-server form post. */
        @WithDefault("http://127.0.0.1:8080/events")
        String eventHandlerUrl();

        /** Scopes granted to the app, comma-separated. */
        @WithDefault("task,sonet_group,user_brief,placement")
        String scope();

        /** Version number sent in {@code ONAPPINSTALL} and returned by {@code app.info}. */
        @WithDefault("1")
        int version();

        /** App status letter: L local, F free, D demo, T trial, P paid. */
        @WithDefault("L")
        String status();
    }

    /** Leaky bucket of the portal's REST API, with the defaults of every cloud plan below Enterprise. */
    interface RateLimit {

        /** Requests the bucket holds before it rejects with {@code QUERY_LIMIT_EXCEEDED}. */
        @WithDefault("50")
        int burst();

        /** Requests per second that drain out of the bucket. */
        @WithDefault("2")
        double drainPerSecond();

        @WithDefault("true")
        boolean enabled();
    }

    /** Per-method execution-time budget, which Bitrix24 enforces with HTTP 429 {@code OPERATION_TIME_LIMIT}. */
    interface OperatingLimit {

        /**
         * Execution time one method may use within the ten-minute window before further calls are rejected. The
         * default is the 480 s that Bitrix24's limits page uses in its example and the JS SDK assumes.
         */
        @WithDefault("PT8M")
        Duration budget();
    }
}
