package org.cocrea.notification;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A user's choice between one mail per new task and a daily digest. */
@Entity
@Table(name = "notification_preference")
public class NotificationPreference {

    @Id
    @Column(name = "user_id")
    private String userId;
    private boolean digest;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected NotificationPreference() {
    }

    NotificationPreference(String userId, boolean digest, Instant now) {
        this.userId = userId;
        set(digest, now);
    }

    void set(boolean digest, Instant now) {
        this.digest = digest;
        this.updatedAt = now;
    }

    public String getUserId() {
        return userId;
    }

    /** @return true for a daily digest, false for one mail per task */
    public boolean isDigest() {
        return digest;
    }
}
