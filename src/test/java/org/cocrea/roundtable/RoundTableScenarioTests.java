package org.cocrea.roundtable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.cocrea.proposal.Channel;
import org.cocrea.proposal.Proposal;
import org.cocrea.proposal.ProposalInput;
import org.cocrea.proposal.Proposals;
import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.TestFixtures;
import org.cocrea.workflow.RoundTableProcess;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A round-table from request to held, on PostgreSQL: the proposed date, a refused then accepted confirmation, the
 * invitation with iCalendar (parsed back with ical4j), public registration with capacity and waiting list, a
 * rescheduling (same UID, higher SEQUENCE), the reminders, both boards (CSV), the chosen topics, attendance and the
 * participation figures.
 */
@CocreaIntegrationTest
class RoundTableScenarioTests {

    @Autowired
    TestFixtures fixtures;
    @Autowired
    Proposals proposals;
    @Autowired
    RoundTables roundTables;
    @Autowired
    ParticipationFigures figures;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    MockMvc mvc;

    long callId;

    @BeforeEach
    void prioritisedProposals() {
        fixtures.reset();
        fixtures.openCall(Duration.ofDays(3));
        callId = fixtures.openCallId();
        for (String org : List.of("Red Verde", "Vecinos del Parque")) {
            Proposal p = proposals.submit(new ProposalInput("Arbolado en " + org, "Plantar especies nativas.", "ambiente",
                    "osc-territorial", org, "Persona de " + org, org.replace(' ', '.').toLowerCase() + "@example.org",
                    true, "es", null), Channel.API);
            proposals.recordReview(p.getId(), "feasible", "Viable.", true, "Ana", "tester");
        }
        proposals.prioritise(callId, proposals.ofCall(callId).stream().map(Proposal::getId).toList());
    }

