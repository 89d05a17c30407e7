package org.cocrea.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.cocrea.commitment.Commitment;
import org.cocrea.commitment.CommitmentSheets;
import org.cocrea.consultation.CallForProposals;
import org.cocrea.consultation.CallStatus;
import org.cocrea.consultation.Consultations;
import org.cocrea.mailing.Mailing;
import org.cocrea.mailing.MassMailings;
import org.cocrea.roundtable.RoundTable;
import org.cocrea.roundtable.RoundTableStatus;
import org.cocrea.roundtable.RoundTables;
import org.cocrea.support.PublicHttp;
import org.cocrea.support.TestFixtures;
import org.cocrea.workflow.DemoStages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The demo's first run on PostgreSQL shows every stage: Stage 1 reviews waiting, a prioritised call whose
 * round-tables staff can schedule, a round-table open for registration, a held one in the past with both boards, a
 * draft open for comments (and the demo action that closes its window), a sheet waiting in Tasklist and the open call
 * for participation with its progress. Public pages are opened over real HTTP; staff pages through MockMvc as a team
 * member (the login mechanics are not what is tested here).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cocrea.demo.enabled=true", "camunda.bpm.generate-unique-process-engine-name=true" })
@ActiveProfiles("test")
@AutoConfigureMockMvc
class DemoStagesTests {

    private static final SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor STAFF = user("equipo")
            .authorities(new SimpleGrantedAuthority("GROUP_og-team"));

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    Consultations consultations;
    @Autowired
    RoundTables roundTables;
    @Autowired
    CommitmentSheets sheets;
    @Autowired
    MassMailings mailings;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    IdentityService identityService;
    @Autowired
    MockMvc mvc;

    /** The test database is shared with the other integration tests: it leaves no demo data or demo users behind. */
    @AfterEach
    void removeTheDemo() {
        fixtures.reset();
        for (String id : List.of("equipo", "procesos", "monitoreo", "acceso-informacion", "gobierno-abierto",
                "evidencia", "diversidad", "legal-tecnica", "ambiente", "ciudad-amigable")) {
            if (identityService.createUserQuery().userId(id).count() > 0) {
                identityService.deleteUser(id);
            }
        }
        if (identityService.createUserQuery().userId("demo").memberOfGroup("og-team").count() > 0) {
            identityService.deleteMembership("demo", "og-team");
        }
    }

