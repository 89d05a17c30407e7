package org.cocrea.commitment;

import java.time.LocalDate;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.cocrea.kernel.BilingualText;

/** A verifiable deliverable of a commitment, with its dates and responsible area. */
@Entity
@Table(name = "milestone")
public class Milestone {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "commitment_id")
    private Commitment commitment;
    private int position;
    private String title;
    @Column(name = "title_en")
    private String titleEn;
    @Column(name = "title_translated")
    private String titleTranslated;
    @Column(name = "start_date")
    private LocalDate startDate;
    @Column(name = "end_date")
    private LocalDate endDate;
    @Column(name = "responsible_area")
    private String responsibleArea;
    private boolean derived;

    protected Milestone() {
    }

    Milestone(Commitment commitment, int position, String title, LocalDate startDate, LocalDate endDate,
            String responsibleArea, boolean derived) {
        this.commitment = commitment;
        this.position = position;
        this.title = title;
        this.startDate = startDate;
        this.endDate = endDate;
        this.responsibleArea = responsibleArea;
        this.derived = derived;
    }

    /**
     * Replaces the title in both languages (imported commitments).
     *
     * @param bilingual both titles; a missing Spanish title is stored empty (the column is required)
     */
    void name(BilingualText bilingual) {
        this.title = bilingual.spanish() == null ? "" : bilingual.spanish();
        this.titleEn = bilingual.english();
        this.titleTranslated = bilingual.translated();
    }

    void update(String newTitle, LocalDate start, LocalDate end, String area) {
        if (!Objects.equals(title, newTitle)) {
            // the sheet's editor writes Spanish: an English title of the old text would no longer match
            this.titleEn = null;
            this.titleTranslated = null;
        }
        this.title = newTitle;
        this.startDate = start;
        this.endDate = end;
        this.responsibleArea = area;
        this.derived = false;
    }

    /** @return the database id */
    public Long getId() {
        return id;
    }

    /** @return the commitment it belongs to */
    public Commitment getCommitment() {
        return commitment;
    }

    public int getPosition() {
        return position;
    }

    /** @return the title in Spanish ("" when only an English one exists: see {@link #getTitleText()}) */
    public String getTitle() {
        return title;
    }

    /** @return the title in both languages, with the side that is an own translation */
    public BilingualText getTitleText() {
        return new BilingualText(title, titleEn, titleTranslated);
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public String getResponsibleArea() {
        return responsibleArea;
    }

    /** @return true when Cocrea derived it from the commitment's action lines (no public source listed milestones) */
    public boolean isDerived() {
        return derived;
    }
}