    @Test
    void roundTableFromRequestToHeld() throws Exception {
        assertThat(roundTables.requestForCall(callId)).containsExactly("ambiente");

        // Personalised call: the directory suggests the proposing organisations; staff invite both.
        Task choose = task(RoundTableProcess.TASK_CHOOSE_ORGANIZATIONS);
        String options = taskService.getVariable(choose.getId(), RoundTableProcess.ORGANIZATION_OPTIONS).toString();
        assertThat(options).contains("Red Verde").contains("Vecinos del Parque");
        List<String> orgIds = fixtures.jdbc().queryForList("select cast(id as varchar) from organization", String.class);
        String infoMeeting = LocalDateTime.now().plusDays(5).withHour(18).withMinute(0).withSecond(0).withNano(0).toString();
        taskService.complete(choose.getId(), Variables.createVariables()
                .putValue(RoundTableProcess.INVITED_ORGANIZATIONS, Variables.objectValue(orgIds)
                        .serializationDataFormat("application/json").create())
                .putValue(RoundTableProcess.INFO_MEETING_AT, infoMeeting)
                .putValue(RoundTableProcess.INFO_MEETING_LINK, "https://meet.example.org/info-ambiente"));
        fixtures.executeAsyncJobs();
        assertThat(fixtures.jdbc().queryForList("select recipient from mail_outbox where kind = 'round-table-personal'",
                String.class)).containsExactlyInAnyOrder("red.verde@example.org", "vecinos.del.parque@example.org");

        Task confirm = taskService.createTaskQuery().taskDefinitionKey(RoundTableProcess.TASK_CONFIRM_DATE).singleResult();
        long id = (Long) taskService.getVariable(confirm.getId(), RoundTableProcess.ROUND_TABLE_ID);
        RoundTable proposed = roundTables.get(id);
        assertThat(proposed.getStatus()).isEqualTo(RoundTableStatus.PROPOSED);
        assertThat(proposed.getStartsAt()).isAfter(Instant.now().plus(Duration.ofDays(14)));

        // Too soon is refused with the reason; the task stays open.
        String tomorrow = LocalDateTime.now().plusDays(1).withHour(11).withMinute(0).withSecond(0).withNano(0).toString();
        assertThatThrownBy(() -> taskService.complete(confirm.getId(), Variables.createVariables()
                .putValue("startsAt", tomorrow).putValue("durationMinutes", 120)
                .putValue("meetingLink", "https://meet.example.org/ambiente").putValue("capacity", 2)))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("demasiado pronto");

        String proposedStart = (String) taskService.getVariable(confirm.getId(), RoundTableProcess.STARTS_AT);
        taskService.complete(confirm.getId(), Variables.createVariables().putValue("startsAt", proposedStart)
                .putValue("durationMinutes", 120).putValue("meetingLink", "https://meet.example.org/ambiente")
                .putValue("capacity", 2));
        fixtures.executeAsyncJobs();

        // Invitations with iCalendar to the proposers.
        List<Map<String, Object>> invitations = fixtures.jdbc().queryForList("select recipient, attachment_content, "
                + "attachment_type from mail_outbox where kind = 'round-table-request'");
        assertThat(invitations).extracting(m -> m.get("recipient"))
                .contains("red.verde@example.org", "vecinos.del.parque@example.org");
        VEvent first = event((String) invitations.get(0).get("attachment_content"), "REQUEST");
        assertThat((String) invitations.get(0).get("attachment_type")).contains("method=REQUEST");
        String uid = first.getUid().orElseThrow().getValue();
        assertThat(first.getProperty(Property.ATTENDEE).orElseThrow().getValue())
                .isEqualTo("mailto:" + invitations.get(0).get("recipient"));
        assertThat(first.getSequence().getSequenceNo()).isZero();
        assertThat(first.getProperty(Property.DTSTART).orElseThrow().getParameter("TZID").orElseThrow().getValue())
                .isEqualTo("America/Argentina/Buenos_Aires");

        // Staff can download the invitation from the outbox when there is no SMTP server.
        var staffUser = SecurityMockMvcRequestPostProcessors.user("equipo").authorities(new SimpleGrantedAuthority("GROUP_og-team"));
        Long invitationRow = fixtures.jdbc().queryForObject("select min(id) from mail_outbox where kind = "
                + "'round-table-request'", Long.class);
        mvc.perform(get("/staff/outbox/" + invitationRow + "/attachment").with(staffUser)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("BEGIN:VCALENDAR")));

