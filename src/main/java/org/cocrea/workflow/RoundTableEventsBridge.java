package org.cocrea.workflow;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.cocrea.consultation.Consultations;
import org.cocrea.roundtable.RoundTable;
import org.cocrea.roundtable.RoundTableEvents;
import org.cocrea.roundtable.RoundTables;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns round-table events into engine calls in the publishing transaction: a request starts one
 * {@code round-table} instance per axis; a rescheduling or cancellation is correlated to the axis's instance by
 * business key.
 */
@Component
class RoundTableEventsBridge {

    private final RuntimeService runtimeService;
    private final RoundTables roundTables;
    private final Consultations consultations;

    RoundTableEventsBridge(@Lazy RuntimeService runtimeService, RoundTables roundTables,
            Consultations consultations) {
        this.runtimeService = runtimeService;
        this.roundTables = roundTables;
        this.consultations = consultations;
    }

    @EventListener
    void on(RoundTableEvents.RoundTablesRequested event) {
        // Inside a co-creation instance the round-tables are its call activities, started when Stage 1 ends.
        String callInstance = consultations.get(event.callId()).getProcessInstanceId();
        if (callInstance != null && CommitmentDraftingBridge.isCalledByAnotherProcess(runtimeService, callInstance)) {
            return;
        }
        for (String axis : event.axes()) {
            runtimeService.startProcessInstanceByKey(RoundTableProcess.KEY,
                    RoundTableProcess.businessKey(event.callId(), axis), Variables.createVariables()
                            .putValue(RoundTableProcess.CALL_ID, event.callId())
                            .putValue(RoundTableProcess.AXIS, axis));
        }
    }

    @EventListener
    void on(RoundTableEvents.RoundTableRescheduled event) {
        correlate(RoundTableProcess.MESSAGE_RESCHEDULED, roundTables.get(event.roundTableId()));
    }

    @EventListener
    void on(RoundTableEvents.RoundTableCancelled event) {
        correlate(RoundTableProcess.MESSAGE_CANCELLED, roundTables.get(event.roundTableId()));
    }

    private void correlate(String message, RoundTable table) {
        runtimeService.createMessageCorrelation(message)
                .processInstanceBusinessKey(RoundTableProcess.businessKey(table.getCallId(), table.getAxis()))
                .correlateAllWithResult();
    }
}
