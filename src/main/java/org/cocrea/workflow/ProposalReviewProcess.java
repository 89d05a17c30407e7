package org.cocrea.workflow;

import java.util.Date;

import org.cocrea.workflow.support.ProcessVariable;

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

    /*
     * Typed variables (workflow.support.ProcessVariable): how code reads and writes the variables above. Ids and
     * routing facts set by Java are read as stored (a value of another type is an IllegalStateException naming
     * it); form fields are read as Tasklist submits them (an unreadable value is refused with 400).
     */
    /** {@link #AREA_GROUP}, form text. */
    public static final ProcessVariable<String> AREA_GROUP_VAR = ProcessVariable.text(AREA_GROUP);
    /** {@link #REVIEW_DUE_DATE}, as stored (set by {@link ProposalReviewRules#setReviewDueDate}). */
    public static final ProcessVariable<Date> REVIEW_DUE_DATE_VAR = ProcessVariable.of(REVIEW_DUE_DATE,
            Date.class);
    /** {@link #VERDICT}, form text. */
    public static final ProcessVariable<String> VERDICT_VAR = ProcessVariable.text(VERDICT);
    /** {@link #REASONING}, form text. */
    public static final ProcessVariable<String> REASONING_VAR = ProcessVariable.text(REASONING);
    /** {@link #WILLING_TO_CO_CREATE}, form checkbox. */
    public static final ProcessVariable<Boolean> WILLING_TO_CO_CREATE_VAR = ProcessVariable.bool(WILLING_TO_CO_CREATE);
    /** {@link #CONTACT_PERSON}, form text. */
    public static final ProcessVariable<String> CONTACT_PERSON_VAR = ProcessVariable.text(CONTACT_PERSON);
    /** {@link #RESPONSE_TEXT}, form text. */
    public static final ProcessVariable<String> RESPONSE_TEXT_VAR = ProcessVariable.text(RESPONSE_TEXT);

    private ProposalReviewProcess() {
    }
}
