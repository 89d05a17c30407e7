package org.cocrea.consultation;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface CallForProposalsRepository extends JpaRepository<CallForProposals, Long> {

    List<CallForProposals> findByActionPlanAndStatus(String actionPlan, CallStatus status);

    List<CallForProposals> findByStatusOrderByOpensAtAsc(CallStatus status);

    List<CallForProposals> findByActionPlanOrderByIdAsc(String actionPlan);
}
