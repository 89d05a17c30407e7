package org.cocrea.workflow;

import java.time.Instant;
import java.util.List;
import org.cocrea.workflow.support.ProcessVariable;

/**
 * Definitions of {@code processes/round-table.bpmn}: one co-creation round-table of one axis, from the proposed date
 * to the chosen topics. Business key: {@code <callId>:<axis>}.
 */
public final class RoundTableProcess {

    /** Process definition key. */
    public static final String KEY = "round-table";

    /** Element ids. */
    public static final String TASK_PROPOSE_DATE = "Task_ProposeDate";
    public static final String TASK_CHOOSE_ORGANIZATIONS = "Task_ChooseOrganizations";
    public static final String TASK_SEND_PERSONAL_INVITATIONS = "Task_SendPersonalInvitations";
    public static final String TASK_CONFIRM_DATE = "Task_ConfirmDate";
    public static final String TASK_SEND_INVITATIONS = "Task_SendInvitations";
    public static final String SUBPROCESS_UNTIL_MEETING = "SubProcess_UntilTheMeeting";
    public static final String TIMER_REMINDER_48H = "Timer_Reminder48h";
    public static final String TIMER_REMINDER_2H = "Timer_Reminder2h";
    public static final String TIMER_MEETING_STARTS = "Timer_MeetingStarts";
    public static final String EVENT_RESCHEDULED = "Event_RoundTableRescheduled";
    public static final String EVENT_CANCELLED = "Event_RoundTableCancelled";
    public static final String TASK_SEND_UPDATED = "Task_SendUpdatedInvitations";
    public static final String TASK_REFRESH_START = "Task_RefreshStart";
    public static final String GATEWAY_STILL_SCHEDULED = "Gateway_StillScheduled";
    public static final String TASK_SEND_CANCELLATION = "Task_SendCancellation";
    public static final String END_CANCELLED = "EndEvent_RoundTableCancelled";
    public static final String TASK_PHASE_1 = "Task_Phase1";
    public static final String TASK_PHASE_2 = "Task_Phase2";
    public static final String TASK_ATTENDANCE = "Task_RecordAttendance";
    public static final String TASK_CLOSE = "Task_CloseRoundTable";
    public static final String END_HELD = "EndEvent_RoundTableHeld";

    /** Messages. */
    public static final String MESSAGE_RESCHEDULED = "RoundTableRescheduled";
    public static final String MESSAGE_CANCELLED = "RoundTableCancelled";

    /** Variables. */
    public static final String CALL_ID = "callId";
    public static final String AXIS = "axis";
    public static final String ROUND_TABLE_ID = "roundTableId";
    public static final String TITLE = "roundTableTitle";
    public static final String PAGE = "roundTablePage";
    public static final String STARTS_AT_DATE = "roundTableStartsAt";
    public static final String STATUS = "roundTableStatus";
    public static final String STARTS_AT = "startsAt";
    public static final String DURATION_MINUTES = "durationMinutes";
    public static final String MEETING_LINK = "meetingLink";
    public static final String CAPACITY = "capacity";
    public static final String PRESENTATION = "presentation";
    public static final String CHOSEN_TOPICS = "chosenTopics";
    public static final String ORGANIZATION_OPTIONS = "organizationOptions";
    public static final String INVITED_ORGANIZATIONS = "invitedOrganizations";
    public static final String INFO_MEETING_AT = "infoMeetingAt";
    public static final String INFO_MEETING_LINK = "infoMeetingLink";
    public static final String ATTENDANCE_OPTIONS = "attendanceOptions";
    public static final String ATTENDEES = "attendees";

    /**
     * What this process owns ({@link OwnedVariablesGuard}): the round-table, its axis, its stored date and status (the timers and the gateway read them) and the options offered to the team. A task completion, or a non-admin
     * through the variable API, may not create, change or remove them.
     */
    public static final OwnedVariables OWNED = OwnedVariables.of(KEY, CALL_ID, AXIS, ROUND_TABLE_ID, STARTS_AT_DATE,
            STATUS, ORGANIZATION_OPTIONS, ATTENDANCE_OPTIONS);

    /*
     * Typed variables (workflow.support.ProcessVariable): how code reads and writes the variables above. Ids and
     * routing facts set by Java are read as stored (a value of another type is an IllegalStateException naming
     * it); form fields are read as Tasklist submits them (an unreadable value is refused with 400).
     */
    /** {@link #CALL_ID}, as stored. */
    public static final ProcessVariable<Long> CALL_ID_VAR = ProcessVariable.of(CALL_ID, Long.class);
    /** {@link #AXIS}, as stored. */
    public static final ProcessVariable<String> AXIS_VAR = ProcessVariable.of(AXIS, String.class);
    /** {@link #ROUND_TABLE_ID}, as stored. */
    public static final ProcessVariable<Long> ROUND_TABLE_ID_VAR = ProcessVariable.of(ROUND_TABLE_ID, Long.class);
    /** {@link #STARTS_AT}, form date-time. */
    public static final ProcessVariable<Instant> STARTS_AT_VAR = ProcessVariable.instant(STARTS_AT);
    /** {@link #DURATION_MINUTES}, form whole number. */
    public static final ProcessVariable<Integer> DURATION_MINUTES_VAR = ProcessVariable.integer(DURATION_MINUTES);
    /** {@link #MEETING_LINK}, form text. */
    public static final ProcessVariable<String> MEETING_LINK_VAR = ProcessVariable.text(MEETING_LINK);
    /** {@link #CAPACITY}, form whole number. */
    public static final ProcessVariable<Integer> CAPACITY_VAR = ProcessVariable.integer(CAPACITY);
    /** {@link #PRESENTATION}, form text. */
    public static final ProcessVariable<String> PRESENTATION_VAR = ProcessVariable.text(PRESENTATION);
    /** {@link #CHOSEN_TOPICS}, form text. */
    public static final ProcessVariable<String> CHOSEN_TOPICS_VAR = ProcessVariable.text(CHOSEN_TOPICS);
    /** {@link #INVITED_ORGANIZATIONS}, form list. */
    public static final ProcessVariable<List<String>> INVITED_ORGANIZATIONS_VAR = ProcessVariable.list(INVITED_ORGANIZATIONS);
    /** {@link #INFO_MEETING_AT}, form date-time. */
    public static final ProcessVariable<Instant> INFO_MEETING_AT_VAR = ProcessVariable.instant(INFO_MEETING_AT);
    /** {@link #INFO_MEETING_LINK}, form text. */
    public static final ProcessVariable<String> INFO_MEETING_LINK_VAR = ProcessVariable.text(INFO_MEETING_LINK);
    /** {@link #ATTENDEES}, form list. */
    public static final ProcessVariable<List<String>> ATTENDEES_VAR = ProcessVariable.list(ATTENDEES);

    private RoundTableProcess() {
    }

    /**
     * @param callId call id
     * @param axis   axis id
     * @return the business key of that axis's round-table instance
     */
    public static String businessKey(long callId, String axis) {
        return callId + ":" + axis;
    }
}
