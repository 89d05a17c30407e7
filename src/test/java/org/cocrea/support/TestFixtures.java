package org.cocrea.support;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.cocrea.kernel.RenderedResponses;
import org.cocrea.notification.OutboxSender;
import org.cocrea.proposal.Channel;
import org.cocrea.proposal.ImportReport;
import org.cocrea.proposal.Proposal;
import org.cocrea.proposal.ProposalInput;
import org.cocrea.proposal.Proposals;
import org.cocrea.proposal.ProposalCsvImport;
import org.cocrea.workflow.ConsultationWorkflow;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Puts the shared PostgreSQL test database into a known state and drives engine jobs for integration tests. */
@Component
public class TestFixtures {

    /** The seven axes of the 2021 consultation. */
    public static final List<String> AXES = List.of("acceso-informacion", "datos-abiertos", "gasto-publico",
            "diversidad", "lenguaje-claro", "ambiente", "ninez");

    private final JdbcTemplate jdbc;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final ManagementService managementService;
    private final IdentityService identityService;
    private final ConsultationWorkflow consultationWorkflow;
    private final ProposalCsvImport csvImport;
    private final OutboxSender outboxSender;
    private final Proposals proposals;
    private final TaskService taskService;
    private final RenderedResponses renderedResponses;

    TestFixtures(JdbcTemplate jdbc, RuntimeService runtimeService, HistoryService historyService,
            ManagementService managementService, IdentityService identityService,
            ConsultationWorkflow consultationWorkflow, ProposalCsvImport csvImport, OutboxSender outboxSender,
            Proposals proposals, TaskService taskService, RenderedResponses renderedResponses) {
        this.renderedResponses = renderedResponses;
        this.proposals = proposals;
        this.taskService = taskService;
        this.jdbc = jdbc;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.managementService = managementService;
        this.identityService = identityService;
        this.consultationWorkflow = consultationWorkflow;
        this.csvImport = csvImport;
        this.outboxSender = outboxSender;
    }

    /** Deletes every process instance and every row of the application's tables (areas and identity stay). */
    public void reset() {
        identityService.clearAuthentication();
        renderedResponses.clear();
        List<String> ids = runtimeService.createProcessInstanceQuery().rootProcessInstances().list().stream()
                .map(p -> p.getId()).toList();
        if (!ids.isEmpty()) {
            runtimeService.deleteProcessInstances(ids, "test reset", true, true);
        }
        jdbc.execute("delete from community_event_registration");
        jdbc.execute("delete from community_event_material");
        jdbc.execute("delete from community_event");
        jdbc.execute("delete from community");
        jdbc.execute("delete from follow_change");
        jdbc.execute("delete from follow");
        jdbc.execute("delete from moderation_report");
        jdbc.execute("delete from moderation_decision");
        jdbc.execute("delete from draft_comment_revision");
        jdbc.execute("delete from draft_comment");
        jdbc.execute("delete from commitment_version");
        jdbc.execute("delete from endorsement");
        jdbc.execute("delete from implementation_meeting_commitment");
        jdbc.execute("delete from implementation_meeting");
        jdbc.execute("delete from implementation_flag");
        jdbc.execute("delete from self_assessment");
        // follow-up rows (V20) reference commitments and milestones; implementation tests insert them directly
        jdbc.execute("delete from evidence");
        jdbc.execute("delete from milestone_progress");
        jdbc.execute("delete from follow_up_report");
        jdbc.execute("delete from monitoring_evaluation");
        jdbc.execute("delete from milestone");
        jdbc.execute("delete from commitment");
        jdbc.execute("delete from board_entry");
        jdbc.execute("delete from round_table_registration");
        jdbc.execute("delete from round_table_topic");
        jdbc.execute("delete from round_table_invited_organization");
        jdbc.execute("delete from round_table");
        jdbc.execute("delete from mailing_recipient");
        jdbc.execute("delete from mailing");
        jdbc.execute("delete from contact_import_refusal");
        jdbc.execute("delete from contact_import");
        jdbc.execute("delete from contact_topic");
        jdbc.execute("delete from contact_axis");
        jdbc.execute("delete from contact");
        jdbc.execute("delete from organization");
        jdbc.execute("delete from task_digest_entry");
        jdbc.execute("delete from notification_preference");
        jdbc.execute("delete from mail_outbox");
        jdbc.execute("delete from feasibility_meeting");
        jdbc.execute("delete from proposal");
        jdbc.execute("delete from call_for_proposals");
    }

