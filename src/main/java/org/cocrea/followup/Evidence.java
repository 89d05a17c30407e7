package org.cocrea.followup;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Evidence of a report: a link (kind {@code LINK}) or a file (kind {@code FILE}) stored under the evidence folder with
 * a random storage key, never under the uploader's file name.
 */
@Entity
@Table(name = "evidence")
public class Evidence {

    /** Kind of a link. */
    public static final String LINK = "LINK";
    /** Kind of a stored file. */
    public static final String FILE = "FILE";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "report_id")
    private long reportId;
    @Column(name = "milestone_id")
    private Long milestoneId;
    private String kind;
    private String url;
    @Column(name = "file_name")
    private String fileName;
    @Column(name = "content_type")
    private String contentType;
    @Column(name = "size_bytes")
    private Long sizeBytes;
    private String sha256;
    @Column(name = "storage_key")
    private String storageKey;
    private String description;
    @Column(name = "added_by")
    private String addedBy;
    @Column(name = "added_at")
    private Instant addedAt;

    protected Evidence() {
    }

    static Evidence link(long reportId, Long milestoneId, String url, String addedBy, Instant at) {
        Evidence e = new Evidence();
        e.kind = LINK;
        e.reportId = reportId;
        e.milestoneId = milestoneId;
        e.url = url;
        e.addedBy = addedBy;
        e.addedAt = at;
        return e;
    }

    static Evidence file(long reportId, Long milestoneId, String fileName, String contentType, long size, String sha256,
            String storageKey, String description, String addedBy, Instant at) {
        Evidence e = new Evidence();
        e.kind = FILE;
        e.reportId = reportId;
        e.milestoneId = milestoneId;
        e.fileName = fileName;
        e.contentType = contentType;
        e.sizeBytes = size;
        e.sha256 = sha256;
        e.storageKey = storageKey;
        e.description = description;
        e.addedBy = addedBy;
        e.addedAt = at;
        return e;
    }

    public Long getId() {
        return id;
    }

    public long getReportId() {
        return reportId;
    }

    /** @return the milestone it supports, or null for the whole report */
    public Long getMilestoneId() {
        return milestoneId;
    }

    /** @return {@link #LINK} or {@link #FILE} */
    public String getKind() {
        return kind;
    }

    public boolean isFile() {
        return FILE.equals(kind);
    }

    public String getUrl() {
        return url;
    }

    /** @return the uploader's file name, for display and downloads only */
    public String getFileName() {
        return fileName;
    }

    /** @return the MIME type detected from the content */
    public String getContentType() {
        return contentType;
    }

    public Long getSizeBytes() {
        return sizeBytes;
    }

    /** @return hex SHA-256 of the stored bytes */
    public String getSha256() {
        return sha256;
    }

    String getStorageKey() {
        return storageKey;
    }

    public String getDescription() {
        return description;
    }

    public String getAddedBy() {
        return addedBy;
    }

    public Instant getAddedAt() {
        return addedAt;
    }
}
