package org.cocrea.workflow;

import java.util.Date;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.cocrea.implementation.ActionPlanSettings;
import org.cocrea.implementation.SelfAssessments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start-up, makes sure the configured action plan ({@code cocrea.action-plan.id}) has its closure process waiting
 * for the end date ({@code cocrea.action-plan.end-date}): starts {@code action-plan-closure} unless an instance for
 * the plan is running or the plan's self-assessment is already published. With no end date configured, or
 * {@code cocrea.action-plan.closure-at-startup=false}, it does nothing.
 */
@Component
@Order(30)
class ActionPlanClosureStarter implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ActionPlanClosureStarter.class);

    private final RuntimeService runtimeService;
    private final ActionPlanSettings plan;
    private final SelfAssessments assessments;

    ActionPlanClosureStarter(RuntimeService runtimeService, ActionPlanSettings plan, SelfAssessments assessments) {
        this.runtimeService = runtimeService;
        this.plan = plan;
        this.assessments = assessments;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (plan.closureAtStartup()) {
            ensureStarted();
        }
    }

    /**
     * @return the running (or just started) instance id, or null when there is nothing to start (no end date, or the
     *         self-assessment is published)
     */
    String ensureStarted() {
        if (plan.endDate() == null || assessments.published(plan.id()).isPresent()) {
            return null;
        }
        ProcessInstance running = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(ActionPlanClosureProcess.KEY).processInstanceBusinessKey(plan.id())
                .singleResult();
        if (running != null) {
            return running.getId();
        }
        ProcessInstance started = runtimeService.startProcessInstanceByKey(ActionPlanClosureProcess.KEY, plan.id(),
                Variables.createVariables().putValue(ActionPlanClosureProcess.ACTION_PLAN_ID, plan.id())
                        .putValue(ActionPlanClosureProcess.PLAN_ENDS_AT, Date.from(plan.endsAt().toInstant())));
        log.info("Closure of action plan {} scheduled for {}", plan.id(), plan.endsAt());
        return started.getId();
    }
}