    /**
     * Opens a call for the seven axes, from an hour ago to {@code closesIn} from now.
     *
     * @return the call-for-proposals process instance id
     */
    public String openCall(Duration closesIn) {
        Instant now = Instant.now();
        return consultationWorkflow.startCall("ARBA-2021-2023", "Consulta de prueba", AXES,
                now.minus(Duration.ofHours(1)), now.plus(closesIn));
    }

    /** @return the id of the open call */
    public long openCallId() {
        return jdbc.queryForObject("select id from call_for_proposals where status = 'OPEN'", Long.class);
    }

    /** Imports a CSV from the test classpath through the staff import path. */
    public ImportReport importCsv(String classpathLocation) throws IOException {
        try (InputStream in = new ClassPathResource(classpathLocation).getInputStream()) {
            return csvImport.importCsv(in, classpathLocation);
        }
    }

    /** A proposal and the feasibility review task it created. */
    public record FeasibilityReview(Proposal proposal, Task task) {
    }

    /**
     * From a clean state: an open call, an {@code area-ambiente} user, and one environment proposal submitted through
     * the API, whose feasibility review task waits for that area.
     *
     * @param areaUser id of the area user to create (password {@code secret})
     * @return the proposal and its open feasibility review task (not claimed)
     */
    public FeasibilityReview feasibilityReview(String areaUser) {
        reset();
        user(areaUser, areaUser + "@areas.example.org", "area-ambiente");
        openCall(Duration.ofDays(3));
        Proposal proposal = proposals.submit(new ProposalInput("Corredores verdes",
                "Unir plazas con corredores de arbolado.", "ambiente", "osc-territorial", "Vecinos del Sur",
                "Julia Ríos", "julia@example.org", true, "es", null), Channel.API);
        Task task = taskService.createTaskQuery().taskCandidateGroup("area-ambiente").singleResult();
        if (task == null) {
            throw new IllegalStateException("no feasibility review task for area-ambiente");
        }
        return new FeasibilityReview(proposal, task);
    }

    /** Creates a user (password {@code secret}) in the groups, if missing. */
    public void user(String id, String email, String... groups) {
        if (identityService.createUserQuery().userId(id).singleResult() == null) {
            User u = identityService.newUser(id);
            u.setFirstName("Usuario");
            u.setLastName(id);
            u.setEmail(email);
            u.setPassword("secret");
            identityService.saveUser(u);
        }
        for (String g : groups) {
            if (identityService.createUserQuery().userId(id).memberOfGroup(g).singleResult() == null) {
                identityService.createMembership(id, g);
            }
        }
    }

    /** Executes every job that exists now (async continuations and timers, due or not), until none is left. */
    public void executeAllJobs() {
        for (int round = 0; round < 20; round++) {
            List<Job> jobs = managementService.createJobQuery().active().withRetriesLeft().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(j -> managementService.executeJob(j.getId()));
        }
    }

    /** Executes the async continuations only (not timers). */
    public void executeAsyncJobs() {
        for (int round = 0; round < 20; round++) {
            List<Job> jobs = managementService.createJobQuery().messages().active().withRetriesLeft().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(j -> managementService.executeJob(j.getId()));
        }
    }

    /**
     * Runs a batch (e.g. a migration) as the job executor would: its seed job until every batch job exists, every
     * batch job (a failing one until its retries are used up), then its monitor job, which ends the batch when no
     * job is left.
     *
     * @param batchId the batch id
     */
    public void runBatch(String batchId) {
        Batch batch = managementService.createBatchQuery().batchId(batchId).singleResult();
        if (batch == null) {
            throw new IllegalStateException("no running batch " + batchId);
        }
        for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId())) {
            for (int round = 0; round < 20; round++) {
                List<Job> jobs = managementService.createJobQuery().jobDefinitionId(definition).withRetriesLeft()
                        .list();
                if (jobs.isEmpty()) {
                    break;
                }
                for (Job job : jobs) {
                    try {
                        managementService.executeJob(job.getId());
                    } catch (RuntimeException failed) {
                        // as on the job executor: the engine records the failure and lowers the retries
                    }
                }
            }
        }
        managementService.createJobQuery().jobDefinitionId(batch.getMonitorJobDefinitionId()).list()
                .forEach(job -> managementService.executeJob(job.getId()));
    }

    /** Runs the outbox sender until nothing due is left. @return mails sent */
    public int flushOutbox() {
        int total = 0;
        for (int i = 0; i < 100; i++) {
            int sent = outboxSender.sendDue();
            total += sent;
            if (sent == 0) {
                return total;
            }
        }
        return total;
    }

    /** @return the JDBC template on the test database */
    public JdbcTemplate jdbc() {
        return jdbc;
    }

    /** @return history service, for assertions */
    public HistoryService history() {
        return historyService;
    }
}
