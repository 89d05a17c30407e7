package org.cocrea.community;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A public material of a community event (slides, a dataset, a recording): a title and an http(s) address. */
@Entity
@Table(name = "community_event_material")
public class EventMaterial {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "event_id")
    private Long eventId;
    private String title;
    private String url;
    @Column(name = "added_by")
    private String addedBy;
    @Column(name = "added_at")
    private Instant addedAt;

    protected EventMaterial() {
    }

    EventMaterial(long eventId, String title, String url, String by, Instant now) {
        this.eventId = eventId;
        this.title = title;
        this.url = url;
        this.addedBy = by;
        this.addedAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getEventId() {
        return eventId;
    }

    public String getTitle() {
        return title;
    }

    /** @return an absolute http or https address */
    public String getUrl() {
        return url;
    }

    public Instant getAddedAt() {
        return addedAt;
    }
}
