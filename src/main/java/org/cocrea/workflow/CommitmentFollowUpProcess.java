package org.cocrea.workflow;

import org.cocrea.workflow.support.ProcessVariable;

/**
 * Definitions of {@code processes/commitment-follow-up.bpmn}: the monthly follow-up of one published commitment from
 * its start to its end, then the monitoring body's evaluation. Business key: the commitment code.
 */
public final class CommitmentFollowUpProcess {

    /** Process definition key. */
    public static final String KEY = "commitment-follow-up";

    /** Element ids. */
    public static final String START = "StartEvent_CommitmentPublished";
    public static final String TASK_PREPARE = "Task_PrepareFollowUp";
    public static final String GATEWAY_MILESTONES_PENDING = "Gateway_MilestonesPending";
    public static final String TIMER_IMPLEMENTATION_STARTS = "Timer_ImplementationStarts";
    public static final String SUBPROCESS_IMPLEMENTATION = "SubProcess_Implementation";
    public static final String TIMER_COMMITMENT_ENDS = "Timer_CommitmentEnds";
    public static final String END_PERIOD_OVER = "EndEvent_CommitmentPeriodOver";
    public static final String EVENT_SUBPROCESS_MONTHLY_REPORT = "EventSubProcess_MonthlyReport";
    public static final String TIMER_MONTHLY_REPORT = "StartEvent_MonthlyReportDue";
    public static final String TASK_REQUEST_REPORT = "Task_RequestReport";
    public static final String END_ALREADY_REQUESTED = "EndEvent_AlreadyRequested";
    public static final String TASK_SUBMIT_REPORT = "Task_SubmitReport";
    public static final String TIMER_DUE_SOON = "Timer_ReportDueSoon";
    public static final String TASK_REMIND_AREA = "Task_RemindArea";
    public static final String TIMER_OVERDUE = "Timer_ReportOverdue";
    public static final String TASK_NOTIFY_OVERDUE = "Task_NotifyOverdue";
    public static final String TASK_HANDLE_OVERDUE = "Task_HandleOverdue";
    public static final String TASK_REVIEW_REPORT = "Task_ReviewReport";
    public static final String END_REPORT_ACCEPTED = "EndEvent_ReportAccepted";
    public static final String END_ALL_COMPLETED = "EndEvent_AllMilestonesCompleted";
    public static final String EVENT_ALL_COMPLETED = "Event_AllMilestonesCompleted";
    public static final String TASK_EVALUATE = "Task_EvaluateCommitment";
    public static final String END_EVALUATED = "EndEvent_CommitmentEvaluated";

    /** Process variables. */
    public static final String COMMITMENT_ID = "commitmentId";
    public static final String COMMITMENT_LABEL = "followUpCommitment";
    public static final String LEAD_AREA_GROUP = "leadAreaGroup";
    public static final String STARTS_AT = "followUpStartsAt";
    public static final String ENDS_AT = "followUpEndsAt";
    public static final String IMPLEMENTATION_STARTED = "implementationStarted";
    public static final String ALL_COMPLETED = "allMilestonesCompleted";

    /** Variables of one monthly report (local to its event-subprocess instance). */
    public static final String REPORT_ID = "reportId";
    public static final String REPORT_CREATED = "reportCreated";
    public static final String REPORT_DUE_AT = "reportDueAt";
    public static final String REPORT_MONTH = "reportMonth";
    public static final String REPORT_PAGE = "reportPage";
    public static final String REPORT_ACCEPTED = "reportAccepted";

    /** Task-local form variables. */
    public static final String MILESTONES = "followUpMilestones";
    public static final String OFFERED_MILESTONE_IDS = "offeredMilestoneIds";
    public static final String PREVIOUS_REVIEW_REASON = "previousReviewReason";
    public static final String REPORT_SUMMARY = "reportSummary";
    public static final String REVIEW_DECISION = "reviewDecision";
    public static final String REVIEW_REASON = "reviewReason";
    public static final String ESCALATION_NOTE = "escalationNote";
    public static final String MILESTONE_SUMMARY = "milestoneSummary";
    public static final String COMPLETION_LEVEL = "completionLevel";
    public static final String OPENED_GOVERNMENT = "openedGovernment";
    public static final String VERIFIABLE = "verifiable";
    public static final String RELEVANT = "relevant";
    public static final String EVALUATION_NOTES = "evaluationNotes";

