package org.cocrea.notification;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A new task waiting to be listed in a user's daily digest. */
@Entity
@Table(name = "task_digest_entry")
public class TaskDigestEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "user_id")
    private String userId;
    private String email;
    @Column(name = "task_id")
    private String taskId;
    @Column(name = "task_name")
    private String taskName;
    @Column(name = "created_at")
    private Instant createdAt;
    private boolean digested;

    protected TaskDigestEntry() {
    }

    TaskDigestEntry(String userId, String email, String taskId, String taskName, Instant createdAt) {
        this.userId = userId;
        this.email = email;
        this.taskId = taskId;
        this.taskName = taskName;
        this.createdAt = createdAt;
    }

    void markDigested() {
        this.digested = true;
    }

    public String getUserId() {
        return userId;
    }

    public String getEmail() {
        return email;
    }

    public String getTaskId() {
        return taskId;
    }

    public String getTaskName() {
        return taskName;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
