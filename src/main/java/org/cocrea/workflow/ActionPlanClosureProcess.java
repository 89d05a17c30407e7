package org.cocrea.workflow;

import org.cocrea.workflow.support.ProcessVariable;

/**
 * Definitions of {@code processes/action-plan-closure.bpmn}: the end of an action plan. A timer waits for the day
 * after the plan's end date (00:00 in America/Argentina/Buenos_Aires), a service task produces the self-assessment
 * draft, the open-government team reviews it (introduction and notes) and either publishes it or asks for a new
 * draft with fresh figures. Business key: the action plan id; one instance per plan
 * ({@link ActionPlanClosureStarter}).
 */
public final class ActionPlanClosureProcess {

    /** Process definition key. */
    public static final String KEY = "action-plan-closure";

    /** Element ids. */
    public static final String START = "StartEvent_ClosureScheduled";
    public static final String TIMER_PLAN_ENDS = "Timer_PlanEnds";
    public static final String TASK_DRAFT = "Task_DraftSelfAssessment";
    public static final String TASK_REVIEW = "Task_ReviewSelfAssessment";
    public static final String GATEWAY_DECISION = "Gateway_ReviewDecision";
    public static final String FLOW_PUBLISH = "Flow_Publish";
    public static final String FLOW_REDRAFT = "Flow_Redraft";
    public static final String TASK_PUBLISH = "Task_PublishSelfAssessment";
    public static final String END_PUBLISHED = "EndEvent_SelfAssessmentPublished";

    /** Variables. */
    public static final String ACTION_PLAN_ID = "actionPlanId";
    /** The plan's end as a {@code java.util.Date}: the timer's due date. */
    public static final String PLAN_ENDS_AT = "planEndsAt";
    public static final String SELF_ASSESSMENT_ID = "selfAssessmentId";
    public static final String SELF_ASSESSMENT_VERSION = "selfAssessmentVersion";
    public static final String PREVIEW = "selfAssessmentPreview";
    public static final String INTRODUCTION = "introduction";
    public static final String NOTES = "notes";
    /** {@link #DECISION_PUBLISH} or {@link #DECISION_REDRAFT}. */
    public static final String DECISION = "decision";
    public static final String DECISION_PUBLISH = "publish";
    public static final String DECISION_REDRAFT = "redraft";
    /** The Camunda user who completed the review, or null. */
    public static final String REVIEWED_BY = "reviewedBy";

    /**
     * What this process owns ({@link OwnedVariablesGuard}): the action plan, its end (the timer), the self-assessment and who reviewed it. A task completion, or a non-admin
     * through the variable API, may not create, change or remove them.
     */
    public static final OwnedVariables OWNED = OwnedVariables.of(KEY, ACTION_PLAN_ID, PLAN_ENDS_AT, SELF_ASSESSMENT_ID,
            REVIEWED_BY);

    /*
     * Typed variables (workflow.support.ProcessVariable): how code reads and writes the variables above. Ids and
     * routing facts set by Java are read as stored (a value of another type is an IllegalStateException naming
     * it); form fields are read as Tasklist submits them (an unreadable value is refused with 400).
     */
    /** {@link #ACTION_PLAN_ID}, as stored. */
    public static final ProcessVariable<String> ACTION_PLAN_ID_VAR = ProcessVariable.of(ACTION_PLAN_ID, String.class);
    /** {@link #SELF_ASSESSMENT_ID}, as stored. */
    public static final ProcessVariable<Long> SELF_ASSESSMENT_ID_VAR = ProcessVariable.of(SELF_ASSESSMENT_ID, Long.class);
    /** {@link #DECISION}, as stored. */
    public static final ProcessVariable<Object> DECISION_VAR = ProcessVariable.of(DECISION, Object.class);
    /** {@link #INTRODUCTION}, form text. */
    public static final ProcessVariable<String> INTRODUCTION_VAR = ProcessVariable.text(INTRODUCTION);
    /** {@link #NOTES}, form text. */
    public static final ProcessVariable<String> NOTES_VAR = ProcessVariable.text(NOTES);
    /** {@link #REVIEWED_BY}, as stored. */
    public static final ProcessVariable<String> REVIEWED_BY_VAR = ProcessVariable.of(REVIEWED_BY, String.class);

    private ActionPlanClosureProcess() {
    }
}
