package org.cocrea.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.cocrea.consultation.Consultations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
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
    org.cocrea.commitment.CommitmentSheets sheets;
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
        assertThat(taskService.createTaskQuery().taskCandidateGroup("area-ambiente").count()).isEqualTo(7);
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
