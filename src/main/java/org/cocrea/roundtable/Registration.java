package org.cocrea.roundtable;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A person's registration to a round-table. */
@Entity
@Table(name = "round_table_registration")
public class Registration {

    /** Registration states. */
    public enum Status {
        /** Has a seat. */
        REGISTERED,
        /** Waits for a seat, in registration order. */
        WAITLISTED,
        /** Withdrew. */
        CANCELLED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "round_table_id")
    private Long roundTableId;
    private String name;
    private String email;
    private String organization;
    @Column(name = "organization_type")
    private String organizationType;
    @Enumerated(EnumType.STRING)
    private Status status;
    private boolean attended;
    @Column(name = "consent_at")
    private Instant consentAt;
    @Column(name = "created_at")
    private Instant createdAt;
    private String language = "es";

    protected Registration() {
    }

    Registration(long roundTableId, String name, String email, String organization, String organizationType,
            Status status, Instant now) {
        this.roundTableId = roundTableId;
        this.name = name;
        this.email = email;
        this.organization = organization;
        this.organizationType = organizationType;
        this.status = status;
        this.consentAt = now;
        this.createdAt = now;
    }

    void reactivate(String name, String organization, String organizationType, Status status, Instant now) {
        this.name = name;
        this.organization = organization;
        this.organizationType = organizationType;
        this.status = status;
        this.consentAt = now;
    }

    /**
     * Erasure (Ley 25.326 art. 16): name, address and organisation go; the organisation type, status and attendance
     * stay, so the participation figures of the round-table do not change.
     */
    void anonymise() {
        this.name = "";
        this.email = "erased-" + id + "@erased.invalid";
        this.organization = null;
    }

    void setStatus(Status status) {
        this.status = status;
    }

    void setAttended(boolean attended) {
        this.attended = attended;
    }

    public Long getId() {
        return id;
    }

    public Long getRoundTableId() {
        return roundTableId;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public String getOrganization() {
        return organization;
    }

    /** @return organisation type code, or {@code ciudadania} for individuals */
    public String getOrganizationType() {
        return organizationType;
    }

    public Status getStatus() {
        return status;
    }

    public boolean isAttended() {
        return attended;
    }

    /** @return {@code es} or {@code en}: the language of the person's mails */
    public String getLanguage() {
        return language;
    }

    void setLanguage(String language) {
        this.language = "en".equals(language) ? "en" : "es";
    }

    /** @return when the person last registered (and ticked the consent box) */
    public Instant getConsentAt() {
        return consentAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
