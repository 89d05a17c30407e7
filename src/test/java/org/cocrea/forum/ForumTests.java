package org.cocrea.forum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.cocrea.commitment.ActionPlan;
import org.cocrea.commitment.CommitmentSheets;
import org.cocrea.implementation.Meeting;
import org.cocrea.implementation.Meetings;
import org.cocrea.implementation.MinimumRequirements;
import org.cocrea.implementation.MinimumRequirements.Finding;
import org.cocrea.implementation.MinimumRequirements.Rule;
import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.IcalJs;
import org.cocrea.support.TestFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The multi-stakeholder forum on PostgreSQL: staff add, edit and end members on {@code /staff/forum} (bad input 400
 * naming the field, nothing stored), the public {@code /forum} shows current members and the forum's meetings with
 * minutes but no e-mail and no unpublished name, a meeting's {@code .ics} reads in ical.js, the six-month check reads
 * the forum's meetings and counts from the installation date (no flag on day one), and a circulated draft goes to the
 * current members only. Members added here are removed afterwards (the seeded one stays).
 */
@CocreaIntegrationTest
class ForumTests {

    private static final ZoneId BUENOS_AIRES = ZoneId.of("America/Argentina/Buenos_Aires");
    private static final String PLAN = "ARBA-2021-2023";
    private static final String TEAM_MAIL = "equipo-foro@example.org";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    Forum forum;
    @Autowired
    MinimumRequirements requirements;
    @Autowired
    CommitmentSheets sheets;
    @Autowired
    ActionPlan plan;
    @Autowired
    Meetings meetings;

    private LocalDate installedBefore;

    @BeforeEach
    void setUp() {
        fixtures.reset();
        installedBefore = fixtures.jdbc().queryForObject("select installed_on from cocrea_installation where id = 1",
                Date.class).toLocalDate();
    }

    @AfterEach
    void cleanUp() {
        fixtures.jdbc().update("delete from forum_member where created_by in ('equipo', 'test')");
        fixtures.jdbc().update("delete from forum_rules where recorded_by = 'equipo'");
        fixtures.jdbc().update("update cocrea_installation set installed_on = ? where id = 1",
                Date.valueOf(installedBefore));
    }

    private static RequestPostProcessor staff() {
        return user("equipo").authorities(new SimpleGrantedAuthority("GROUP_og-team"));
    }

    private ForumMember member(String org, String email, LocalDate start, LocalDate end, boolean namePublic) {
        return forum.add(new Forum.MemberInput(org, "CIVIL_SOCIETY", "CIVIL_SOCIETY", "Repre " + org, namePublic,
                email, start.toString(), end == null ? "" : end.toString()), "test");
    }

    private long forumMeeting(ZonedDateTime startsAt, boolean held) {
        Map<String, Object> row = fixtures.jdbc().queryForMap("""
                insert into implementation_meeting (action_plan, kind, title, starts_at, duration_minutes, meeting_link,
                    status, ical_uid, ical_sequence, minutes, attendance, created_by, created_at)
                values (?, 'FORUM', ?, ?, 120, 'https://meet.example.org/foro', ?, ?, 0, ?, ?, 'equipo', ?) returning id""",
                PLAN, "Reunión del foro " + startsAt.toLocalDate(), Timestamp.from(startsAt.toInstant()),
                held ? "HELD" : "SCHEDULED", UUID.randomUUID() + "@cocrea", held ? "Acta: se revisó el plan" : null,
                held ? 12 : null, Timestamp.from(startsAt.minusDays(20).toInstant()));
        return ((Number) row.get("id")).longValue();
    }

    private long members() {
        return fixtures.jdbc().queryForObject("select count(*) from forum_member", Long.class);
    }

