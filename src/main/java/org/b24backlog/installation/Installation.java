package org.b24backlog.installation;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.b24backlog.bitrix.PortalAddress;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The app on one portal. */
@Entity
@Table(name = "installation")
public class Installation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "member_id", nullable = false, unique = true)
    public String memberId;

    /** Portal host with an optional port, as last seen from a verified source. */
    @Column(nullable = false)
    public String domain;

    @Column(nullable = false)
    public boolean https;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InstallationState state;

    /** Ciphertext of the application token that authenticates later events from this portal. */
    @Column(name = "application_token_enc")
    public String applicationTokenEnc;

    /** The admin whose token chain the app uses for its own set-up calls. */
    @Column(name = "admin_user_id")
    public String adminUserId;

    public String scope;

    @Column(name = "installed_at")
    public Instant installedAt;

    @Column(name = "uninstalled_at")
    public Instant uninstalledAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<Installation> findByMemberId(String memberId) {
        return find("memberId", memberId).firstResultOptional();
    }

    public PortalAddress address() {
        return new PortalAddress(https, domain);
    }

    public boolean isInstalled() {
        return state == InstallationState.INSTALLED;
    }
}
