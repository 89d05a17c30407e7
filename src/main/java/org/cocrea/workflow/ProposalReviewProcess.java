package org.cocrea.workflow;

/**
 * Definitions of {@code processes/proposal-review.bpmn}: one instance per proposal, from routing to the reasoned
 * response. Business key: the proposal's tracking code.
 */
public final class ProposalReviewProcess {

    /** Process definition key. */
    public static final String KEY = "proposal-review";
    /** Routing decision (DMN) key, {@code processes/proposal-routing.dmn}. */
    public static final String ROUTING_DECISION = "proposal-routing";

    /** Element ids. */
    public static final String START = "StartEvent_ProposalReceived";
    public static final String TASK_ROUTE = "Task_RouteProposal";
    public static final String GATEWAY_AREA_FOUND = "Gateway_AreaFound";
    public static final String TASK_TRIAGE = "Task_TriageProposal";
    public static final String TASK_ASSIGN_AREA = "Task_AssignArea";
    public static final String TASK_REVIEW = "Task_ReviewFeasibility";
    public static final String TIMER_REVIEW_REMINDER = "Timer_ReviewReminder";
    public static final String TASK_SEND_REMINDER = "Task_SendReviewReminder";
    public static final String EVENT_MEETING_HELD = "Event_FeasibilityMeetingHeld";
    public static final String TASK_DRAFT_RESPONSE = "Task_DraftResponse";
    public static final String TASK_REVIEW_RESPONSE = "Task_ReviewResponse";
    public static final String TASK_SEND_RESPONSE = "Task_SendResponse";
    public static final String END_RESPONSE_SENT = "EndEvent_ResponseSent";
    public static final String END_REMINDER_SENT = "EndEvent_ReminderSent";

    /** Message correlated when the open-government team has met the proposal's area. */
    public static final String MESSAGE_MEETING_HELD = "FeasibilityMeetingHeld";

    /** Variables: routing facts and ids only; the proposal itself lives in PostgreSQL. */
    public static final String PROPOSAL_ID = "proposalId";
    public static final String CALL_ID = "callId";
    public static final String AXIS = "axis";
    public static final String SUBMITTER_TYPE = "submitterType";
    public static final String AREA_GROUP = "areaGroup";
    public static final String AREA_OPTIONS = "areaOptions";
    public static final String REVIEW_DUE_DATE = "reviewDueDate";
    public static final String VERDICT = "verdict";
    public static final String REASONING = "reasoning";
    public static final String WILLING_TO_CO_CREATE = "willingToCoCreate";
    public static final String CONTACT_PERSON = "contactPerson";
    public static final String RESPONSE_TEXT = "responseText";
    /** Task-local variables shown read-only by the forms. */
    public static final String PROPOSAL_TITLE = "proposalTitle";
    public static final String PROPOSAL_TEXT = "proposalText";
    public static final String PROPOSAL_AXIS_NAME = "proposalAxisName";
    public static final String PROPOSAL_SUBMITTER = "proposalSubmitter";

    /**
     * What this process owns ({@link OwnedVariablesGuard}): the proposal, its routing facts, the reviewing area (chosen only by the triage task's form) and the review's due date. A task completion, or a non-admin
     * through the variable API, may not create, change or remove them.
     */
    public static final OwnedVariables OWNED = OwnedVariables.of(KEY, PROPOSAL_ID, CALL_ID, AXIS, SUBMITTER_TYPE,
            AREA_GROUP, AREA_OPTIONS, REVIEW_DUE_DATE).settableAt(TASK_TRIAGE, AREA_GROUP);

    private ProposalReviewProcess() {
    }
}
