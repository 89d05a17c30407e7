package org.cocrea.followup;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ReportRepository extends JpaRepository<FollowUpReport, Long> {

    /**
     * One statement for a month's request: whether the commitment exists and, if its report of the month exists too,
     * that report's id and due date.
     *
     * @return no row when there is no such commitment; else one row {@code [commitment id, report id or null, due
     *         date or null]}
     */
    @Query(value = "select c.id, r.id as report_id, r.due_date from commitment c left join follow_up_report r "
            + "on r.commitment_id = c.id and r.period = :period where c.id = :commitmentId", nativeQuery = true)
    List<Object[]> findMonthOf(@Param("commitmentId") long commitmentId, @Param("period") LocalDate period);

    List<FollowUpReport> findByCommitmentIdOrderByPeriodAsc(long commitmentId);

    /** @return reports still with the lead area (requested or sent back) whose due date is before {@code today} */
    @Query("select count(r) from FollowUpReport r where r.status in (org.cocrea.followup.ReportStatus.REQUESTED, "
            + "org.cocrea.followup.ReportStatus.CHANGES_REQUESTED) and r.dueDate < :today")
    long countOverdue(@Param("today") LocalDate today);

    /** Takes the report's row lock: submit, review and uploads of one report happen one after another. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from FollowUpReport r where r.id = :id")
    Optional<FollowUpReport> lockById(@Param("id") Long id);
}

interface ProgressRepository extends JpaRepository<MilestoneProgress, Long> {

    List<MilestoneProgress> findByReportId(long reportId);

    void deleteByReportId(long reportId);
}

interface EvidenceRepository extends JpaRepository<Evidence, Long> {

    List<Evidence> findByReportIdOrderByIdAsc(long reportId);

    void deleteByReportIdAndKind(long reportId, String kind);
}

interface TrackedMilestoneRepository extends JpaRepository<TrackedMilestone, Long> {

    List<TrackedMilestone> findByCommitmentIdOrderByPositionAsc(long commitmentId);
}

interface EvaluationRepository extends JpaRepository<MonitoringEvaluation, Long> {

    Optional<MonitoringEvaluation> findByCommitmentId(long commitmentId);
}
