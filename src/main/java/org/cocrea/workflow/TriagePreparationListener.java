package org.cocrea.workflow;

import org.cocrea.workflow.support.FormFields;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cocrea.area.Areas;
import org.springframework.stereotype.Component;

/** Create listener of {@code Task_TriageProposal}: offers every known area as an option ({@code areaOptions}). */
@Component("triagePreparation")
class TriagePreparationListener implements TaskListener {

    private final Areas areas;

    TriagePreparationListener(Areas areas) {
        this.areas = areas;
    }

    @Override
    public void notify(DelegateTask task) {
        List<Map<String, String>> options = areas.all().stream()
                .map(a -> Map.of("label", a.name(Locale.forLanguageTag("es")), "value", a.getCandidateGroup())).toList();
        task.setVariableLocal(ProposalReviewProcess.AREA_OPTIONS, FormFields.jsonOptions(options));
    }
}
