package org.b24backlog.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.b24backlog.demoportal.DemoData;
import org.b24backlog.demoportal.DemoPortal;
import org.b24backlog.demoportal.install.FrameLaunch;
import org.b24backlog.testsupport.AppFrames;
import org.b24backlog.testsupport.Installs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The journal of REST calls: one row per request to the portal, no tokens, purged after the retention period. */
@QuarkusTest
class RestCallJournalTest {

    @Inject
    DemoPortal portal;

    @Inject
    RestCallJournal journal;

    @BeforeEach
    void install() throws Exception {
        Installs.reset(portal);
        QuarkusTransaction.requiringNew().run(() -> RestCallEntry.deleteAll());
        Installs.install(portal);
    }

    @Test
    void pageLoadJournaledWithoutTokens() {
        QuarkusTransaction.requiringNew().run(() -> RestCallEntry.deleteAll());
        FrameLaunch launch = portal.launchGroupTab(DemoData.USER_SCRUM_MASTER, DemoData.SCRUM_MOBILE);
        portal.clearJournal();

        assertThat(AppFrames.open(launch).statusCode()).isEqualTo(200);

        List<RestCallEntry> entries = QuarkusTransaction.requiringNew().call(() -> RestCallEntry.<RestCallEntry> listAll());
        long portalRequests = portal.journal().stream().filter(e -> e.server().equals("portal")).count();
        assertThat(entries).hasSize((int) portalRequests);
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.memberId).isEqualTo(portal.memberId());
            assertThat(entry.method).isEqualTo("batch");
            assertThat(entry.httpStatus).isEqualTo(200);
            assertThat(entry.requestId).hasSize(36);
            assertThat(entry.toString() + entry.method + entry.errorCode + entry.requestId).doesNotContain(launch.accessToken());
        });
        assertThat(entries).anySatisfy(entry -> assertThat(entry.userId).isEqualTo(String.valueOf(DemoData.USER_SCRUM_MASTER)));
    }

    @Test
    void oldEntriesPurged() {
        QuarkusTransaction.requiringNew().run(() -> {
            RestCallEntry old = entry(Instant.now().minus(Duration.ofDays(8)));
            old.persist();
            RestCallEntry recent = entry(Instant.now().minus(Duration.ofDays(2)));
            recent.persist();
        });
        long before = QuarkusTransaction.requiringNew().call(() -> RestCallEntry.count());

        long deleted = journal.purge();

        assertThat(deleted).isEqualTo(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> RestCallEntry.count())).isEqualTo(before - 1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> RestCallEntry.count("method", "old.call"))).isZero();
        assertThat(QuarkusTransaction.requiringNew().call(() -> RestCallEntry.count("method", "recent.call"))).isEqualTo(1);
    }

    private static RestCallEntry entry(Instant createdAt) {
        RestCallEntry entry = new RestCallEntry();
        entry.memberId = "0123456789abcdef0123456789abcdef";
        entry.method = createdAt.isBefore(Instant.now().minus(Duration.ofDays(7))) ? "old.call" : "recent.call";
        entry.durationMs = 12;
        entry.httpStatus = 200;
        entry.requestId = "00000000-0000-0000-0000-000000000000";
        entry.createdAt = createdAt;
        return entry;
    }
}
