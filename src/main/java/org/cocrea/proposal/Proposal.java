package org.cocrea.proposal;

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
 * A proposal of the public consultation, with the proposer's contact data (personal data: never shown publicly),
 * the area's feasibility review and the reasoned response.
 */
@Entity
@Table(name = "proposal")
public class Proposal {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "tracking_code")
    private String trackingCode;
    @Column(name = "call_id")
    private Long callId;
    @Column(name = "external_ref")
    private String externalRef;
    private String title;
    private String description;
    private String axis;
    @Column(name = "submitter_type")
    private String submitterType;
    private String organization;
    @Column(name = "contact_name")
    private String contactName;
    private String email;
    private boolean consent;
    private String language;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    @Column(name = "submitted_at")
    private Instant submittedAt;
    @Enumerated(EnumType.STRING)
    private ProposalStatus status;
    @Column(name = "area_group")
    private String areaGroup;
    private String verdict;
    private String reasoning;
    @Column(name = "willing_to_co_create")
    private Boolean willingToCoCreate;
    @Column(name = "contact_person")
    private String contactPerson;
    @Column(name = "reviewed_by")
    private String reviewedBy;
    @Column(name = "reviewed_at")
    private Instant reviewedAt;
    @Column(name = "response_text")
    private String responseText;
    @Column(name = "response_sent_at")
    private Instant responseSentAt;
    private boolean prioritised;
    @Column(name = "carried_over_from")
    private Long carriedOverFrom;

    protected Proposal() {
    }

    Proposal(String trackingCode, long callId, ProposalInput input, Channel channel, Instant submittedAt) {
        this.trackingCode = trackingCode;
        this.callId = callId;
        this.externalRef = input.externalRef();
        this.title = input.title();
        this.description = input.description();
        this.axis = input.axis();
        this.submitterType = input.submitterType();
        this.organization = input.organization();
        this.contactName = input.name();
        this.email = input.email();
        this.consent = Boolean.TRUE.equals(input.consent());
        this.language = input.language();
        this.channel = channel;
        this.submittedAt = submittedAt;
        this.status = ProposalStatus.RECEIVED;
    }

    /** A copy of a feasible proposal of an earlier co-creation instance, in the pool of a later call. */
    static Proposal carriedOver(Proposal from, String trackingCode, long toCallId) {
        Proposal p = new Proposal();
        p.trackingCode = trackingCode;
        p.callId = toCallId;
        p.externalRef = from.externalRef;
        p.title = from.title;
        p.description = from.description;
        p.axis = from.axis;
        p.submitterType = from.submitterType;
        p.organization = from.organization;
        p.contactName = from.contactName;
        p.email = from.email;
        p.consent = from.consent;
        p.language = from.language;
        p.channel = from.channel;
        p.submittedAt = from.submittedAt;
        p.status = from.status;
        p.areaGroup = from.areaGroup;
        p.verdict = from.verdict;
        p.reasoning = from.reasoning;
        p.willingToCoCreate = from.willingToCoCreate;
        p.contactPerson = from.contactPerson;
        p.reviewedBy = from.reviewedBy;
        p.reviewedAt = from.reviewedAt;
        p.responseText = from.responseText;
        p.responseSentAt = from.responseSentAt;
        p.carriedOverFrom = from.id;
        return p;
    }

    /** @return the proposal of an earlier co-creation instance this one was carried over from, or null */
    public Long getCarriedOverFrom() {
        return carriedOverFrom;
    }

    void assignArea(String areaGroup) {
        this.areaGroup = areaGroup;
        this.status = ProposalStatus.IN_REVIEW;
    }

    void recordReview(Verdict verdict, String reasoning, boolean willingToCoCreate, String contactPerson,
            String reviewedBy, Instant at) {
        this.verdict = verdict.code();
        this.reasoning = reasoning;
        this.willingToCoCreate = willingToCoCreate;
        this.contactPerson = contactPerson;
        this.reviewedBy = reviewedBy;
        this.reviewedAt = at;
        this.status = ProposalStatus.REVIEWED;
    }

    void recordResponse(String responseText) {
        this.responseText = responseText;
    }

    void markResponded(Instant at) {
        this.responseSentAt = at;
        this.status = ProposalStatus.RESPONDED;
    }

    void anonymiseProposer() {
        this.contactName = "—";
        this.email = "erased-proposal-" + id + "@invalid";
    }

    void setPrioritised(boolean prioritised) {
        this.prioritised = prioritised;
    }

    public Long getId() {
        return id;
    }

    public String getTrackingCode() {
        return trackingCode;
    }

    public Long getCallId() {
        return callId;
    }

    public String getExternalRef() {
        return externalRef;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public String getAxis() {
        return axis;
    }

    public String getSubmitterType() {
        return submitterType;
    }

    public String getOrganization() {
        return organization;
    }

    public String getContactName() {
        return contactName;
    }

    public String getEmail() {
        return email;
    }

    public boolean isConsent() {
        return consent;
    }

    /** @return the proposer's language for mails: {@code es} or {@code en} */
    public String getLanguage() {
        return language;
    }

    public Channel getChannel() {
        return channel;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public ProposalStatus getStatus() {
        return status;
    }

    public String getAreaGroup() {
        return areaGroup;
    }

    /** @return the verdict code ({@code feasible}, {@code partially-feasible}, {@code not-feasible}) or null */
    public String getVerdict() {
        return verdict;
    }

    public String getReasoning() {
        return reasoning;
    }

    public Boolean getWillingToCoCreate() {
        return willingToCoCreate;
    }

    public String getContactPerson() {
        return contactPerson;
    }

    public String getReviewedBy() {
        return reviewedBy;
    }

    public Instant getReviewedAt() {
        return reviewedAt;
    }

    public String getResponseText() {
        return responseText;
    }

    public Instant getResponseSentAt() {
        return responseSentAt;
    }

    public boolean isPrioritised() {
        return prioritised;
    }

    /** @return whether the area found it feasible or partially feasible */
    public boolean isFeasible() {
        return Verdict.FEASIBLE.code().equals(verdict) || Verdict.PARTIALLY_FEASIBLE.code().equals(verdict);
    }
}
