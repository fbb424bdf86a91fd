package org.b24backlog.audit;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;

/** Writes and reads the audit log of every change the app makes on a portal. */
@ApplicationScoped
public class AuditLog {

    /** Longest {@code details} text kept; longer ones are cut. */
    static final int MAX_DETAILS = 2000;

    /** Records an entry in the caller's transaction, or in a new one when there is none. */
    @Transactional
    public void record(String memberId, String userId, String userName, String action, String groupId, String backlogId,
            boolean success, String details) {
        AuditEntry entry = new AuditEntry();
        entry.memberId = memberId;
        entry.userId = userId;
        entry.userName = userName;
        entry.action = action;
        entry.groupId = groupId;
        entry.backlogId = backlogId;
        entry.outcome = success ? "success" : "failure";
        entry.details = details == null || details.length() <= MAX_DETAILS ? details : details.substring(0, MAX_DETAILS);
        entry.createdAt = Instant.now();
        entry.persist();
    }

    /** Up to {@code limit} of a portal's entries, newest first, skipping the first {@code offset}. */
    @Transactional
    public List<AuditEntry> list(String memberId, int offset, int limit) {
        PanacheQuery<AuditEntry> query = AuditEntry.find("memberId", Sort.descending("createdAt", "id"), memberId);
        return query.range(offset, offset + limit - 1).list();
    }

    /** Up to {@code limit} entries of all portals, newest first, skipping the first {@code offset}. */
    @Transactional
    public List<AuditEntry> listAll(int offset, int limit) {
        return AuditEntry.<AuditEntry> findAll(Sort.descending("createdAt", "id")).range(offset, offset + limit - 1).list();
    }

    @Transactional
    public long count(String memberId) {
        return AuditEntry.count("memberId", memberId);
    }

    /** Deletes every entry of a portal; used when the portal uninstalls the app and asks for its data to be deleted. */
    @Transactional
    public long purge(String memberId) {
        return AuditEntry.delete("memberId", memberId);
    }
}
