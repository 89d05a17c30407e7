package org.cocrea.community;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A person's registration to a community event. Personal data: shown to staff only, never on a public page; erased
 * with the directory's erasure (Ley 25.326 art. 16). The token is the private link of the confirmation mail.
 */
@Entity
@Table(name = "community_event_registration")
public class EventRegistration {

    /** Registration states, as a round-table's. */
    public enum Status {
        /** Has a seat. */
        REGISTERED,
        /** Waits for a seat, in registration order. */
        WAITLISTED,
        /** Withdrew, or the event was cancelled. */
        CANCELLED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "event_id")
    private Long eventId;
    private String name;
    private String email;
    private String organization;
    @Column(name = "organization_type")
    private String organizationType;
    @Enumerated(EnumType.STRING)
    private Status status;
    private String language;
    private String token;
    @Column(name = "consent_at")
    private Instant consentAt;
    @Column(name = "created_at")
    private Instant createdAt;

    protected EventRegistration() {
    }

    EventRegistration(long eventId, String name, String email, String organization, String organizationType,
            Status status, String language, String token, Instant now) {
        this.eventId = eventId;
        this.email = email;
        this.token = token;
        this.createdAt = now;
        reactivate(name, organization, organizationType, status, language, now);
    }

    void reactivate(String name, String organization, String organizationType, Status status, String language,
            Instant now) {
        this.name = name;
        this.organization = organization;
        this.organizationType = organizationType;
        this.status = status;
        this.language = "en".equals(language) ? "en" : "es";
        this.consentAt = now;
    }

    void setStatus(Status status) {
        this.status = status;
    }

    public Long getId() {
        return id;
    }

    public Long getEventId() {
        return eventId;
    }

    public String getName() {
        return name;
    }

    /** @return the address, lower case */
    public String getEmail() {
        return email;
    }

    /** @return the organisation, or null */
    public String getOrganization() {
        return organization;
    }

    /** @return a {@code participant.OrganizationType} code */
    public String getOrganizationType() {
        return organizationType;
    }

    public Status getStatus() {
        return status;
    }

    /** @return {@code es} or {@code en}: the language of the person's mails */
    public String getLanguage() {
        return language;
    }

    /** @return the private token of the confirmation mail's link, 32 hex digits */
    public String getToken() {
        return token;
    }

    /** @return when the person last ticked the consent box (registered or registered again) */
    public Instant getConsentAt() {
        return consentAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
