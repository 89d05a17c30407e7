package org.cocrea.proposal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProposalRepository extends JpaRepository<Proposal, Long> {

    Optional<Proposal> findByTrackingCode(String trackingCode);

    List<Proposal> findByEmailIgnoreCaseOrderByIdAsc(String email);

    boolean existsByTrackingCode(String trackingCode);

    boolean existsByCarriedOverFrom(Long proposalId);

    boolean existsByCallIdAndExternalRef(Long callId, String externalRef);

    List<Proposal> findByCallIdOrderByAxisAscIdAsc(Long callId);

    List<Proposal> findByCallIdAndAreaGroupOrderByIdAsc(Long callId, String areaGroup);

    long countByCallIdAndStatusIn(Long callId, Collection<ProposalStatus> statuses);
}
