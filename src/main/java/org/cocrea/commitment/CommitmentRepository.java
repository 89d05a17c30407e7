package org.cocrea.commitment;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

interface CommitmentRepository extends JpaRepository<Commitment, Long> {

    @EntityGraph(attributePaths = "milestones")
    List<Commitment> findByStatusOrderByCodeAsc(Commitment.Status status);

    Optional<Commitment> findByCode(String code);

    Optional<Commitment> findByRoundTableIdAndTopic(Long roundTableId, String topic);
}
