package org.cocrea.workflow;

import static org.cocrea.workflow.CallForProposalsProcess.*;

import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cocrea.area.Areas;
import org.cocrea.proposal.FeasibilityMeetings;
import org.springframework.stereotype.Component;

/**
 * {@code Task_PrepareMeetingAgenda}: the Java service that gathers one area's reviewed proposals for its feasibility
 * meeting; sets the sub-process-local {@code meetingAgenda} and {@code areaName}.
 */
@Component("prepareMeetingAgenda")
class PrepareMeetingAgendaDelegate implements JavaDelegate {

    private final FeasibilityMeetings meetings;
    private final Areas areas;

    PrepareMeetingAgendaDelegate(FeasibilityMeetings meetings, Areas areas) {
        this.meetings = meetings;
        this.areas = areas;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long callId = CALL_ID_VAR.required(execution);
        String group = AREA_GROUP_VAR.get(execution);
        execution.setVariableLocal(MEETING_AGENDA, meetings.agenda(callId, group));
        execution.setVariableLocal(AREA_NAME,
                areas.byCandidateGroup(group).map(a -> a.name(Locale.forLanguageTag("es"))).orElse(group));
    }
}
