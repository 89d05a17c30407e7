package org.cocrea.commitment;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One saved state of a commitment sheet: the whole sheet as JSON, who saved it and when. */
@Entity
@Table(name = "commitment_version")
public class CommitmentVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "commitment_id")
    private Long commitmentId;
    private int version;
    private String sheet;
    @Column(name = "changed_by")
    private String changedBy;
    @Column(name = "changed_at")
    private Instant changedAt;
    private String note;

    protected CommitmentVersion() {
    }

    CommitmentVersion(long commitmentId, int version, String sheet, String changedBy, Instant changedAt, String note) {
        this.commitmentId = commitmentId;
        this.version = version;
        this.sheet = sheet;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
        this.note = note;
    }

    /** @return the version number, 1 for the first saved sheet */
    public int getVersion() {
        return version;
    }

    String getSheet() {
        return sheet;
    }

    /** @return the user id who saved it ({@code system} for the prefilled first version) */
    public String getChangedBy() {
        return changedBy;
    }

    /** @return when it was saved */
    public Instant getChangedAt() {
        return changedAt;
    }

    /** @return the author's note on the change, or null */
    public String getNote() {
        return note;
    }
}
