package org.cocrea.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.cocrea.commitment.CommitmentSheets;
import org.cocrea.consultation.Consultations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The first run ({@code ./mvnw spring-boot:run}): the default demo profile on an embedded H2 database comes up with
 * demo users, an open call and the 48 proposals of the 2021 consultation waiting in the areas' review tasks.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:cocrea-demo;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa", "spring.datasource.password=",
        "camunda.bpm.job-execution.enabled=false", "cocrea.scheduling.enabled=false",
        "camunda.bpm.generate-unique-process-engine-name=true", "spring.mail.host=" })
@ActiveProfiles("demo")
class DemoStartupTests {

    @Autowired
    Consultations consultations;
    @Autowired
    TaskService taskService;
    @Autowired
    CommitmentSheets sheets;
    @Autowired
    IdentityService identityService;

    @Test
    void demoHasAnOpenCallTheRealProposalsAndOneUserPerArea() {
        assertThat(consultations.acceptingCall()).isPresent();
        assertThat(taskService.createTaskQuery().taskDefinitionKey("Task_ReviewFeasibility").count()).isEqualTo(48);
        assertThat(identityService.checkPassword("demo", "demo")).isTrue();
        assertThat(identityService.checkPassword("ambiente", "demo")).isTrue();
        assertThat(identityService.createUserQuery().memberOfGroup("area-ambiente").userId("ambiente").count())
                .isEqualTo(1);
        assertThat(taskService.createTaskQuery().taskCandidateGroup("area-ambiente")
                .processDefinitionKey("proposal-review").count()).isEqualTo(7);
    }

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationRunner demoFollowUp;

    @Test
    void demoFollowUpHasThisMonthsReportForAmbienteAndEvaluationsOfTheEndedCommitments() throws Exception {
        // the example commitment: past months accepted, this month's report waiting for the area in Tasklist
        var report = taskService.createTaskQuery().taskCandidateGroup("area-ambiente")
                .processDefinitionKey("commitment-follow-up").singleResult();
        assertThat(report.getName()).contains("ARBA-DEMO");
        assertThat(jdbc.queryForObject("select count(*) from follow_up_report r join commitment c on c.id = "
                + "r.commitment_id where c.code = 'ARBA-DEMO' and r.status = 'ACCEPTED'", Long.class)).isEqualTo(5);
        assertThat(jdbc.queryForList("select m.status from milestone m join commitment c on c.id = m.commitment_id "
                + "where c.code = 'ARBA-DEMO' order by m.position", String.class))
                .containsExactly("COMPLETED", "IN_PROGRESS", "DELAYED", "NOT_STARTED");
        // the 2021-2023 commitments have a follow-up whose end has passed: once the job executor fires the end
        // timers, the monitoring body finds one evaluation per commitment
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("commitment-follow-up").count())
                .isEqualTo(7);
        managementService.createJobQuery().timers().duedateLowerThan(new Date()).list()
                .forEach(j -> managementService.executeJob(j.getId()));
        assertThat(taskService.createTaskQuery().taskCandidateGroup("monitoring-body").count()).isEqualTo(6);
        assertThat(identityService.checkPassword("monitoreo", "demo")).isTrue();

        // a second start changes nothing
        demoFollowUp.run(null);
        assertThat(jdbc.queryForObject("select count(*) from follow_up_report r join commitment c on c.id = "
                + "r.commitment_id where c.code = 'ARBA-DEMO'", Long.class)).isEqualTo(6);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("commitment-follow-up")
                .processInstanceBusinessKey("ARBA-DEMO").count()).isEqualTo(1);
    }

    @Test
    void demoHasAHeldRoundTableWhoseTopicWaitsAsACommitmentSheet() {
        var task = taskService.createTaskQuery().taskDefinitionKey("Task_CompleteSheet").singleResult();
        assertThat(task).isNotNull();
        assertThat(taskService.createTaskQuery().taskId(task.getId()).taskCandidateGroup("og-team").count()).isEqualTo(1);
        long id = ((Number) taskService.getVariable(task.getId(), "commitmentId")).longValue();
        var sheet = sheets.sheet(id);
        assertThat(sheet.titleEs()).isEqualTo("Relevamiento colaborativo del arbolado urbano");
        assertThat(sheet.publicProblem()).contains("inventario");
        assertThat(sheet.milestones()).hasSize(3);
        assertThat(sheet.leadAreaGroup()).isEqualTo("area-ambiente");
    }
}
