package org.cocrea.commitment;

import java.time.Instant;
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
