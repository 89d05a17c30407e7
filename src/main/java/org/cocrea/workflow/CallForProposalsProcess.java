package org.cocrea.workflow;

import java.time.Instant;
import java.util.List;
import org.cocrea.workflow.support.ProcessVariable;

/**
 * Definitions of {@code processes/call-for-proposals.bpmn}: the public consultation of one action plan, from
 * opening the call to the prioritisation of feasible proposals for the co-creation round-tables.
 */
public final class CallForProposalsProcess {

    /** Process definition key. */
    public static final String KEY = "call-for-proposals";

    /** Element ids. */
    public static final String START = "StartEvent_CallRequested";
    public static final String TASK_OPEN_CALL = "Task_OpenCall";
    public static final String TIMER_CALL_CLOSES = "Timer_CallCloses";
    public static final String TASK_CLOSE_CALL = "Task_CloseCall";
    public static final String TASK_CHECK_REVIEWS = "Task_CheckReviews";
    public static final String GATEWAY_REVIEWS_DONE = "Gateway_ReviewsDone";
    public static final String GATEWAY_WAIT_REVIEWS = "Gateway_WaitForReviews";
    public static final String EVENT_REVIEWS_COMPLETED = "Event_ReviewsCompleted";
    public static final String TIMER_RECHECK_REVIEWS = "Timer_RecheckReviews";
    public static final String TASK_GATHER_AREAS = "Task_GatherMeetingAreas";
    public static final String SUBPROCESS_MEETING = "SubProcess_FeasibilityMeeting";
    public static final String TASK_PREPARE_AGENDA = "Task_PrepareMeetingAgenda";
    public static final String TASK_RECORD_MEETING = "Task_RecordFeasibilityMeeting";
    /** Asynchronous before: an area's meeting ends its instance of the subprocess in a job of its own. */
    public static final String END_MEETING_RECORDED = "EndEvent_MeetingRecorded";
    public static final String TASK_PREPARE_PRIORITISATION = "Task_PreparePrioritisation";
    public static final String TASK_PRIORITISE = "Task_PrioritiseProposals";
    public static final String END_CONSULTATION_CLOSED = "EndEvent_ConsultationClosed";

    /** Message correlated when the last proposal of a closed call has been reviewed. */
    public static final String MESSAGE_REVIEWS_COMPLETED = "ReviewsCompleted";

    /** Variables. */
    public static final String ACTION_PLAN = "actionPlan";
    public static final String TITLE = "title";
    public static final String AXES = "axes";
    public static final String OPENS_AT = "opensAt";
    public static final String CLOSES_AT = "closesAt";
    public static final String CALL_ID = "callId";
    public static final String CALL_CLOSES_AT = "callClosesAt";
    public static final String ALL_REVIEWS_DONE = "allReviewsDone";
    public static final String MEETING_AREA_GROUPS = "meetingAreaGroups";
    /** Element variable of the multi-instance meeting sub-process. */
    public static final String AREA_GROUP = "areaGroup";
    public static final String AREA_NAME = "areaName";
    public static final String MEETING_AGENDA = "meetingAgenda";
    public static final String MEETING_DATE = "meetingDate";
    public static final String MEETING_ATTENDEES = "meetingAttendees";
    public static final String MEETING_OUTCOME = "meetingOutcome";
    public static final String PRIORITISATION_OPTIONS = "prioritisationOptions";
    public static final String PRIORITISED_PROPOSALS = "prioritisedProposals";
    /** How many proposals of earlier co-creation instances of the plan joined this call's pool. */
    public static final String CARRIED_OVER = "carriedOverProposals";

    /**
     * What this process owns ({@link OwnedVariablesGuard}): the call and its window (set by the start form), the review count and the areas to meet. A task completion, or a non-admin
     * through the variable API, may not create, change or remove them.
     */
    public static final OwnedVariables OWNED = OwnedVariables.of(KEY, ACTION_PLAN, OPENS_AT, CLOSES_AT, CALL_ID,
            CALL_CLOSES_AT, ALL_REVIEWS_DONE, MEETING_AREA_GROUPS, AREA_GROUP, PRIORITISATION_OPTIONS, CARRIED_OVER);

    /*
     * Typed variables (workflow.support.ProcessVariable): how code reads and writes the variables above. Ids and
     * routing facts set by Java are read as stored (a value of another type is an IllegalStateException naming
     * it); form fields are read as Tasklist submits them (an unreadable value is refused with 400).
     */
    /** {@link #CALL_ID}, as stored. */
    public static final ProcessVariable<Long> CALL_ID_VAR = ProcessVariable.of(CALL_ID, Long.class);
    /** {@link #ACTION_PLAN}, form text. */
    public static final ProcessVariable<String> ACTION_PLAN_VAR = ProcessVariable.text(ACTION_PLAN);
    /** {@link #TITLE}, form text. */
    public static final ProcessVariable<String> TITLE_VAR = ProcessVariable.text(TITLE);
    /** {@link #AXES}, form list. */
    public static final ProcessVariable<List<String>> AXES_VAR = ProcessVariable.list(AXES);
    /** {@link #OPENS_AT}, form date-time. */
    public static final ProcessVariable<Instant> OPENS_AT_VAR = ProcessVariable.instant(OPENS_AT);
    /** {@link #CLOSES_AT}, form date-time. */
    public static final ProcessVariable<Instant> CLOSES_AT_VAR = ProcessVariable.instant(CLOSES_AT);
    /** {@link #AREA_GROUP}, as stored. */
    public static final ProcessVariable<String> AREA_GROUP_VAR = ProcessVariable.of(AREA_GROUP, String.class);
    /** {@link #AREA_NAME}, as stored. */
    public static final ProcessVariable<Object> AREA_NAME_VAR = ProcessVariable.of(AREA_NAME, Object.class);
    /** {@link #MEETING_DATE}, form date-time. */
    public static final ProcessVariable<Instant> MEETING_DATE_VAR = ProcessVariable.instant(MEETING_DATE);
    /** {@link #MEETING_ATTENDEES}, form text. */
    public static final ProcessVariable<String> MEETING_ATTENDEES_VAR = ProcessVariable.text(MEETING_ATTENDEES);
    /** {@link #MEETING_OUTCOME}, form text. */
    public static final ProcessVariable<String> MEETING_OUTCOME_VAR = ProcessVariable.text(MEETING_OUTCOME);
    /** {@link #PRIORITISED_PROPOSALS}, form list. */
    public static final ProcessVariable<List<String>> PRIORITISED_PROPOSALS_VAR = ProcessVariable.list(PRIORITISED_PROPOSALS);

    private CallForProposalsProcess() {
    }
}
