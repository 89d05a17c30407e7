package org.cocrea.workflow;

import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.cocrea.commitment.CommitmentPublished;
import org.cocrea.followup.FollowUps;
import org.cocrea.kernel.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts the {@code commitment-follow-up} process: on {@link CommitmentPublished} (in the publishing transaction) and,
 * at every start-up, for each published commitment with a lead area group that never had a follow-up instance. One
 * instance per commitment, business key = its code: starting is idempotent (a running or finished instance with that
 * key means nothing is started).
 */
@Service
@Order(50)
public class FollowUpWorkflow implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FollowUpWorkflow.class);

    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final ManagementService managementService;
    private final FollowUps followUps;

    FollowUpWorkflow(@Lazy RuntimeService runtimeService, @Lazy HistoryService historyService,
            @Lazy ManagementService managementService, FollowUps followUps) {
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.managementService = managementService;
        this.followUps = followUps;
    }

    @EventListener
    void on(CommitmentPublished event) {
        start(event.commitmentId());
    }

    /** At start-up: {@link #startMissing()}. */
    @Override
    public void run(ApplicationArguments args) {
        int started = startMissing();
        if (started > 0) {
            log.info("Started the follow-up of {} published commitments", started);
        }
    }

    /**
     * Starts the follow-up of every published commitment with a lead area group that has none yet.
     *
     * @return how many instances were started
     */
    @Transactional
    public int startMissing() {
        int started = 0;
        for (long id : followUps.followable()) {
            if (start(id).isPresent()) {
                started++;
            }
        }
        return started;
    }

    /**
     * Starts the follow-up of one commitment, unless it already has one (running or ended) or it is not published
     * with a lead area group (logged, nothing started).
     *
     * @param commitmentId database id
     * @return the new process instance id, or empty when nothing was started
     * @throws NotFoundException when there is no such commitment
     */
    @Transactional
    public Optional<String> start(long commitmentId) {
        FollowUps.Plan plan;
        try {
            plan = followUps.plan(commitmentId);
        } catch (IllegalStateException e) {
            log.warn("No follow-up for commitment {}: not published with a lead area group", commitmentId);
            return Optional.empty();
        }
        // running or ended: the history knows every instance, and the variable names this very commitment
        if (historyService.createHistoricProcessInstanceQuery().processDefinitionKey(CommitmentFollowUpProcess.KEY)
                .processInstanceBusinessKey(plan.code())
                .variableValueEquals(CommitmentFollowUpProcess.COMMITMENT_ID, commitmentId).count() > 0) {
            return Optional.empty();
        }
        ProcessInstance pi = runtimeService.startProcessInstanceByKey(CommitmentFollowUpProcess.KEY, plan.code(),
                Variables.createVariables().putValue(CommitmentFollowUpProcess.COMMITMENT_ID, commitmentId));
        return Optional.of(pi.getId());
    }

    /**
     * Fires the commitment's monthly timer now, as Cockpit's "execute job" would: this month's report is requested at
     * once (or found, when it already exists) and the timer moves on to the next scheduled day. For a commitment
     * published after this month's day, and for the demo.
     *
     * @param commitmentId database id
     * @return whether the timer was fired (false when the commitment's follow-up is not in its implementation period)
     */
    @Transactional
    public boolean requestReportNow(long commitmentId) {
        String code = followUps.plan(commitmentId).code();
        ProcessInstance pi = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(CommitmentFollowUpProcess.KEY).processInstanceBusinessKey(code).singleResult();
        if (pi == null) {
            return false;
        }
        Job timer = managementService.createJobQuery().processInstanceId(pi.getId())
                .activityId(CommitmentFollowUpProcess.TIMER_MONTHLY_REPORT).singleResult();
        if (timer == null) {
            return false;
        }
        managementService.executeJob(timer.getId());
        return true;
    }
}
