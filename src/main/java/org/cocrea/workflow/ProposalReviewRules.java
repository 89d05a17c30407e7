package org.cocrea.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.cocrea.calendar.WorkingDays;
import org.springframework.stereotype.Component;

/**
 * The rules {@code processes/proposal-review.bpmn} used to write inline in its expressions, as the helper bean
 * {@code proposalReview} (on {@link ExpressionAllowList#HELPERS}): whether routing found the reviewing area
 * ({@code Gateway_AreaFound}) and the feasibility review's due date ({@code Flow_ToReview}). The number of working
 * days stays in the model, where process owners change it (README, "Things process owners can change").
 */
@Component("proposalReview")
public class ProposalReviewRules {

    private final WorkingDays workingDays;

    /** @param workingDays the Buenos Aires working-day calendar */
    public ProposalReviewRules(WorkingDays workingDays) {
        this.workingDays = workingDays;
    }

    /**
     * {@code Gateway_AreaFound}: the proposal has a reviewing area when the routing decision
     * ({@code proposal-routing.dmn}) or the triage form set {@link ProposalReviewProcess#AREA_GROUP}; otherwise the
     * open-government team triages it.
     *
     * @param execution the instance at the gateway
     * @return whether {@code areaGroup} is set (not null)
     */
    public boolean hasArea(DelegateExecution execution) {
        return ProposalReviewProcess.AREA_GROUP_VAR.get(execution) != null;
    }

    /**
     * {@code Flow_ToReview} (name "Plazo: N días hábiles"): the area's review is due {@code days} working days in
     * Buenos Aires after the flow is taken (engine time, so tests may move it), at the same time of day; stored as
     * {@link ProposalReviewProcess#REVIEW_DUE_DATE}, which the task's due date and the reminder timer read.
     *
     * @param execution the instance taking the flow
     * @param days      working days, at least 0 (10 in the shipped model)
     * @throws IllegalArgumentException when days is negative
     */
    public void setReviewDueDate(DelegateExecution execution, int days) {
        ProposalReviewProcess.REVIEW_DUE_DATE_VAR.set(execution, workingDays.after(ClockUtil.getCurrentTime(), days));
    }
}
