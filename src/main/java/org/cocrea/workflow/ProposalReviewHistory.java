package org.cocrea.workflow;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.cocrea.proposal.ReviewHistory;
import org.cocrea.proposal.ReviewStep;
import org.springframework.stereotype.Component;

/**
 * The review steps of a proposal from the history of its latest {@code proposal-review} instance (business key = the
 * tracking code): the end of {@link ProposalReviewProcess#TASK_ASSIGN_AREA}, {@link ProposalReviewProcess#TASK_REVIEW},
 * {@link ProposalReviewProcess#EVENT_MEETING_HELD} and {@link ProposalReviewProcess#END_RESPONSE_SENT}.
 */
@Component
class ProposalReviewHistory implements ReviewHistory {

    private static final Map<String, ReviewStep> STEPS = Map.of(
            ProposalReviewProcess.START, ReviewStep.RECEIVED,
            ProposalReviewProcess.TASK_ASSIGN_AREA, ReviewStep.AREA_ASSIGNED,
            ProposalReviewProcess.TASK_REVIEW, ReviewStep.FEASIBILITY_REVIEWED,
            ProposalReviewProcess.EVENT_MEETING_HELD, ReviewStep.MEETING_HELD,
            ProposalReviewProcess.END_RESPONSE_SENT, ReviewStep.RESPONSE_SENT);

    private final HistoryService history;

    ProposalReviewHistory(HistoryService history) {
        this.history = history;
    }

    @Override
    public Map<ReviewStep, Instant> endedSteps(String trackingCode) {
        Map<ReviewStep, Instant> out = new EnumMap<>(ReviewStep.class);
        List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(ProposalReviewProcess.KEY).processInstanceBusinessKey(trackingCode)
                .orderByProcessInstanceStartTime().desc().listPage(0, 1);
        if (instances.isEmpty()) {
            return out;
        }
        for (HistoricActivityInstance a : history.createHistoricActivityInstanceQuery()
                .processInstanceId(instances.get(0).getId()).finished()
                .orderByHistoricActivityInstanceEndTime().asc().list()) {
            ReviewStep step = STEPS.get(a.getActivityId());
            if (step != null && a.getEndTime() != null) {
                // a step that ran more than once (e.g. a second triage) counts when it last ended
                out.put(step, a.getEndTime().toInstant());
            }
        }
        return out;
    }
}
