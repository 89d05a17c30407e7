package org.cocrea.following;

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
 * One address following one page. Active once confirmed (double opt-in) and until unsubscribed. Personal data (the
 * address) with the consent that allows Cocrea to hold it: when, and which version of the consent text.
 */
@Entity
@Table(name = "follow")
public class Follow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String email;
    @Enumerated(EnumType.STRING)
    @Column(name = "target_type")
    private FollowTarget targetType;
    @Column(name = "target_key")
    private String targetKey;
    @Column(name = "proposal_id")
    private Long proposalId;
    @Column(name = "commitment_id")
    private Long commitmentId;
    @Enumerated(EnumType.STRING)
    private Frequency frequency;
    private String language;
    private String token;
    @Column(name = "consent_at")
    private Instant consentAt;
    @Column(name = "consent_version")
    private String consentVersion;
    @Column(name = "requested_at")
    private Instant requestedAt;
    @Column(name = "confirmed_at")
    private Instant confirmedAt;
    @Column(name = "unsubscribed_at")
    private Instant unsubscribedAt;

    protected Follow() {
    }

    Follow(String email, FollowTarget targetType, String targetKey, Long proposalId, Long commitmentId,
            Frequency frequency, String language, String token, Instant now) {
        this.email = email;
        this.targetType = targetType;
        this.targetKey = targetKey;
        this.proposalId = proposalId;
        this.commitmentId = commitmentId;
        this.frequency = frequency;
        this.language = language;
        this.token = token;
        this.requestedAt = now;
    }

    /** The owner of the address confirmed: active, with the frequency chosen and the consent given now. */
    void confirm(Frequency chosen, String consentText, Instant now) {
        frequency = chosen;
        consentAt = now;
        consentVersion = consentText;
        confirmedAt = now;
        unsubscribedAt = null;
    }

    void unsubscribe(Instant now) {
        if (unsubscribedAt == null) {
            unsubscribedAt = now;
        }
    }

    /** @return whether changes are mailed: confirmed and not unsubscribed */
    public boolean isActive() {
        return confirmedAt != null && unsubscribedAt == null;
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public FollowTarget getTargetType() {
        return targetType;
    }

    /** @return tracking code, draft id or commitment code */
    public String getTargetKey() {
        return targetKey;
    }

    public Long getProposalId() {
        return proposalId;
    }

    /** @return the commitment of a draft or published commitment, null for a proposal */
    public Long getCommitmentId() {
        return commitmentId;
    }

    public Frequency getFrequency() {
        return frequency;
    }

    /** @return {@code es} or {@code en} */
    public String getLanguage() {
        return language;
    }

    /** @return the private token of the confirm and unsubscribe links (32 hex digits) */
    public String getToken() {
        return token;
    }

    /** @return when the owner of the address consented (at confirmation); null before */
    public Instant getConsentAt() {
        return consentAt;
    }

    /** @return the version of the consent text agreed to, e.g. {@code following-consent-v1} */
    public String getConsentVersion() {
        return consentVersion;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public Instant getConfirmedAt() {
        return confirmedAt;
    }

    public Instant getUnsubscribedAt() {
        return unsubscribedAt;
    }
}
