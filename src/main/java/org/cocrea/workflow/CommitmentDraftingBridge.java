package org.cocrea.workflow;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.cocrea.commitment.CommitmentSheets;
import org.cocrea.roundtable.RoundTableEvents;
import org.cocrea.roundtable.RoundTables;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts Stage 3 for a round-table run on its own (not inside a {@code co-creation} instance, whose call activity
 * does it): when the round-table is held, one draft sheet and one {@code commitment-drafting} instance per chosen
 * topic, in the publishing transaction.
 */
@Component
class CommitmentDraftingBridge {

    private final RuntimeService runtimeService;
    private final CommitmentSheets sheets;
    private final RoundTables roundTables;

    CommitmentDraftingBridge(@Lazy RuntimeService runtimeService, CommitmentSheets sheets, RoundTables roundTables) {
        this.runtimeService = runtimeService;
        this.sheets = sheets;
        this.roundTables = roundTables;
    }

    @EventListener
    void on(RoundTableEvents.RoundTableHeld event) {
        String instance = roundTables.get(event.roundTableId()).getProcessInstanceId();
        if (instance != null && isCalledByAnotherProcess(runtimeService, instance)) {
            return;
        }
        for (long id : sheets.createDrafts(event.callId(), roundTables.get(event.roundTableId()).getAxis())) {
            if (sheets.get(id).getProcessInstanceId() == null) {
                runtimeService.startProcessInstanceByKey(CommitmentDraftingProcess.KEY,
                        CommitmentDraftingProcess.businessKey(id),
                        Variables.createVariables().putValue(CommitmentDraftingProcess.COMMITMENT_ID, id));
            }
        }
    }

    /**
     * @param runtimeService    the engine's runtime service
     * @param processInstanceId a running process instance
     * @return whether a call activity of another instance (e.g. {@code co-creation}) started it
     */
    static boolean isCalledByAnotherProcess(RuntimeService runtimeService, String processInstanceId) {
        return runtimeService.createProcessInstanceQuery().subProcessInstanceId(processInstanceId).count() > 0;
    }
}