    @Test
    void staffAddEditAndEndMembersAndBadInputIsRefusedWithTheField() throws Exception {
        long before = members();
        mvc.perform(post("/staff/forum/members").with(staff()).with(csrf())
                        .param("organisation", "Poder Ciudadano").param("sector", "SPACESHIPS").param("type", "CIVIL_SOCIETY")
                        .param("representative", "Laura Gómez").param("email", "laura@poder.example.org")
                        .param("termStart", "2025-03-01").param("termEnd", "2024-03-01"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Sector: elegí un sector de la lista")))
                .andExpect(content().string(containsString(
                        "Fin del mandato: el fin del mandato no puede ser anterior a su inicio")));
        assertThat(members()).as("nothing stored").isEqualTo(before);

        mvc.perform(post("/staff/forum/members").with(staff()).with(csrf())
                        .param("organisation", "Poder Ciudadano").param("sector", "CIVIL_SOCIETY")
                        .param("type", "CIVIL_SOCIETY").param("representative", "Laura Gómez")
                        .param("email", "Laura@Poder.example.org").param("termStart", "2025-03-01"))
                .andExpect(status().is3xxRedirection());
        ForumMember added = forum.all().stream().filter(m -> m.getOrganisation().equals("Poder Ciudadano"))
                .findFirst().orElseThrow();
        assertThat(added.getEmail()).isEqualTo("laura@poder.example.org");
        assertThat(added.currentOn(forum.today())).isTrue();

        mvc.perform(post("/staff/forum/members/" + added.getId()).with(staff()).with(csrf())
                        .param("organisation", "Poder Ciudadano").param("sector", "CIVIL_SOCIETY")
                        .param("type", "GOVERNMENT").param("representative", "Laura Gómez")
                        .param("email", "laura@poder.example.org").param("termStart", "nope"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Inicio del mandato: no es una fecha válida")));
        assertThat(forum.member(added.getId()).getType()).isEqualTo(ForumMember.Type.CIVIL_SOCIETY);

        mvc.perform(post("/staff/forum/members/" + added.getId()).with(staff()).with(csrf())
                        .param("organisation", "Poder Ciudadano").param("sector", "ACADEMIA")
                        .param("type", "CIVIL_SOCIETY").param("representative", "Laura Gómez")
                        .param("email", "laura@poder.example.org").param("termStart", "2025-03-01"))
                .andExpect(status().is3xxRedirection());
        assertThat(forum.member(added.getId()).getSector()).isEqualTo(ForumMember.Sector.ACADEMIA);

        mvc.perform(post("/staff/forum/members/" + added.getId() + "/end").with(staff()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(forum.member(added.getId()).getTermEnd()).isEqualTo(forum.today().minusDays(1));
        assertThat(forum.currentMembers()).extracting(ForumMember::getId).doesNotContain(added.getId());

        mvc.perform(get("/staff/forum/members/999999").with(staff())).andExpect(status().isNotFound());
        mvc.perform(get("/staff/forum")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/staff/forum/rules").with(staff()).with(csrf()).param("version", "2.0")
                .param("adoptedOn", forum.today().toString())).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("escribí el texto de las reglas o un enlace")));
        mvc.perform(post("/staff/forum/rules").with(staff()).with(csrf()).param("version", "2.0")
                .param("url", "https://foro.example.org/reglas.pdf").param("adoptedOn", forum.today().toString()))
                .andExpect(status().is3xxRedirection());
        assertThat(forum.rules().orElseThrow().getVersion()).isEqualTo("2.0");
    }

    @Test
    void publicPageShowsCurrentMembersAndMeetingsWithoutEmailsAndTheIcsIsValid() throws Exception {
        LocalDate today = forum.today();
        member("Red Ciudadana Nuestra Plata", "secreto@red.example.org", today.minusYears(1), null, false);
        member("Universidad del Sur", "uni@sur.example.org", today.minusYears(1), null, true);
        member("Fundación Pasada", "pasada@example.org", today.minusYears(3), today.minusYears(2), true);
        long held = forumMeeting(ZonedDateTime.now(BUENOS_AIRES).minusMonths(1), true);
        long upcoming = forumMeeting(ZonedDateTime.now(BUENOS_AIRES).plusMonths(1), false);

        String page = mvc.perform(get("/forum")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Red Ciudadana Nuestra Plata", "Universidad del Sur", "Repre Universidad del Sur",
                "Nombre no publicado", "Acta: se revisó el plan", "/forum/meetings/" + held + ".ics",
                "/forum/meetings/" + upcoming + ".ics");
        assertThat(page).doesNotContain("secreto@red.example.org", "uni@sur.example.org", "Repre Red Ciudadana",
                "Fundación Pasada", "@");

        String ics = mvc.perform(get("/forum/meetings/" + upcoming + ".ics")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/calendar"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<JsonNode> read = IcalJs.read(List.of(ics));
        assertThat(read.get(0).has("error")).as(read.get(0).toString()).isFalse();
        assertThat(read.get(0).get("events").get(0).get("startTzid").asText())
                .isEqualTo("America/Argentina/Buenos_Aires");
        long implementation = ((Number) fixtures.jdbc().queryForMap("""
                insert into implementation_meeting (action_plan, kind, title, starts_at, duration_minutes, meeting_link,
                    status, ical_uid, ical_sequence, created_by, created_at)
                values (?, 'IMPLEMENTATION', 'x', now(), 60, 'https://x.example.org', 'SCHEDULED', ?, 0, 'equipo', now())
                returning id""", PLAN, UUID.randomUUID() + "@cocrea").get("id")).longValue();
        mvc.perform(get("/forum/meetings/" + implementation + ".ics")).andExpect(status().isNotFound());
    }

    @Test
    void freshInstallationRaisesNoFlagOnDayOneAndTheForumFlagAfterSixMonthsNamesTheDate() {
        fixtures.user("equipo-foro", TEAM_MAIL, "og-team");
        fixtures.jdbc().update("update cocrea_installation set installed_on = ? where id = 1",
                Date.valueOf(LocalDate.of(2025, 1, 6)));
        ZonedDateTime dayOne = ZonedDateTime.of(2025, 1, 6, 7, 0, 0, 0, BUENOS_AIRES);

        List<Finding> first = requirements.check(dayOne.toInstant());
        assertThat(first).noneMatch(Finding::breached);
        assertThat(first).allMatch(f -> f.countsFrom().equals(LocalDate.of(2025, 1, 6)));

        ZonedDateTime later = dayOne.plusMonths(6).plusDays(1);
        List<Finding> after = requirements.check(later.toInstant());
        assertThat(after.stream().filter(f -> f.rule() == Rule.FORUM_MET).findFirst().orElseThrow().breached())
                .isTrue();
        assertThat(after.stream().filter(f -> f.rule() == Rule.IMPLEMENTATION_MEETINGS).findFirst().orElseThrow()
                .breached()).as("a year has not passed").isFalse();
        String body = fixtures.jdbc().queryForObject("select body_html from mail_outbox where recipient = ? "
                + "and reference = 'FORUM_MET'", String.class, TEAM_MAIL);
        assertThat(body).contains("Los plazos se cuentan desde el 06/01/2025");

        // the check reads the forum's meetings: one held a month before clears the flag
        forumMeeting(later.minusMonths(1), true);
        List<Finding> met = requirements.check(later.plusDays(1).toInstant());
        assertThat(met.stream().filter(f -> f.rule() == Rule.FORUM_MET).findFirst().orElseThrow().breached())
                .isFalse();
    }

    @Test
    void aForumMeetingInvitesTheCurrentMembersAndPublishesItsAgenda() throws Exception {
        LocalDate today = forum.today();
        member("Actual", "actual@foro.example.org", today.minusMonths(1), null, false);
        member("Terminado", "terminado@foro.example.org", today.minusYears(2), today.minusDays(1), false);
        mvc.perform(post("/staff/implementation/meetings").with(staff()).with(csrf()).param("kind", "FORUM")
                        .param("title", "Foro: tercera reunión").param("startsAt", meetings.proposeStart().toString())
                        .param("durationMinutes", "90").param("meetingLink", "https://meet.example.org/foro")
                        .param("agenda", "x".repeat(8001)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Orden del día:")));
        Meeting meeting = meetings.schedule(new Meetings.MeetingInput("FORUM", "Foro: tercera reunión",
                meetings.proposeStart().toString(), 90, "https://meet.example.org/foro", List.of(), "",
                "1. Avance de los compromisos\n2. Próxima reunión"), "equipo");
        assertThat(meetings.invitees(meeting)).extracting(Meetings.Invitee::email)
                .contains("actual@foro.example.org", "foro.multiactor@example.org")
                .doesNotContain("terminado@foro.example.org");
        assertThat(fixtures.jdbc().queryForObject("select count(*) from mail_outbox where recipient = ?", Long.class,
                "actual@foro.example.org")).isEqualTo(1);
        mvc.perform(get("/forum")).andExpect(status().isOk())
                .andExpect(content().string(containsString("1. Avance de los compromisos")))
                .andExpect(content().string(not(containsString("actual@foro.example.org"))));
    }

    @Test
    void draftsGoToTheCurrentMembersOnly() throws Exception {
        try (InputStream in = new ClassPathResource("data/ba-2021-2023-commitments.json").getInputStream()) {
            plan.importPublished(in, PLAN);
        }
        LocalDate today = forum.today();
        member("Actual", "actual@foro.example.org", today.minusMonths(1), today.plusMonths(1), false);
        member("Terminado", "terminado@foro.example.org", today.minusYears(2), today.minusDays(1), false);
        member("Futuro", "futuro@foro.example.org", today.plusDays(1), null, false);
        long id = plan.published().get(0).getId();

        assertThat(sheets.circulationRecipients(id)).extracting(CommitmentSheets.Recipient::email)
                .contains("actual@foro.example.org", "foro.multiactor@example.org")
                .doesNotContain("terminado@foro.example.org", "futuro@foro.example.org");
    }
}
