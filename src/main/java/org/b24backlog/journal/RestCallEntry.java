package org.b24backlog.journal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One HTTP request the app sent to a portal. */
@Entity
@Table(name = "rest_call")
public class RestCallEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "member_id", nullable = false)
    public String memberId;

    @Column(name = "user_id")
    public String userId;

    @Column(nullable = false)
    public String method;

    @Column(name = "duration_ms", nullable = false)
    public long durationMs;

    /** HTTP status of the response, 0 when none arrived. */
    @Column(name = "http_status", nullable = false)
    public int httpStatus;

    @Column(name = "error_code")
    public String errorCode;

    @Column(name = "request_id", nullable = false)
    public String requestId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
