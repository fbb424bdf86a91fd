package org.b24backlog.installation;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One user's token chain on one portal; both tokens are stored encrypted. */
@Entity
@Table(name = "portal_token")
public class PortalToken extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "installation_id", nullable = false)
    public Long installationId;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(name = "access_token_enc", nullable = false)
    public String accessTokenEnc;

    @Column(name = "refresh_token_enc")
    public String refreshTokenEnc;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<PortalToken> findFor(Long installationId, String userId) {
        return find("installationId = ?1 and userId = ?2", installationId, userId).firstResultOptional();
    }

    /** Reads the row under a write lock, so that one refresh at a time runs per chain across app instances. */
    public static Optional<PortalToken> lockFor(Long installationId, String userId) {
        return find("installationId = ?1 and userId = ?2", installationId, userId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public static long deleteForInstallation(Long installationId) {
        return delete("installationId", installationId);
    }
}
