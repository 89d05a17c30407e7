package org.cocrea.implementation;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One version of an action plan's end-of-plan self-assessment report. */
@Entity
@Table(name = "self_assessment")
public class SelfAssessment {

    /** Life cycle of a version. */
    public enum Status {
        /** Being reviewed by the open-government team. */
        DRAFT,
        /** Replaced by a later draft or publication. */
        SUPERSEDED,
        /** The public report. */
        PUBLISHED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "action_plan")
    private String actionPlan;
    private int version;
    @Enumerated(EnumType.STRING)
    private Status status;
    private String content;
    private String introduction;
    private String notes;
    @Column(name = "drafted_at")
    private Instant draftedAt;
    @Column(name = "edited_by")
    private String editedBy;
    @Column(name = "edited_at")
    private Instant editedAt;
    @Column(name = "published_by")
    private String publishedBy;
    @Column(name = "published_at")
    private Instant publishedAt;
    @Column(name = "process_instance_id")
    private String processInstanceId;

    protected SelfAssessment() {
    }

    SelfAssessment(String actionPlan, int version, String content, String introduction, String notes, Instant now,
            String processInstanceId) {
        this.actionPlan = actionPlan;
        this.version = version;
        this.status = Status.DRAFT;
        this.content = content;
        this.introduction = introduction;
        this.notes = notes;
        this.draftedAt = now;
        this.processInstanceId = processInstanceId;
    }

    void edit(String introduction, String notes, String by, Instant at) {
        this.introduction = introduction;
        this.notes = notes;
        this.editedBy = by;
        this.editedAt = at;
    }

    void supersede() {
        this.status = Status.SUPERSEDED;
    }

    void publish(String by, Instant at) {
        this.status = Status.PUBLISHED;
        this.publishedBy = by;
        this.publishedAt = at;
    }

    public Long getId() {
        return id;
    }

    public String getActionPlan() {
        return actionPlan;
    }

    /** @return 1 for the first draft, one more for each later draft */
    public int getVersion() {
        return version;
    }

    public Status getStatus() {
        return status;
    }

    /** @return the frozen figures as JSON ({@link SelfAssessmentReport}) */
    public String getContent() {
        return content;
    }

    /** @return the team's introduction, or null */
    public String getIntroduction() {
        return introduction;
    }

    /** @return the team's notes, or null */
    public String getNotes() {
        return notes;
    }

    public Instant getDraftedAt() {
        return draftedAt;
    }

    public String getEditedBy() {
        return editedBy;
    }

    public Instant getEditedAt() {
        return editedAt;
    }

    public String getPublishedBy() {
        return publishedBy;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }
}
