package org.cocrea.commitment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read API of the published action plan for the other features (dashboard, implementation, follow-up): which
 * commitments are published and when. Nothing here writes. Other features use it instead of their own SQL on the
 * {@code commitment} table and instead of writing the status {@code 'PUBLISHED'} themselves; read models that join
 * the commitment tables with their own in one statement use {@link PublishedCommitmentRows}.
 */
@Service
public class PublishedCommitments {

    /**
     * The value of {@code commitment.status} for a published commitment ({@link Commitment.Status#PUBLISHED}), for
     * features whose read-only mappings or SQL filter on that column.
     */
    public static final String STATUS = Commitment.Status.PUBLISHED.name();

    private final CommitmentRepository commitments;

    PublishedCommitments(CommitmentRepository commitments) {
        this.commitments = commitments;
    }

    /**
     * @param status a value of {@code commitment.status}, may be null
     * @return whether it is the status of a published commitment
     */
    public static boolean isPublished(String status) {
        return STATUS.equals(status);
    }

    /**
     * What another feature needs to know of one commitment, published or not (the follow-up checks that itself).
     *
     * @param id            database id
     * @param code          public code, e.g. {@code ARBA0005}; null before publication
     * @param titleEs       title in Spanish
     * @param titleEn       title in English, may be null
     * @param startDate     first day of the commitment (Buenos Aires), may be null before the sheet is complete
     * @param endDate       last day of the commitment (Buenos Aires), may be null before the sheet is complete
     * @param leadAreaGroup candidate group of the lead area, e.g. {@code area-ambiente}; may be null
     * @param published     whether the commitment is published
     */
    public record Summary(long id, String code, String titleEs, String titleEn, LocalDate startDate,
            LocalDate endDate, String leadAreaGroup, boolean published) {

        /**
         * @param language {@code es} or {@code en}
         * @return the title in that language, the Spanish one when there is no English title
         */
        public String title(String language) {
            return "en".equals(language) && titleEn != null ? titleEn : titleEs;
        }

        static Summary of(Commitment c) {
            return new Summary(c.getId(), c.getCode(), c.getTitleEs(), c.getTitleEn(), c.getStartDate(),
                    c.getEndDate(), c.getLeadAreaGroup(), c.getStatus() == Commitment.Status.PUBLISHED);
        }
    }

    /**
     * @param id a commitment's database id
     * @return its summary, empty when there is no such commitment
     */
    @Transactional(readOnly = true)
    public Optional<Summary> summary(long id) {
        return commitments.findById(id).map(Summary::of);
    }

    /**
     * @param code a commitment's public code, e.g. {@code ARBA0005}
     * @return its summary, empty when no commitment has that code
     */
    @Transactional(readOnly = true)
    public Optional<Summary> summaryOfCode(String code) {
        return commitments.findByCode(code).map(Summary::of);
    }

    /**
     * @return the ids of the published commitments that name a lead area (the ones with a monthly follow-up), by
     *         code
     */
    @Transactional(readOnly = true)
    public List<Long> withLeadArea() {
        return commitments.findByStatusOrderByCodeAsc(Commitment.Status.PUBLISHED).stream()
                .filter(c -> c.getLeadAreaGroup() != null).map(Commitment::getId).toList();
    }

    /** @return every published commitment with its milestones, by code */
    @Transactional(readOnly = true)
    public List<Commitment> all() {
        return commitments.findByStatusOrderByCodeAsc(Commitment.Status.PUBLISHED);
    }

    /**
     * @param actionPlan an action plan id, e.g. {@code ARBA-2021-2023}
     * @return its published commitments (milestones loaded when read), by code
     */
    @Transactional(readOnly = true)
    public List<Commitment> ofPlan(String actionPlan) {
        return commitments.findByActionPlanAndStatusOrderByCodeAsc(actionPlan, Commitment.Status.PUBLISHED);
    }

    /**
     * @param actionPlan an action plan id
     * @param at         an instant
     * @return the latest publication of a commitment of the plan at or before {@code at}, if any
     */
    @Transactional(readOnly = true)
    public Optional<Instant> lastPublishedAt(String actionPlan, Instant at) {
        return Optional.ofNullable(commitments.lastPublishedAt(actionPlan, Commitment.Status.PUBLISHED, at));
    }
}