    @Test
    void firstRunShowsEveryStage() throws Exception {
        firstStartOnAnEmptyDatabase();
        List<CallForProposals> calls = consultations.all().stream()
                .sorted(Comparator.comparing(CallForProposals::getOpensAt)).toList();
        assertThat(calls).hasSize(3);
        CallForProposals first = calls.get(0);
        CallForProposals second = calls.get(1);
        assertThat(first.getStatus()).isEqualTo(CallStatus.CLOSED);
        assertThat(second.getStatus()).isEqualTo(CallStatus.CLOSED);
        PublicHttp visitor = new PublicHttp(port);

        // Stage 1: the open call's 48 proposals still wait for their area reviews.
        assertThat(consultations.acceptingCall()).map(CallForProposals::getId).contains(calls.get(2).getId());
        assertThat(taskService.createTaskQuery().taskDefinitionKey("Task_ReviewFeasibility").count()).isEqualTo(48);

        // Stage 2, a closed and prioritised call: its staff page offers the prioritised axes without a round-table,
        // and the button schedules one for each.
        String toSchedule = (mvc.perform(get("/staff/calls/" + second.getId() + "/round-tables").with(STAFF))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(toSchedule).contains("Ejes priorizados sin mesa").contains("Diversidad")
                .contains("Programar una mesa por eje priorizado");
        mvc.perform(post("/staff/calls/" + second.getId() + "/round-tables").with(STAFF).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(roundTables.ofCall(second.getId())).extracting(RoundTable::getAxis)
                .containsExactlyInAnyOrder("diversidad", "lenguaje-claro");
        assertThat(taskService.createTaskQuery().taskDefinitionKey("Task_ChooseOrganizations")
                .processInstanceBusinessKey(second.getId() + ":diversidad").count()).isEqualTo(1);

        // Stage 2, an upcoming round-table: public list and page with the registration form; a visitor registers.
        RoundTable upcoming = roundTables.ofCall(first.getId()).stream().filter(t -> t.getAxis().equals("datos-abiertos"))
                .findFirst().orElseThrow();
        assertThat(upcoming.getStatus()).isEqualTo(RoundTableStatus.SCHEDULED);
        assertThat(upcoming.getStartsAt()).isAfter(Instant.now().plus(Duration.ofDays(13)));
        assertThat(visitor.get("/round-tables").body()).contains("/round-tables/" + upcoming.getId());
        var upcomingPage = visitor.get("/round-tables/" + upcoming.getId());
        assertThat(upcomingPage.statusCode()).isEqualTo(200);
        assertThat(upcomingPage.body()).contains("action=\"/round-tables/" + upcoming.getId() + "/register\"");
        assertThat(visitor.postForm("/round-tables/" + upcoming.getId() + "/register", Map.of("name", "Visitante",
                "email", "visitante@example.org", "organization", "", "organizationType", "ciudadania", "consent",
                "true")).statusCode()).isEqualTo(200);
        assertThat(roundTables.registrations(upcoming.getId())).extracting(r -> r.getEmail())
                .contains("visitante@example.org");

        // Stage 2, a held round-table: in the past, both boards filled, no registration form.
        RoundTable held = roundTables.ofCall(first.getId()).stream().filter(t -> t.getAxis().equals("ambiente"))
                .findFirst().orElseThrow();
        assertThat(held.getStatus()).isEqualTo(RoundTableStatus.HELD);
        assertThat(held.getStartsAt()).isBefore(Instant.now());
        assertThat(fixtures.jdbc().queryForObject("select count(*) from round_table where status = 'HELD' and "
                + "starts_at > current_timestamp", Long.class)).as("no round-table is held in the future").isZero();
        var heldPage = visitor.get("/round-tables/" + held.getId());
        assertThat(heldPage.statusCode()).isEqualTo(200);
        assertThat(heldPage.body()).contains("¿Las escuelas pueden sumarse con sus estudiantes?")
                .contains("No existe un inventario actualizado y abierto del arbolado")
                .doesNotContain("/round-tables/" + held.getId() + "/register");
        assertThat(roundTables.registrations(held.getId())).filteredOn(r -> r.isAttended())
                .hasSize(2);

        // Stage 3: one chosen topic waits as a sheet in Tasklist, the other circulates for comments.
        var sheetTask = taskService.createTaskQuery().taskDefinitionKey("Task_CompleteSheet").singleResult();
        long waiting = ((Number) taskService.getVariable(sheetTask.getId(), "commitmentId")).longValue();
        assertThat(sheets.sheet(waiting).titleEs()).isEqualTo(DemoStages.TOPIC_WAITING);
        Commitment draft = sheets.publicDrafts().stream().filter(c -> c.getStatus() == Commitment.Status.CIRCULATING)
                .findFirst().orElseThrow();
        assertThat(draft.getTitleEs()).isEqualTo(DemoStages.TOPIC_CIRCULATING);
        assertThat(draft.getCommentDeadline()).isAfter(Instant.now().plus(Duration.ofDays(9)));
        var draftPage = visitor.get("/drafts/" + draft.getId());
        assertThat(draftPage.statusCode()).isEqualTo(200);
        assertThat(draftPage.body()).contains("action=\"/drafts/" + draft.getId() + "/comments\"");
        assertThat(visitor.postForm("/drafts/" + draft.getId() + "/comments", Map.of("section", "objective", "name",
                "Vecina del barrio", "organization", "", "email", "vecina@example.org", "consent", "true", "body",
                "Sumen las plazas secas al mapa.")).statusCode()).isEqualTo(302);
        assertThat(sheets.unanswered(draft.getId())).isEqualTo(1);

        // The demo's staff action closes the comment window now; the process goes on to consolidation.
        String comments = (mvc.perform(get("/staff/commitments/" + draft.getId() + "/comments").with(STAFF))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(comments).contains("/staff/commitments/" + draft.getId() + "/demo/close-comments");
        mvc.perform(post("/staff/commitments/" + draft.getId() + "/demo/close-comments").with(STAFF).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(sheets.get(draft.getId()).getStatus()).isEqualTo(Commitment.Status.CONSOLIDATING);
        assertThat(taskService.createTaskQuery().taskDefinitionKey("Task_ConsolidateComments").count()).isEqualTo(1);
        assertThat(visitor.postForm("/drafts/" + draft.getId() + "/comments", Map.of("section", "objective", "name",
                "Tarde", "organization", "", "email", "tarde@example.org", "consent", "true", "body", "Llego tarde."))
                .body()).contains("cerr");

        // Stage 2, the open call for participation: staff see its progress; the job executor's batch queues it.
        List<Mailing> latest = mailings.latest();
        assertThat(latest).hasSize(1);
        long mailingId = latest.get(0).getId();
        assertThat(mailings.progress(mailingId).recipients()).isGreaterThan(40);
        managementService.createJobQuery().processDefinitionKey("call-for-participation").list()
                .forEach(j -> managementService.executeJob(j.getId()));
        assertThat(mailings.progress(mailingId).queued()).isEqualTo(mailings.progress(mailingId).recipients());
        String progress = (mvc.perform(get("/staff/mailings/" + mailingId).with(STAFF)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(progress).contains("Participá en las mesas de co-creación").contains("<progress");

        // A second start changes nothing.
        long roundTablesBefore = fixtures.jdbc().queryForObject("select count(*) from round_table", Long.class);
        startUp();
        assertThat(consultations.all()).hasSize(3);
        assertThat(fixtures.jdbc().queryForObject("select count(*) from round_table", Long.class))
                .isEqualTo(roundTablesBefore);
        assertThat(mailings.latest()).hasSize(1);
    }

    /**
     * The context's own start ran the demo on the shared test database; when that database was not empty (other
     * tests ran before), the demo rightly did nothing, so the test empties it and starts up again.
     */
    private void firstStartOnAnEmptyDatabase() throws Exception {
        boolean demoRan = consultations.all().stream().anyMatch(c -> c.getTitle().contains("1.ª instancia"))
                && consultations.all().size() == 3;
        if (!demoRan) {
            fixtures.reset();
            startUp();
        }
    }

    /** Runs the application's start-up runners again, in their order, as a restart does. */
    private void startUp() throws Exception {
        List<ApplicationRunner> runners = new ArrayList<>(context.getBeansOfType(ApplicationRunner.class).values());
        AnnotationAwareOrderComparator.sort(runners);
        ApplicationArguments args = new DefaultApplicationArguments();
        for (ApplicationRunner r : runners) {
            r.run(args);
        }
    }
}
