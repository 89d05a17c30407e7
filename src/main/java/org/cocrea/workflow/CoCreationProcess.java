package org.cocrea.workflow;

import org.cocrea.workflow.support.ProcessVariable;

/**
 * Definitions of {@code processes/co-creation.bpmn}: one co-creation instance of an action plan, Stage 1, Stage 2 and
 * Stage 3 as call activities.
 */
public final class CoCreationProcess {

    /** Process definition key. */
    public static final String KEY = "co-creation";

    /** Element ids. */
    public static final String START = "StartEvent_CoCreationRequested";
    public static final String CALL_CONSULTATION = "CallActivity_PublicConsultation";
    public static final String TASK_PREPARE_ROUND_TABLES = "Task_PrepareRoundTables";
    public static final String CALL_OPEN_CALL = "CallActivity_OpenCall";
    public static final String SUBPROCESS_AXIS = "SubProcess_Axis";
    public static final String CALL_ROUND_TABLE = "CallActivity_RoundTable";
    public static final String TASK_PREPARE_SHEETS = "Task_PrepareCommitmentSheets";
    public static final String CALL_DRAFTING = "CallActivity_CommitmentDrafting";
    public static final String END = "EndEvent_CoCreationCompleted";

    /** Variables. */
    public static final String CALL_ID = "callId";
    public static final String ROUND_TABLE_AXES = "roundTableAxes";
    public static final String AXIS = "axis";
    public static final String COMMITMENT_IDS = "commitmentIds";

    /**
     * What this process owns ({@link OwnedVariablesGuard}): the call, the axes that get a round-table and the commitments drafted from them. A task completion, or a non-admin
     * through the variable API, may not create, change or remove them.
     */
    public static final OwnedVariables OWNED = OwnedVariables.of(KEY, CALL_ID, ROUND_TABLE_AXES, AXIS, COMMITMENT_IDS);

    /*
     * Typed variables (workflow.support.ProcessVariable): how code reads and writes the variables above. Ids and
     * routing facts set by Java are read as stored (a value of another type is an IllegalStateException naming
     * it); form fields are read as Tasklist submits them (an unreadable value is refused with 400).
     */
    /** {@link #CALL_ID}, any Number, read as long. */
    public static final ProcessVariable<Long> CALL_ID_VAR = ProcessVariable.wholeNumber(CALL_ID);
    /** {@link #AXIS}, as stored. */
    public static final ProcessVariable<String> AXIS_VAR = ProcessVariable.of(AXIS, String.class);

    private CoCreationProcess() {
    }
}
