package org.cocrea.implementation;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface SelfAssessmentRepository extends JpaRepository<SelfAssessment, Long> {

    List<SelfAssessment> findByActionPlanOrderByVersionDesc(String actionPlan);

    Optional<SelfAssessment> findFirstByActionPlanAndStatusOrderByVersionDesc(String actionPlan,
            SelfAssessment.Status status);
}
