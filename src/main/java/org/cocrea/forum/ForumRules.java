package org.cocrea.forum;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One version of the forum's rules (its terms of reference): a text, a link to the document, or both. */
@Entity
@Table(name = "forum_rules")
public class ForumRules {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String version;
    private String document;
    private String url;
    @Column(name = "adopted_on")
    private LocalDate adoptedOn;
    @Column(name = "recorded_by")
    private String recordedBy;
    @Column(name = "recorded_at")
    private Instant recordedAt;

    protected ForumRules() {
    }

    ForumRules(String version, String document, String url, LocalDate adoptedOn, String recordedBy, Instant at) {
        this.version = version;
        this.document = document;
        this.url = url;
        this.adoptedOn = adoptedOn;
        this.recordedBy = recordedBy;
        this.recordedAt = at;
    }

    public Long getId() {
        return id;
    }

    /** @return the version label, e.g. {@code 2.0} */
    public String getVersion() {
        return version;
    }

    /** @return the rules' text, or null */
    public String getDocument() {
        return document;
    }

    /** @return an http(s) link to the document, or null */
    public String getUrl() {
        return url;
    }

    /** @return the day the forum adopted this version (Buenos Aires calendar) */
    public LocalDate getAdoptedOn() {
        return adoptedOn;
    }
}