    /** Values of {@link #REVIEW_DECISION}. */
    public static final String DECISION_ACCEPT = "ACCEPT";
    public static final String DECISION_MORE = "MORE";

    /**
     * What this process owns ({@link OwnedVariablesGuard}): the commitment, the reporting area (candidate group of the report task, recipient of reminders), the implementation dates, each report and its due date and outcome. A task completion, or a non-admin
     * through the variable API, may not create, change or remove them.
     */
    public static final OwnedVariables OWNED = OwnedVariables.of(KEY, COMMITMENT_ID, LEAD_AREA_GROUP, STARTS_AT,
            ENDS_AT, IMPLEMENTATION_STARTED, ALL_COMPLETED, REPORT_ID, REPORT_CREATED, REPORT_DUE_AT, REPORT_ACCEPTED,
            OFFERED_MILESTONE_IDS);

    /*
     * Typed variables (workflow.support.ProcessVariable): how code reads and writes the variables above. Ids and
     * routing facts set by Java are read as stored (a value of another type is an IllegalStateException naming
     * it); form fields are read as Tasklist submits them (an unreadable value is refused with 400).
     */
    /** {@link #COMMITMENT_ID}, any Number, read as long. */
    public static final ProcessVariable<Long> COMMITMENT_ID_VAR = ProcessVariable.wholeNumber(COMMITMENT_ID);
    /** {@link #REPORT_ID}, any Number, read as long. */
    public static final ProcessVariable<Long> REPORT_ID_VAR = ProcessVariable.wholeNumber(REPORT_ID);
    /** {@link #LEAD_AREA_GROUP}, as stored. */
    public static final ProcessVariable<String> LEAD_AREA_GROUP_VAR = ProcessVariable.of(LEAD_AREA_GROUP, String.class);
    /** {@link #COMMITMENT_LABEL}, as stored. */
    public static final ProcessVariable<String> COMMITMENT_LABEL_VAR = ProcessVariable.of(COMMITMENT_LABEL, String.class);
    /** {@link #REPORT_MONTH}, form text. */
    public static final ProcessVariable<String> REPORT_MONTH_VAR = ProcessVariable.text(REPORT_MONTH);
    /** {@link #REVIEW_DECISION}, form text. */
    public static final ProcessVariable<String> REVIEW_DECISION_VAR = ProcessVariable.text(REVIEW_DECISION);
    /** {@link #REVIEW_REASON}, form text. */
    public static final ProcessVariable<String> REVIEW_REASON_VAR = ProcessVariable.text(REVIEW_REASON);
    /** {@link #COMPLETION_LEVEL}, form text. */
    public static final ProcessVariable<String> COMPLETION_LEVEL_VAR = ProcessVariable.text(COMPLETION_LEVEL);
    /** {@link #OPENED_GOVERNMENT}, form text. */
    public static final ProcessVariable<String> OPENED_GOVERNMENT_VAR = ProcessVariable.text(OPENED_GOVERNMENT);
    /** {@link #VERIFIABLE}, form checkbox. */
    public static final ProcessVariable<Boolean> VERIFIABLE_VAR = ProcessVariable.bool(VERIFIABLE);
    /** {@link #RELEVANT}, form checkbox. */
    public static final ProcessVariable<Boolean> RELEVANT_VAR = ProcessVariable.bool(RELEVANT);
    /** {@link #EVALUATION_NOTES}, form text. */
    public static final ProcessVariable<String> EVALUATION_NOTES_VAR = ProcessVariable.text(EVALUATION_NOTES);

    private CommitmentFollowUpProcess() {
    }
}
