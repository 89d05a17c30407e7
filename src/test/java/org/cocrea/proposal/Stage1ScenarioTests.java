package org.cocrea.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.TestFixtures;
import org.cocrea.support.TestSmtp;
import org.cocrea.workflow.CallForProposalsProcess;
import org.cocrea.workflow.ProposalReviewProcess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Stage 1 end to end on PostgreSQL: the 48 proposals of the 2021 consultation are imported, land with the right
 * area, are reviewed by area users, the team meets each area, the reasoned responses go out, and GreenMail receives
 * exactly one response per proposer with Spanish accents intact.
 */
@CocreaIntegrationTest
class Stage1ScenarioTests {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SMTP);

    @Autowired
    TestFixtures fixtures;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    Proposals proposals;
    @Autowired
    MockMvc mvc;

    @BeforeEach
    void reset() {
        fixtures.reset();
    }

    @Test
    void fortyEightProposalsGetReviewedAndEveryProposerGetsOneReasonedResponse() throws Exception {
        Map<String, String> groupByAxis = groupByAxis();
        groupByAxis.values().forEach(g -> fixtures.user("user-" + g, g + "@areas.example.org", g));
        fixtures.user("staff-1", "staff-1@gobierno.example.org", "og-team");
        String callInstance = fixtures.openCall(Duration.ofDays(2));
        long callId = fixtures.openCallId();

        ImportReport report = fixtures.importCsv("data/proposals-2021-consultation.csv");
        assertThat(report.fileError()).isNull();
        assertThat(report.rejected()).isEmpty();
        assertThat(report.imported()).hasSize(48);

        // Each proposal lands with its axis's area group.
        List<Task> reviews = taskService.createTaskQuery().taskDefinitionKey(ProposalReviewProcess.TASK_REVIEW).list();
        assertThat(reviews).hasSize(48);
        for (Task task : reviews) {
            long proposalId = (Long) runtimeService.getVariable(task.getExecutionId(), ProposalReviewProcess.PROPOSAL_ID);
            Proposal p = proposals.get(proposalId);
            assertThat(candidateGroups(task)).containsExactly(groupByAxis.get(p.getAxis()));
            assertThat(task.getDueDate()).isNotNull();
            assertThat(p.getStatus()).isEqualTo(ProposalStatus.IN_REVIEW);
        }

        // An incomplete review is refused on the server and the task stays open.
        Task first = reviews.get(0);
        String firstGroup = candidateGroups(first).get(0);
        identityService.setAuthentication("user-" + firstGroup, List.of(firstGroup));
        assertThatThrownBy(() -> taskService.complete(first.getId(), Variables.createVariables()
                .putValue("verdict", "feasible").putValue("reasoning", " ").putValue("willingToCoCreate", true)
                .putValue("contactPerson", "Ana")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("fundamentación requerida");
        identityService.clearAuthentication();
        assertThat(taskService.createTaskQuery().taskId(first.getId()).count()).isEqualTo(1);

        // Area users complete their own reviews.
        int i = 0;
        for (Task task : reviews) {
            String group = candidateGroups(task).get(0);
            identityService.setAuthentication("user-" + group, List.of(group));
            String verdict = i % 3 == 0 ? "feasible" : i % 3 == 1 ? "partially-feasible" : "not-feasible";
            taskService.complete(task.getId(), Variables.createVariables().putValue("verdict", verdict)
                    .putValue("reasoning", "El área evaluó la propuesta: es viable con el presupuesto de gestión.")
                    .putValue("willingToCoCreate", i % 2 == 0).putValue("contactPerson", "Mariana Núñez"));
            identityService.clearAuthentication();
            i++;
        }
        assertThat(proposals.pendingReviews(callId)).isZero();

        // The call closes at its timer; all reviews are done, so the team meets each of the seven areas.
        fixtures.executeAllJobs();
        List<Task> meetings = taskService.createTaskQuery().taskDefinitionKey(CallForProposalsProcess.TASK_RECORD_MEETING)
                .list();
        assertThat(meetings).hasSize(7);
        for (Task meeting : meetings) {
            assertThat((String) taskService.getVariable(meeting.getId(), CallForProposalsProcess.MEETING_AGENDA))
                    .contains("CC-");
            identityService.setAuthentication("staff-1", List.of("og-team"));
            taskService.complete(meeting.getId(), Variables.createVariables()
                    .putValue("meetingDate", "2021-04-20T10:00:00-03:00")
                    .putValue("meetingAttendees", "Equipo de Gobierno Abierto; referentes del área")
                    .putValue("meetingOutcome", "Se acordaron las respuestas y la participación en las mesas."));
            identityService.clearAuthentication();
        }

        // Staff review each reasoned response (prefilled from the area's reasoning) and it is sent.
        List<Task> responses = taskService.createTaskQuery().taskDefinitionKey(ProposalReviewProcess.TASK_REVIEW_RESPONSE)
                .list();
        assertThat(responses).hasSize(48);
        for (Task task : responses) {
            String draft = (String) taskService.getVariable(task.getId(), ProposalReviewProcess.RESPONSE_TEXT);
            assertThat(draft).contains("El área evaluó la propuesta");
            taskService.complete(task.getId(), Map.of(ProposalReviewProcess.RESPONSE_TEXT, draft));
        }
        fixtures.executeAsyncJobs();
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ProposalReviewProcess.KEY).count())
                .isZero();

        // Prioritisation: the feasible proposals are offered; staff pick two.
        Task prioritise = taskService.createTaskQuery().taskDefinitionKey(CallForProposalsProcess.TASK_PRIORITISE)
                .singleResult();
        List<Long> feasible = proposals.feasibleByAxis(callId).values().stream().flatMap(List::stream)
                .map(Proposal::getId).toList();
        assertThat(feasible).hasSize(32);
        taskService.complete(prioritise.getId(), Map.of(CallForProposalsProcess.PRIORITISED_PROPOSALS,
                Variables.objectValue(List.of(String.valueOf(feasible.get(0)), String.valueOf(feasible.get(1))))
                        .serializationDataFormat("application/json").create()));
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(callInstance).count()).isZero();
        assertThat(proposals.prioritisedByAxis(callId).values().stream().mapToInt(List::size).sum()).isEqualTo(2);

        // Mail: every proposer gets exactly one reasoned response, accents intact.
        fixtures.flushOutbox();
        Map<String, List<MimeMessage>> responsesByRecipient = Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> subject(m).startsWith("Respuesta fundamentada"))
                .collect(Collectors.groupingBy(m -> recipient(m)));
        assertThat(responsesByRecipient).hasSize(48);
        assertThat(responsesByRecipient.values()).allMatch(list -> list.size() == 1);
        MimeMessage sample = responsesByRecipient.get("persona01@example.org").get(0);
        String body = GreenMailUtil.getBody(sample);
        assertThat(sample.getContentType()).containsIgnoringCase("UTF-8");
        assertThat(decode(sample)).contains("Tablero único de pedidos de acceso a la información")
                .contains("El área evaluó la propuesta").contains("Dictamen del área");
        assertThat(body).isNotBlank();
        assertThat(Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> subject(m).startsWith("Recibimos tu propuesta")).count()).isEqualTo(48);

        // The public status shows the response, never personal data.
        String code = proposals.ofCall(callId).get(0).getTrackingCode();
        mvc.perform(get("/api/proposals/" + code)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RESPONDED"))
                .andExpect(jsonPath("$.response.text").exists())
                .andExpect(jsonPath("$.email").doesNotExist())
                .andExpect(jsonPath("$.name").doesNotExist());
    }

    private static Map<String, String> groupByAxis() throws Exception {
        Map<String, String> map = new HashMap<>();
        try (var reader = new InputStreamReader(new ClassPathResource("data/areas.csv").getInputStream(),
                StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                for (String axis : r.get("axes").split("[;|]")) {
                    map.put(axis, r.get("candidate_group"));
                }
            }
        }
        return map;
    }

    private List<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
                .filter(g -> g != null).distinct().toList();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String decode(MimeMessage m) {
        try {
            Object content = m.getContent();
            return content instanceof String s ? s : GreenMailUtil.getBody(m);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
