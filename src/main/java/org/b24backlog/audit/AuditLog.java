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
        record(memberId, userId, userName, action, groupId, backlogId, success, details, null);
    }

    /** Records an entry with the message the acting user sees about it, and returns the entry's id. */
    @Transactional
    public long record(String memberId, String userId, String userName, String action, String groupId, String backlogId,
            boolean success, String details, String messageKey) {
        AuditEntry entry = new AuditEntry();
        entry.memberId = memberId;
        entry.userId = userId;
        entry.userName = userName;
        entry.action = action;
        entry.groupId = groupId;
        entry.backlogId = backlogId;
        entry.outcome = success ? "success" : "failure";
        entry.details = details == null || details.length() <= MAX_DETAILS ? details : details.substring(0, MAX_DETAILS);
        entry.messageKey = messageKey;
        entry.createdAt = Instant.now();
        entry.persist();
        return entry.id;
    }

    /** Returns an entry of the given portal and user, so that a page can show that user the outcome of a change. */
    @Transactional
    public java.util.Optional<AuditEntry> findOwn(long id, String memberId, String userId) {
        return AuditEntry.<AuditEntry> findByIdOptional(id)
                .filter(entry -> entry.memberId.equals(memberId) && userId.equals(entry.userId));
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
