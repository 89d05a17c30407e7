package org.cocrea.workflow;

import org.cocrea.workflow.support.ProcessVariable;

/**
 * Definitions of {@code processes/commitment-drafting.bpmn} (Stage 3 for one chosen topic): the team completes the
 * OGP commitment sheet, the draft circulates for public comment, comments are answered, the lead area validates and
 * the commitment is published.
 */
public final class CommitmentDraftingProcess {

    /** Process definition key. */
    public static final String KEY = "commitment-drafting";

    /** Element ids. */
    public static final String START = "StartEvent_TopicChosen";
    public static final String TASK_COMPLETE_SHEET = "Task_CompleteSheet";
    public static final String TASK_CIRCULATE = "Task_CirculateDraft";
    public static final String SUBPROCESS_COMMENT_WINDOW = "SubProcess_CommentWindow";
    public static final String TIMER_WINDOW_CLOSED = "Timer_CommentWindowClosed";
    public static final String TIMER_REMINDER = "Timer_CommentReminder";
    public static final String TASK_SEND_REMINDER = "Task_SendCommentReminder";
    public static final String TASK_CLOSE_COMMENTS = "Task_CloseComments";
    public static final String GATEWAY_ANY_COMMENTS = "Gateway_AnyComments";
    public static final String TASK_CONSOLIDATE = "Task_ConsolidateComments";
    public static final String TASK_REQUEST_VALIDATION = "Task_RequestValidation";
    public static final String TASK_VALIDATE = "Task_ValidateCommitment";
    public static final String GATEWAY_VALIDATED = "Gateway_Validated";
    public static final String TASK_REVISE = "Task_ReviseAfterRejection";
    public static final String TASK_PUBLISH = "Task_PublishCommitment";
    public static final String END_PUBLISHED = "EndEvent_CommitmentPublished";

    /** Variables. */
    public static final String COMMITMENT_ID = "commitmentId";
    public static final String TITLE = "commitmentTitle";
    public static final String SHEET_PAGE = "sheetPage";
    public static final String COMMENTS_PAGE = "commentsPage";
    public static final String DRAFT_PAGE = "draftPage";
    /** Input parameter of {@code Task_CirculateDraft}: ISO 8601 duration of the comment window, PT1H to P366D (default P10D). */
    public static final String COMMENT_WINDOW = "commentWindow";
    /** Input parameter of {@code Task_CirculateDraft}: how long before the deadline the reminder goes (P2D). */
    public static final String REMINDER_BEFORE = "reminderBefore";
    public static final String COMMENT_DEADLINE = "commentDeadline";
    public static final String REMINDER_AT = "reminderAt";
    public static final String COMMENT_COUNT = "commentCount";
    public static final String LEAD_AREA_GROUP = "leadAreaGroup";
    public static final String VALIDATION_DECISION = "validationDecision";
    public static final String VALIDATION_REASON = "validationReason";
    public static final String VALIDATED = "validated";
    public static final String REJECTION_REASON = "rejectionReason";
    public static final String CODE = "commitmentCode";

    /**
     * What this process owns ({@link OwnedVariablesGuard}): the commitment, the comment window's dates, the validating area (candidate group) and the validation outcome. A task completion, or a non-admin
     * through the variable API, may not create, change or remove them.
     */
    public static final OwnedVariables OWNED = OwnedVariables.of(KEY, COMMITMENT_ID, CODE, COMMENT_DEADLINE,
            REMINDER_AT, LEAD_AREA_GROUP, VALIDATED);

    /*
     * Typed variables (workflow.support.ProcessVariable): how code reads and writes the variables above. Ids and
     * routing facts set by Java are read as stored (a value of another type is an IllegalStateException naming
     * it); form fields are read as Tasklist submits them (an unreadable value is refused with 400).
     */
    /** {@link #COMMITMENT_ID}, any Number, read as long. */
    public static final ProcessVariable<Long> COMMITMENT_ID_VAR = ProcessVariable.wholeNumber(COMMITMENT_ID);
    /** {@link #VALIDATION_DECISION}, form text. */
    public static final ProcessVariable<String> VALIDATION_DECISION_VAR = ProcessVariable.text(VALIDATION_DECISION);
    /** {@link #VALIDATION_REASON}, form text. */
    public static final ProcessVariable<String> VALIDATION_REASON_VAR = ProcessVariable.text(VALIDATION_REASON);

    private CommitmentDraftingProcess() {
    }

    /**
     * @param commitmentId draft commitment id
     * @return the business key of its instance
     */
    public static String businessKey(long commitmentId) {
        return "commitment-" + commitmentId;
    }
}
