package org.b24backlog.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One change the app made on a portal, or tried to make. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "member_id", nullable = false)
    public String memberId;

    /** The Bitrix24 user who acted; {@code null} for events the portal sent on its own. */
    @Column(name = "user_id")
    public String userId;

    @Column(name = "user_name")
    public String userName;

    /** Action code, for example {@code backlog.created}. */
    @Column(nullable = false)
    public String action;

    @Column(name = "group_id")
    public String groupId;

    @Column(name = "backlog_id")
    public String backlogId;

    /** {@code success} or {@code failure}. */
    @Column(nullable = false)
    public String outcome;

    public String details;

    /** Key of the message that shows the acting user the outcome, such as {@code done_created}, or null for events. */
    @Column(name = "message_key")
    public String messageKey;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    private static final java.time.format.DateTimeFormatter SHOWN_TIME = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(java.time.ZoneOffset.UTC);

    /** Key of the message that names the outcome on the audit pages. */
    public String outcomeKey() {
        return "outcome_" + outcome;
    }

    /** Formats the time as the audit pages show it, to the second in UTC. */
    public String shownTime() {
        return SHOWN_TIME.format(createdAt);
    }
}
