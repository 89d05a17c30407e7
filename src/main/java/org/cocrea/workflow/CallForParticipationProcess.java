package org.cocrea.workflow;

import org.cocrea.workflow.support.ProcessVariable;

/**
 * Definitions of {@code processes/call-for-participation.bpmn}: staff write an open call for participation, it is
 * mailed in batches to every consenting, subscribed person of the directory, and staff post the social-network text.
 */
public final class CallForParticipationProcess {

    /** Process definition key. */
    public static final String KEY = "call-for-participation";

    /** Element ids. */
    public static final String START = "StartEvent_CallForParticipationRequested";
    public static final String TASK_WRITE = "Task_WriteCallForParticipation";
    public static final String TASK_PREPARE_RECIPIENTS = "Task_PrepareRecipients";
    public static final String TASK_QUEUE_BATCH = "Task_QueueMailingBatch";
    public static final String GATEWAY_RECIPIENTS_LEFT = "Gateway_RecipientsLeft";
    public static final String TASK_SOCIAL_TEXT = "Task_PrepareSocialText";
    public static final String TASK_PUBLISH_SOCIAL = "Task_PublishOnSocialNetworks";
    public static final String END = "EndEvent_CallForParticipationSent";

    /** Variables. */
    public static final String SUBJECT_ES = "subjectEs";
    public static final String BODY_ES = "bodyEs";
    public static final String SUBJECT_EN = "subjectEn";
    public static final String BODY_EN = "bodyEn";
    public static final String TOPIC = "topic";
    public static final String TOPIC_OPTIONS = "topicOptions";
    public static final String LINK = "link";
    public static final String MAILING_ID = "mailingId";
    public static final String RECIPIENTS_LEFT = "recipientsLeft";
    public static final String SOCIAL_TEXT = "socialText";
    public static final String PROGRESS_LINK = "progressLink";

    /**
     * What this process owns ({@link OwnedVariablesGuard}): the mass mailing and how many recipients are left. A task completion, or a non-admin
     * through the variable API, may not create, change or remove them.
     */
    public static final OwnedVariables OWNED = OwnedVariables.of(KEY, MAILING_ID, RECIPIENTS_LEFT, TOPIC_OPTIONS);

    /*
     * Typed variables (workflow.support.ProcessVariable): how code reads and writes the variables above. Ids and
     * routing facts set by Java are read as stored (a value of another type is an IllegalStateException naming
     * it); form fields are read as Tasklist submits them (an unreadable value is refused with 400).
     */
    /** {@link #SUBJECT_ES}, form text. */
    public static final ProcessVariable<String> SUBJECT_ES_VAR = ProcessVariable.text(SUBJECT_ES);
    /** {@link #BODY_ES}, form text. */
    public static final ProcessVariable<String> BODY_ES_VAR = ProcessVariable.text(BODY_ES);
    /** {@link #SUBJECT_EN}, form text. */
    public static final ProcessVariable<String> SUBJECT_EN_VAR = ProcessVariable.text(SUBJECT_EN);
    /** {@link #BODY_EN}, form text. */
    public static final ProcessVariable<String> BODY_EN_VAR = ProcessVariable.text(BODY_EN);
    /** {@link #TOPIC}, form text. */
    public static final ProcessVariable<String> TOPIC_VAR = ProcessVariable.text(TOPIC);
    /** {@link #LINK}, form text. */
    public static final ProcessVariable<String> LINK_VAR = ProcessVariable.text(LINK);
    /** {@link #MAILING_ID}, as stored. */
    public static final ProcessVariable<Long> MAILING_ID_VAR = ProcessVariable.of(MAILING_ID, Long.class);

    private CallForParticipationProcess() {
    }
}