        // Public registration: two seats, then the waiting list.
        mvc.perform(get("/round-tables")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Mesa de co-creación")));
        for (String who : List.of("uno", "dos", "tres")) {
            mvc.perform(post("/round-tables/" + id + "/register").with(csrf()).param("name", "Persona " + who)
                    .param("email", who + "@participa.example.org").param("organization", "Org " + who)
                    .param("organizationType", "academia").param("consent", "true"))
                    .andExpect(status().isOk());
        }
        assertThat(roundTables.registrations(id)).extracting(Registration::getStatus).containsExactly(
                Registration.Status.REGISTERED, Registration.Status.REGISTERED, Registration.Status.WAITLISTED);

        // Rescheduling: the updated invitation keeps the UID with a higher SEQUENCE.
        Instant later = proposed.getStartsAt().plus(Duration.ofDays(7));
        roundTables.reschedule(id, nextWorkingMorning(later));
        fixtures.executeAsyncJobs();
        List<String> updates = fixtures.jdbc().queryForList("select attachment_content from mail_outbox where kind = "
                + "'round-table-request' and subject like 'Cambio de fecha%'", String.class);
        assertThat(updates).isNotEmpty();
        VEvent updated = event(updates.get(0), "REQUEST");
        assertThat(updated.getUid().orElseThrow().getValue()).isEqualTo(uid);
        assertThat(updated.getSequence().getSequenceNo()).isEqualTo(1);

        // Reminders 48 h and 2 h before, then the meeting starts.
        for (String timer : List.of(RoundTableProcess.TIMER_REMINDER_48H, RoundTableProcess.TIMER_REMINDER_2H,
                RoundTableProcess.TIMER_MEETING_STARTS)) {
            Job job = managementService.createJobQuery().timers().activityId(timer).singleResult();
            assertThat(job).as(timer).isNotNull();
            managementService.executeJob(job.getId());
        }
        assertThat(fixtures.jdbc().queryForObject("select count(*) from mail_outbox where kind = 'round-table-reminder'",
                Long.class)).isEqualTo(4);

        // Phase 1, the boards, phase 2 and attendance.
        var staff = SecurityMockMvcRequestPostProcessors.user("equipo").authorities(new SimpleGrantedAuthority("GROUP_og-team"));
        mvc.perform(post("/staff/round-tables/" + id + "/boards/questions").with(csrf()).with(staff)
                .param("text", "¿Cómo se mide el avance?").param("authorOrganization", "Org uno"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/staff/round-tables/" + id + "/boards/questions").with(csrf()).with(staff)
                .param("text", "=HYPERLINK(\"x\")").param("authorOrganization", ""))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/staff/round-tables/" + id + "/boards/commitment").with(csrf()).with(staff)
                .param("question", "public-problem").param("text", "Falta arbolado en el sur."))
                .andExpect(status().is3xxRedirection());
        String csv = new String(mvc.perform(get("/staff/round-tables/" + id + "/boards/questions.csv").with(staff))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(),
                StandardCharsets.UTF_8);
        assertThat(csv).contains("¿Cómo se mide el avance?").contains("anonymous").contains("'=HYPERLINK");

        taskService.complete(task(RoundTableProcess.TASK_PHASE_1).getId(),
                Map.of(RoundTableProcess.PRESENTATION, "El área presentó las dos propuestas priorizadas."));
        taskService.complete(task(RoundTableProcess.TASK_PHASE_2).getId(),
                Map.of(RoundTableProcess.CHOSEN_TOPICS, "Corredores verdes\nArbolado participativo"));
        List<Registration> regs = roundTables.registrations(id);
        taskService.complete(task(RoundTableProcess.TASK_ATTENDANCE).getId(), Map.of(RoundTableProcess.ATTENDEES,
                Variables.objectValue(List.of(String.valueOf(regs.get(0).getId()), String.valueOf(regs.get(1).getId())))
                        .serializationDataFormat("application/json").create()));

        assertThat(roundTables.get(id).getStatus()).isEqualTo(RoundTableStatus.HELD);
        assertThat(roundTables.chosenTopics(callId)).containsEntry("ambiente",
                List.of("Corredores verdes", "Arbolado participativo"));
        ParticipationFigures.Figures f = figures.forCall(callId);
        assertThat(f.meetingsHeld()).isEqualTo(1);
        assertThat(f.groups()).isEqualTo(4); // two proposing organisations, two attending ones
        assertThat(f.participantsByType()).containsEntry("academia", 2);
        assertThat(f.participantsByAxis()).containsEntry("ambiente", 2);
        assertThat(f.proposalsReceived()).isEqualTo(2);
        assertThat(f.proposalsPrioritised()).isEqualTo(2);
        mvc.perform(get("/round-tables/" + id)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Falta arbolado en el sur.")));
    }

    private Task task(String key) {
        return taskService.createTaskQuery().taskDefinitionKey(key).singleResult();
    }

    private static Instant nextWorkingMorning(Instant from) {
        ZoneId zone = ZoneId.of("America/Argentina/Buenos_Aires");
        var day = from.atZone(zone).toLocalDate();
        while (day.getDayOfWeek().getValue() >= 6 || (day.getMonthValue() == 12 && day.getDayOfMonth() == 25)
                || (day.getMonthValue() == 12 && day.getDayOfMonth() == 8) || (day.getMonthValue() == 1
                        && day.getDayOfMonth() == 1)) {
            day = day.plusDays(1);
        }
        return day.atTime(15, 0).atZone(zone).toInstant();
    }

    private static VEvent event(String ics, String method) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo(method);
        assertThat(calendar.getComponent("VTIMEZONE")).isPresent();
        return (VEvent) calendar.getComponent("VEVENT").orElseThrow();
    }
}
