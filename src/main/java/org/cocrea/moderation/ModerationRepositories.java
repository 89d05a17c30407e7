package org.cocrea.moderation;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** Repositories of the moderation tables (top-level package-private interfaces; Spring Data skips nested ones). */
interface ModerationReportRepository extends JpaRepository<ModerationReport, Long> {

    List<ModerationReport> findByDecisionIdIsNullOrderByIdAsc();

    List<ModerationReport> findByKindAndItemIdAndDecisionIdIsNull(ModeratedKind kind, long itemId);
}

interface ModerationDecisionRepository extends JpaRepository<ModerationDecision, Long> {

    List<ModerationDecision> findTop100ByOrderByIdDesc();
}
