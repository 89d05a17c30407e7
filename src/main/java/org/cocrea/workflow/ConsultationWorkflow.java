package org.cocrea.workflow;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.cocrea.CocreaApplication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts a call for proposals the same way Tasklist's start form does (used by the demo data and by tests).
 */
@Service
public class ConsultationWorkflow {

    private final RuntimeService runtimeService;

    ConsultationWorkflow(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    /**
     * @param actionPlan action plan id
     * @param title      the call's public title
     * @param axes       thematic axis ids
     * @param opensAt    opening instant
     * @param closesAt   closing instant
     * @return the id of the call-for-proposals process instance
     * @throws org.camunda.bpm.engine.BadUserRequestException when the call is invalid or another is open
     */
    @Transactional
    public String startCall(String actionPlan, String title, List<String> axes, Instant opensAt, Instant closesAt) {
        return start(CallForProposalsProcess.KEY, actionPlan, title, axes, opensAt, closesAt);
    }

    /**
     * Starts a whole co-creation instance ({@code co-creation}: Stage 1, 2 and 3) the way Tasklist's start form does;
     * a later instance of the same action plan carries over the feasible proposals not addressed earlier.
     *
     * @param actionPlan action plan id
     * @param title      the call's public title
     * @param axes       thematic axis ids
     * @param opensAt    opening instant
     * @param closesAt   closing instant
     * @return the id of the co-creation process instance
     * @throws org.camunda.bpm.engine.BadUserRequestException when the call is invalid or another is open
     */
    @Transactional
    public String startCoCreation(String actionPlan, String title, List<String> axes, Instant opensAt,
            Instant closesAt) {
        return start(CoCreationProcess.KEY, actionPlan, title, axes, opensAt, closesAt);
    }

    private String start(String key, String actionPlan, String title, List<String> axes, Instant opensAt,
            Instant closesAt) {
        ZoneId zone = ZoneId.of(CocreaApplication.ZONE);
        ProcessInstance pi = runtimeService.startProcessInstanceByKey(key,
                Variables.createVariables()
                        .putValue(CallForProposalsProcess.ACTION_PLAN, actionPlan)
                        .putValue(CallForProposalsProcess.TITLE, title)
                        .putValue(CallForProposalsProcess.AXES, Variables.objectValue(new ArrayList<>(axes))
                                .serializationDataFormat(Variables.SerializationDataFormats.JSON).create())
                        .putValue(CallForProposalsProcess.OPENS_AT, OffsetDateTime.ofInstant(opensAt, zone).toString())
                        .putValue(CallForProposalsProcess.CLOSES_AT, OffsetDateTime.ofInstant(closesAt, zone).toString()));
        return pi.getId();
    }
}
