package org.cocrea.workflow;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cocrea.area.Areas;
import org.springframework.stereotype.Component;

/** Complete listener of {@code Task_TriageProposal}: the chosen {@code areaGroup} must be a known area's group. */
@Component("triageCompleted")
class TriageCompletedListener implements TaskListener {

    private final Areas areas;

    TriageCompletedListener(Areas areas) {
        this.areas = areas;
    }

    @Override
    public void notify(DelegateTask task) {
        String group = ProposalReviewProcess.AREA_GROUP_VAR.get(task);
        if (areas.byCandidateGroup(group).isEmpty()) {
            throw RefusalTexts.refusal("refusal.unknownArea", String.valueOf(group));
        }
    }
}
