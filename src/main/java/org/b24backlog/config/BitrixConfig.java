package org.b24backlog.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings for talking to Bitrix24 portals and the Bitrix24 OAuth server. */
@ConfigMapping(prefix = "b24")
public interface BitrixConfig {

    /** The app's client_id from its card in the Bitrix24 Market. */
    String clientId();

    /** The app's client_secret; sent only to {@link #oauthServer()}. */
    String clientSecret();

    /** Base URL of the OAuth server; the token endpoint is this plus {@code /oauth/token/}. */
    @WithDefault("https://oauth.bitrix.info")
    String oauthServer();

    /**
     * Portal hosts the app may talk to: exact {@code host} or {@code host:port} entries and {@code *.suffix}
     * wildcards. The default covers the Bitrix24 cloud domains; on-premise portals must be added.
     */
    @WithDefault("*.bitrix24.com,*.bitrix24.eu,*.bitrix24.de,*.bitrix24.es,*.bitrix24.fr,*.bitrix24.it,*.bitrix24.pl,"
            + "*.bitrix24.uk,*.bitrix24.in,*.bitrix24.com.br,*.bitrix24.com.tr,*.bitrix24.id,*.bitrix24.vn,"
            + "*.bitrix24.jp,*.bitrix24.cn,*.bitrix24.ru,*.bitrix24.by,*.bitrix24.kz,*.bitrix24.ua,*.bitrix24.site")
    List<String> portalHosts();

    /** Whether portals reached over plain HTTP are accepted; only for demo and test set-ups. */
    @WithDefault("false")
    boolean allowHttp();

    /** URL of the Bitrix24 frame library that app pages load. */
    @WithDefault("//api.bitrix24.com/api/v1/")
    String frameSdkUrl();

    /** Connect timeout for calls to portals and the OAuth server. */
    @WithDefault("PT5S")
    Duration connectTimeout();

    /** Whole-request timeout; Bitrix24 cloud stops a REST request after 60 seconds. */
    @WithDefault("PT30S")
    Duration requestTimeout();

    /**
     * How often a call is repeated after a failure that may be transient: a refused connection for any call (the
     * request never reached the portal), a timeout or a server error only for reads.
     */
    @WithDefault("2")
    int transientRetries();

    /** First wait before repeating a call after a transient failure; it doubles on each further failure. */
    @WithDefault("PT0.2S")
    Duration transientBackoff();

    /** The client's own throttle, which keeps calls inside the portal's leaky bucket before the portal has to refuse. */
    RateLimit rateLimit();

    /** A portal's request budget: Bitrix24 drains its bucket by {@code drainPerSecond} and refuses past {@code burst}. */
    interface RateLimit {

        /** Requests that may be sent at once; 50 on most plans, 250 on Enterprise. */
        @WithDefault("50")
        int burst();

        /** Requests per second that may follow; 2 on most plans, 5 on Enterprise. */
        @WithDefault("2")
        int drainPerSecond();

        /**
         * Whether all app instances share each portal's budget through the database (PostgreSQL only). Without it
         * each instance counts only its own requests, which is right only when a single instance runs.
         */
        @WithDefault("true")
        boolean shared();

        /** Budgets of single portals by member_id, for example Enterprise plans. */
        Map<String, Plan> portals();

        interface Plan {
            int burst();

            int drainPerSecond();
        }
    }

    /**
     * A method's execution-time budget on a portal, summed over ten minutes, as Bitrix24 counts it before answering
     * OPERATION_TIME_LIMIT. The documentation's example uses 480 seconds.
     */
    @WithDefault("PT480S")
    Duration operatingLimit();

    /**
     * The span over which Bitrix24 sums a method's execution time, ten minutes on every portal. The client ages its
     * estimate of batch sub-commands by it, so other values only make sense against a test portal with the same window.
     */
    @WithDefault("PT10M")
    Duration operatingWindow();

    /** How often a call refused with QUERY_LIMIT_EXCEEDED is tried again before the error reaches the caller. */
    @WithDefault("5")
    int rateLimitRetries();

    /** First wait after QUERY_LIMIT_EXCEEDED; it doubles on each further refusal. */
    @WithDefault("PT0.5S")
    Duration rateLimitBackoff();
}
