package org.cocrea.workflow;

import static org.cocrea.workflow.CallForProposalsProcess.*;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cocrea.consultation.CallForProposals;
import org.cocrea.consultation.Consultations;
import org.cocrea.proposal.Proposals;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code Task_OpenCall}: opens the call with the start form's values. Runs synchronously right after the start event,
 * so an invalid call (or a second open call for the same action plan) refuses the start in Tasklist with the reason.
 * Sets {@code callId} and {@code callClosesAt} (a Date for the closing timer).
 */
@Component("openCall")
class OpenCallDelegate implements JavaDelegate {

    private final Consultations consultations;
    private final Proposals proposals;
    private final String defaultActionPlan;

    OpenCallDelegate(Consultations consultations, Proposals proposals,
            @Value("${cocrea.consultation.default-action-plan:ARBA-2021-2023}") String defaultActionPlan) {
        this.consultations = consultations;
        this.proposals = proposals;
        this.defaultActionPlan = defaultActionPlan;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String plan = ACTION_PLAN_VAR.get(execution);
        Instant opensAt = OPENS_AT_VAR.get(execution);
        Instant closesAt = CLOSES_AT_VAR.get(execution);
        CallForProposals[] call = new CallForProposals[1];
        Refusals.refuseInvalid(() -> call[0] = consultations.open(plan == null || plan.isBlank() ? defaultActionPlan : plan,
                TITLE_VAR.get(execution), AXES_VAR.get(execution),
                opensAt, closesAt, execution.getProcessInstanceId()), "refusal.invalidCall");
        execution.setVariable(CALL_ID, call[0].getId());
        // A later co-creation instance of the plan starts with the feasible proposals not addressed earlier.
        execution.setVariable(CARRIED_OVER, proposals.carryOverInto(call[0].getId()));
        execution.setVariable(CALL_CLOSES_AT, Date.from(call[0].getClosesAt()));
    }
}
