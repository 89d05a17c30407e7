package org.cocrea.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cocrea.consultation.Consultations;
import org.springframework.stereotype.Component;

/** {@code Task_CloseCall}: the closing timer fired; the call stops accepting proposals. */
@Component("closeCall")
class CloseCallDelegate implements JavaDelegate {

    private final Consultations consultations;

    CloseCallDelegate(Consultations consultations) {
        this.consultations = consultations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        consultations.close(CallForProposalsProcess.CALL_ID_VAR.get(execution));
    }
}
