package org.cocrea.workflow;

import org.cocrea.workflow.support.FormFields;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cocrea.proposal.Proposal;
import org.cocrea.proposal.Proposals;
import org.springframework.stereotype.Component;

/**
 * {@code Task_PreparePrioritisation}: lists the feasible proposals per axis as the options of the prioritisation
 * form ({@code prioritisationOptions}, a JSON list of {@code {label, value}}), each label starting with its axis.
 */
@Component("preparePrioritisation")
class PreparePrioritisationDelegate implements JavaDelegate {

    private final Proposals proposals;

    PreparePrioritisationDelegate(Proposals proposals) {
        this.proposals = proposals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long callId = CallForProposalsProcess.CALL_ID_VAR.required(execution);
        Locale es = Locale.forLanguageTag("es");
        List<Map<String, String>> options = new ArrayList<>();
        proposals.feasibleByAxis(callId).forEach((axis, list) -> {
            for (Proposal p : list) {
                options.add(Map.of("label", proposals.axisName(axis, es) + " — " + p.getTrackingCode() + " — "
                        + p.getTitle() + " (" + proposals.verdictName(p.getVerdict(), es) + ")", "value", String.valueOf(p.getId())));
            }
        });
        execution.setVariable(CallForProposalsProcess.PRIORITISATION_OPTIONS, FormFields.jsonOptions(options));
    }
}
