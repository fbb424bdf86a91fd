package org.b24backlog.installation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.b24backlog.bitrix.BitrixClient;
import org.b24backlog.bitrix.OAuthClient;
import org.b24backlog.demoportal.DemoData;
import org.b24backlog.demoportal.DemoPortal;
import org.b24backlog.demoportal.JournalEntry;
import org.b24backlog.testsupport.AppFrames;
import org.b24backlog.testsupport.Installs;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Two token stores stand for two app instances on one PostgreSQL database: each has its own in-process locks, so
 * only the row lock in the database keeps them from refreshing the same chain twice.
 */
@QuarkusTest
class SharedDatabaseRefreshTest {

    @Inject
    DemoPortal portal;

    @Inject
    BitrixClient bitrix;

    @Inject
    TokenCipher cipher;

    @Inject
    OAuthClient oauth;

    @Inject
    InstallationService installations;

    @Test
    void twoInstancesRefreshChainOnce() throws Exception {
        Installs.reset(portal);
        portal.setRateLimitEnabled(false);
        Installs.install(portal);
        AppFrames.open(portal.launch(DemoData.USER_SCRUM_MASTER, "DEFAULT", Map.of()));
        PortalRef ref = installations.findInstalled(portal.memberId()).orElseThrow();
        String userId = String.valueOf(DemoData.USER_SCRUM_MASTER);
        List<TokenStore> instances = List.of(new TokenStore(cipher, oauth), new TokenStore(cipher, oauth));
        // A slow OAuth server widens the window in which both instances find the token expired.
        portal.faults().oauthToken().latency(java.time.Duration.ofMillis(500));
        portal.expireAccessTokens();
        portal.clearJournal();

        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                TokenStore instance = instances.get(i % 2);
                calls.add(() -> bitrix.call(instance.chain(ref, userId), "user.current", Map.of()).path("ID").asText());
            }
            for (Future<String> call : pool.invokeAll(calls)) {
                assertThat(call.get()).isEqualTo(userId);
            }
        } finally {
            pool.shutdownNow();
        }

        List<JournalEntry> refreshes = portal.journal().stream().filter(e -> e.method().equals("oauth/token")).toList();
        assertThat(refreshes).hasSize(1);
        assertThat(refreshes.get(0).status()).isEqualTo(200);
        // The stored pair is the refreshed one: a new chain reads a token the portal accepts.
        assertThat(bitrix.call(instances.get(0).chain(ref, userId), "user.current", Map.of()).path("ID").asText()).isEqualTo(userId);
    }
}
