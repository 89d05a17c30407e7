package org.cocrea.followup;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.cocrea.commitment.PublishedCommitments;
import org.hibernate.annotations.Immutable;

/**
 * Read-only view of a commitment, as the follow-up needs it (code, title, dates, lead area). The commitment feature
 * owns and writes the row; reading it here keeps this feature off that package's internals.
 */
@Entity
@Immutable
@Table(name = "commitment")
class FollowedCommitment {

    @Id
    private Long id;
    private String code;
    @Column(name = "title_es")
    private String titleEs;
    @Column(name = "title_en")
    private String titleEn;
    @Column(name = "start_date")
    private LocalDate startDate;
    @Column(name = "end_date")
    private LocalDate endDate;
    @Column(name = "lead_area_group")
    private String leadAreaGroup;
    private String status;

    protected FollowedCommitment() {
    }

    Long getId() {
        return id;
    }

    String getCode() {
        return code;
    }

    String title(String language) {
        return "en".equals(language) && titleEn != null ? titleEn : titleEs;
    }

    LocalDate getStartDate() {
        return startDate;
    }

    LocalDate getEndDate() {
        return endDate;
    }

    String getLeadAreaGroup() {
        return leadAreaGroup;
    }

    boolean isPublished() {
        return PublishedCommitments.isPublished(status);
    }
}
