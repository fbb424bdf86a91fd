package org.b24backlog.journal;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.b24backlog.bitrix.RestCallListener;
import org.b24backlog.config.AppConfig;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps the journal of REST calls to portals that the Bitrix24 Market requires apps to keep for at least three days, and
 * deletes entries older than {@code app.rest-journal-retention} every hour.
 */
@ApplicationScoped
public class RestCallJournal implements RestCallListener {

    private final AppConfig config;

    public RestCallJournal(AppConfig config) {
        this.config = config;
    }

    @Override
    public void completed(RestCall call) {
        // A call's own transaction, so that a rolled-back change on the app's side still leaves its calls recorded.
        QuarkusTransaction.requiringNew().run(() -> {
            RestCallEntry entry = new RestCallEntry();
            entry.memberId = call.memberId();
            entry.userId = call.userId();
            entry.method = call.method();
            entry.durationMs = call.durationMillis();
            entry.httpStatus = call.httpStatus();
            entry.errorCode = call.errorCode();
            entry.requestId = call.requestId();
            entry.createdAt = Instant.now();
            entry.persist();
        });
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeOnSchedule() {
        purge();
    }

    /** Deletes entries older than the retention period; returns how many were deleted. */
    public long purge() {
        Instant cutoff = Instant.now().minus(config.restJournalRetention());
        long deleted = QuarkusTransaction.requiringNew().call(() -> RestCallEntry.delete("createdAt < ?1", cutoff));
        if (deleted > 0) {
            Log.infof("Deleted %d REST journal entries older than %s", deleted, cutoff);
        }
        return deleted;
    }
}
