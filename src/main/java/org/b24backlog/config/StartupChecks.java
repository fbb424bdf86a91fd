package org.b24backlog.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.b24backlog.installation.TokenCipher;
import org.eclipse.microprofile.config.Config;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start with settings that cannot work: timeouts past the portal's own limit in any mode, and missing
 * secrets in production. Dev and test mode generate a session key pair and use a marked test encryption key, so the
 * secrets are only checked in normal (production) launch mode.
 */
@Singleton
public class StartupChecks {

    /** Bitrix24 cloud stops a REST request after 60 seconds, so waiting longer only hides the failure. */
    static final Duration PORTAL_REQUEST_LIMIT = Duration.ofSeconds(60);

    /** The Bitrix24 Market requires apps to keep REST request logs for at least three days. */
    static final Duration MIN_JOURNAL_RETENTION = Duration.ofDays(3);

    void check(@Observes StartupEvent event, Config config, AppConfig app, BitrixConfig bitrix, TokenCipher cipher) {
        // Injecting TokenCipher parses app.token-encryption-key, which fails loudly when it is missing or malformed.
        if (bitrix.requestTimeout().compareTo(PORTAL_REQUEST_LIMIT) > 0 || bitrix.connectTimeout().compareTo(bitrix.requestTimeout()) > 0) {
            throw new IllegalStateException("b24.request-timeout is " + bitrix.requestTimeout() + " and b24.connect-timeout "
                    + bitrix.connectTimeout() + ": the request timeout may be at most " + PORTAL_REQUEST_LIMIT
                    + " and not shorter than the connect timeout");
        }
        if (app.restJournalRetention().compareTo(MIN_JOURNAL_RETENTION) < 0) {
            throw new IllegalStateException("app.rest-journal-retention is " + app.restJournalRetention()
                    + ", but the Bitrix24 Market requires REST logs to be kept for at least " + MIN_JOURNAL_RETENTION);
        }
        checkPlan("b24.rate-limit", bitrix.rateLimit().burst(), bitrix.rateLimit().drainPerSecond());
        bitrix.rateLimit().portals().forEach((memberId, plan) -> checkPlan("b24.rate-limit.portals.\"" + memberId + "\"",
                plan.burst(), plan.drainPerSecond()));
        String databaseKind = config.getOptionalValue("quarkus.datasource.db-kind", String.class).orElse("");
        if (bitrix.rateLimit().shared() && !databaseKind.equals("postgresql")) {
            throw new IllegalStateException("b24.rate-limit.shared needs PostgreSQL, but the database is '" + databaseKind
                    + "': use PostgreSQL, or set b24.rate-limit.shared=false when a single app instance runs");
        }
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            return;
        }
        requireOne(config, List.of("smallrye.jwt.sign.key.location", "smallrye.jwt.sign.key"),
                "the private key that signs session tokens");
        requireOne(config, List.of("mp.jwt.verify.publickey.location", "mp.jwt.verify.publickey"),
                "the public key that verifies session tokens");
        if (bitrix.clientSecret().isBlank()) {
            throw new IllegalStateException("b24.client-secret is empty: set B24_CLIENT_SECRET from the app's Market card");
        }
        if (app.publicUrl().startsWith("http://") && !bitrix.allowHttp()) {
            throw new IllegalStateException("app.public-url " + app.publicUrl()
                    + " is plain HTTP; Bitrix24 frames and calls only HTTPS apps");
        }
    }

    static void checkPlan(String prefix, int burst, int drainPerSecond) {
        if (burst < 1 || drainPerSecond < 1) {
            throw new IllegalStateException(prefix + ".burst is " + burst + " and " + prefix + ".drain-per-second is "
                    + drainPerSecond + ": both must be at least 1 (Bitrix24 plans use 50 and 2, Enterprise 250 and 5)");
        }
    }

    private static void requireOne(Config config, List<String> keys, String what) {
        for (String key : keys) {
            Optional<String> value = config.getOptionalValue(key, String.class);
            if (value.isPresent() && !value.get().isBlank()) {
                return;
            }
        }
        throw new IllegalStateException("Missing " + what + ": set " + String.join(" or ", keys));
    }
}
