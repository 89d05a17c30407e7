package org.cocrea.following;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface FollowRepository extends JpaRepository<Follow, Long> {

    Optional<Follow> findByToken(String token);

    Optional<Follow> findByEmailAndTargetTypeAndTargetKey(String email, FollowTarget targetType, String targetKey);

    List<Follow> findByProposalIdInOrderByIdAsc(Collection<Long> proposalIds);

    List<Follow> findByCommitmentIdOrderByIdAsc(Long commitmentId);

    List<Follow> findByEmailOrderByIdAsc(String email);

    List<Follow> findByTargetTypeAndTargetKeyOrderByIdAsc(FollowTarget targetType, String targetKey);
}
