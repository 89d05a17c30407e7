package org.cocrea.commitment;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The commitments (Stage 3 and the published plan). */
interface CommitmentRepository extends JpaRepository<Commitment, Long> {

    @EntityGraph(attributePaths = "milestones")
    List<Commitment> findByStatusOrderByCodeAsc(Commitment.Status status);

    List<Commitment> findByActionPlanAndStatusOrderByCodeAsc(String actionPlan, Commitment.Status status);

    @Query("select max(c.publishedAt) from Commitment c where c.actionPlan = ?1 and c.status = ?2 and c.publishedAt <= ?3")
    Instant lastPublishedAt(String actionPlan, Commitment.Status status, Instant at);

    Optional<Commitment> findByCode(String code);

    List<Commitment> findByRoundTableIdInAndStatusOrderByCodeAsc(Collection<Long> roundTableIds, Commitment.Status status);

    Optional<Commitment> findByRoundTableIdAndTopic(Long roundTableId, String topic);
}
