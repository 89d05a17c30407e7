package org.cocrea.following;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A change waiting for its follower's weekly digest. */
@Entity
@Table(name = "follow_change")
class FollowChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "follow_id")
    private Long followId;
    private String kind;
    private String label;
    private String link;
    @Column(name = "occurred_at")
    private Instant occurredAt;
    @Column(name = "digested_at")
    private Instant digestedAt;

    protected FollowChange() {
    }

    FollowChange(long followId, String kind, String label, String link, Instant occurredAt) {
        this.followId = followId;
        this.kind = kind;
        this.label = label;
        this.link = link;
        this.occurredAt = occurredAt;
    }

    void digested(Instant at) {
        digestedAt = at;
    }

    Long getFollowId() {
        return followId;
    }

    String getKind() {
        return kind;
    }

    String getLabel() {
        return label;
    }

    String getLink() {
        return link;
    }

    Instant getOccurredAt() {
        return occurredAt;
    }
}
