package org.cocrea.mailing;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A call for participation written by staff in Spanish and English. */
@Entity
@Table(name = "mailing")
public class Mailing {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String kind;
    @Column(name = "subject_es")
    private String subjectEs;
    @Column(name = "body_es")
    private String bodyEs;
    @Column(name = "subject_en")
    private String subjectEn;
    @Column(name = "body_en")
    private String bodyEn;
    private String topic;
    private String link;
    @Column(name = "social_text")
    private String socialText;
    @Column(name = "process_instance_id")
    private String processInstanceId;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;

    protected Mailing() {
    }

    Mailing(MailingDraft draft, String processInstanceId, String createdBy, Instant now) {
        this.kind = "OPEN_CALL";
        this.subjectEs = draft.subjectEs();
        this.bodyEs = draft.bodyEs();
        this.subjectEn = draft.subjectEn();
        this.bodyEn = draft.bodyEn();
        this.topic = draft.topic();
        this.link = draft.link();
        this.processInstanceId = processInstanceId;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    void setSocialText(String socialText) {
        this.socialText = socialText;
    }

    public Long getId() {
        return id;
    }

    public String getKind() {
        return kind;
    }

    public String getSubjectEs() {
        return subjectEs;
    }

    public String getBodyEs() {
        return bodyEs;
    }

    public String getSubjectEn() {
        return subjectEn;
    }

    public String getBodyEn() {
        return bodyEn;
    }

    /** @return the topic the call is limited to, or null for everyone */
    public String getTopic() {
        return topic;
    }

    public String getLink() {
        return link;
    }

    public String getSocialText() {
        return socialText;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }
}
