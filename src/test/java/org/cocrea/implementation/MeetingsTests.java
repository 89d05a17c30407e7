package org.cocrea.implementation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.cocrea.commitment.ActionPlan;
import org.cocrea.commitment.Commitment;
import org.cocrea.participant.ContactInput;
import org.cocrea.participant.Contacts;
import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.TestFixtures;
import org.cocrea.support.TestSmtp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Implementation meetings on PostgreSQL through the staff pages: the form proposes the scheduling service's date;
 * scheduling invites the addresses staff typed and the directory's people interested in the commitments' axes, with
 * an iCalendar REQUEST that arrives through SMTP (GreenMail) and is parsed back with ical4j; bad input answers 400
 * naming each field and stores nothing; minutes are refused before the meeting starts or with a bad attendance,
 * then recorded.
 */
@CocreaIntegrationTest
class MeetingsTests {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SMTP);

    private static final ZoneId BUENOS_AIRES = ZoneId.of("America/Argentina/Buenos_Aires");
    private static final String LINK = "https://meet.example.org/seguimiento-ambiente";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    ActionPlan plan;
    @Autowired
    Meetings meetings;
    @Autowired
    Contacts contacts;

    private Commitment ambiente;

    @BeforeEach
    void setUp() throws Exception {
        fixtures.reset();
        try (InputStream in = new ClassPathResource("data/ba-2021-2023-commitments.json").getInputStream()) {
            plan.importPublished(in, "ARBA-2021-2023");
        }
        assertThat(plan.assignLeadArea("ARBA0005", "area-ambiente", "ambiente")).isTrue();
        ambiente = plan.published().stream().filter(c -> c.getCode().equals("ARBA0005")).findFirst().orElseThrow();
        // interested in the commitment's axis, consented: invited; the other person is interested in another axis
        contacts.register(new ContactInput("rosa@verde.example.org", "Rosa", "Red Verde", "osc-tematica",
                Set.of("ambiente"), Set.of(), "en", Instant.now(), "convocatorias"), "form");
        contacts.register(new ContactInput("otro@datos.example.org", "Otro", "Datos Abiertos AR", "osc-tematica",
                Set.of("datos-abiertos"), Set.of(), "es", Instant.now(), "convocatorias"), "form");
    }

    private static RequestPostProcessor staff() {
        return user("equipo").authorities(new SimpleGrantedAuthority("GROUP_og-team"));
    }

    @Test
    void scheduledMeetingInvitesWithAnIcsThatArrivesBySmtp() throws Exception {
        LocalDateTime proposed = meetings.proposeStart();
        mvc.perform(get("/staff/implementation/meetings/new").with(staff())).andExpect(status().isOk())
                .andExpect(content().string(containsString(proposed.toString())))
                .andExpect(content().string(containsString("ARBA0005")));

        mvc.perform(post("/staff/implementation/meetings").with(staff()).with(csrf())
                        .param("kind", "IMPLEMENTATION").param("title", "Seguimiento: compromiso ambiental")
                        .param("startsAt", proposed.toString()).param("durationMinutes", "90")
                        .param("meetingLink", LINK).param("commitments", String.valueOf(ambiente.getId()))
                        .param("extraInvitees", "Ana@Example.org\nana@example.org"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/staff/implementation/meetings/*?scheduled"));

        Meeting meeting = meetings.all().get(0);
        assertThat(meeting.getKind()).isEqualTo(MeetingKind.IMPLEMENTATION);
        assertThat(meeting.getStatus()).isEqualTo(Meeting.Status.SCHEDULED);
        assertThat(meeting.getStartsAt()).isEqualTo(proposed.atZone(BUENOS_AIRES).toInstant());
        assertThat(meeting.getCommitmentIds()).containsExactly(ambiente.getId());
        assertThat(meetings.invitees(meeting)).extracting(Meetings.Invitee::email)
                .containsExactly("ana@example.org", "rosa@verde.example.org");
        mvc.perform(get("/staff/implementation/meetings/" + meeting.getId()).with(staff())).andExpect(status().isOk())
                .andExpect(content().string(containsString("rosa@verde.example.org")))
                .andExpect(content().string(not(containsString("otro@datos.example.org"))));

        assertThat(fixtures.flushOutbox()).isEqualTo(2);
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(2);
        List<String> recipients = new ArrayList<>();
        for (MimeMessage mail : received) {
            String to = mail.getAllRecipients()[0].toString();
            recipients.add(to);
            assertThat(mail.getSubject()).contains("Seguimiento: compromiso ambiental");
            Calendar ics = new CalendarBuilder().build(new StringReader(calendarPart(mail)));
            assertThat(ics.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("REQUEST");
            assertThat(ics.getComponent(Component.VTIMEZONE)).isPresent();
            VEvent event = (VEvent) ics.getComponent(Component.VEVENT).orElseThrow();
            Property start = event.getProperty(Property.DTSTART).orElseThrow();
            assertThat(start.getParameter(Parameter.TZID).orElseThrow().getValue())
                    .isEqualTo("America/Argentina/Buenos_Aires");
            assertThat(Instant.from(event.getDateTimeStart().getDate())).isEqualTo(meeting.getStartsAt());
            assertThat(Instant.from(event.getDateTimeEnd().getDate()))
                    .isEqualTo(meeting.getStartsAt().plus(90, ChronoUnit.MINUTES));
            assertThat(event.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo(meeting.getIcalUid());
            assertThat(event.getProperty(Property.SUMMARY).orElseThrow().getValue())
                    .isEqualTo("Seguimiento: compromiso ambiental");
            assertThat(event.getProperty(Property.LOCATION).orElseThrow().getValue()).isEqualTo(LINK);
            assertThat(event.getProperty(Property.ATTENDEE).orElseThrow().getValue()).isEqualTo("mailto:" + to);
        }
        assertThat(recipients).containsExactlyInAnyOrder("ana@example.org", "rosa@verde.example.org");
    }

    /** @return the text/calendar part of a multipart mail */
    private static String calendarPart(MimeMessage mail) throws Exception {
        Multipart multipart = (Multipart) mail.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            String found = calendarPart(multipart.getBodyPart(i));
            if (found != null) {
                return found;
            }
        }
        throw new AssertionError("no text/calendar part");
    }

    private static String calendarPart(BodyPart part) throws Exception {
        if (part.isMimeType("text/calendar")) {
            try (InputStream in = part.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        if (part.getContent() instanceof Multipart inner) {
            for (int i = 0; i < inner.getCount(); i++) {
                String found = calendarPart(inner.getBodyPart(i));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    @Test
    void badInputIsRefusedNamingEachField() throws Exception {
        mvc.perform(post("/staff/implementation/meetings").with(staff()).with(csrf())
                        .param("kind", "PARTY").param("title", " ").param("startsAt", "mañana")
                        .param("durationMinutes", "5").param("meetingLink", "")
                        .param("commitments", "987654").param("extraInvitees", "ana@example.org\nno-es-un-correo"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Tipo de reunión: elegí foro multiactor")))
                .andExpect(content().string(containsString("Título: entre 1 y 300 caracteres")))
                .andExpect(content().string(containsString("Fecha y hora: no es una fecha y hora válida")))
                .andExpect(content().string(containsString("Duración (minutos): entre 15 y 480 minutos")))
                .andExpect(content().string(containsString("Enlace de la reunión virtual o lugar: entre 1 y 500")))
                .andExpect(content().string(containsString("Compromisos: no es un compromiso publicado del plan: 987654")))
                .andExpect(content().string(containsString("no es una dirección de correo válida: no-es-un-correo")));

        // a real date, but too soon and on a Sunday; and in English
        LocalDateTime sunday = LocalDateTime.now(BUENOS_AIRES).plusDays(2).withHour(11).withMinute(0).withSecond(0)
                .withNano(0);
        while (sunday.getDayOfWeek() != DayOfWeek.SUNDAY) {
            sunday = sunday.plusDays(1);
        }
        mvc.perform(post("/staff/implementation/meetings").with(staff()).with(csrf()).param("lang", "en")
                        // an implementation meeting: a forum meeting always invites the forum's current members
                        .param("kind", "IMPLEMENTATION").param("title", "Foro").param("startsAt", sunday.toString())
                        .param("durationMinutes", "60").param("meetingLink", LINK).param("extraInvitees", ""))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Date and time: ")))
                .andExpect(content().string(containsString("not a working day in Buenos Aires")))
                .andExpect(content().string(containsString("Other invitees (e-mail addresses): nobody to invite")));

        assertThat(fixtures.jdbc().queryForObject("select count(*) from implementation_meeting", Long.class)).isZero();
        assertThat(fixtures.jdbc().queryForObject("select count(*) from mail_outbox", Long.class)).isZero();
    }

    @Test
    void minutesAreRecordedOnceTheMeetingStarted() throws Exception {
        Meeting meeting = meetings.schedule(new Meetings.MeetingInput("FORUM", "Foro multiactor: segunda reunión",
                meetings.proposeStart().toString(), 120, "Sala 3, Uspallata 3160", List.of(), "foro@example.org"),
                "equipo");
        String page = "/staff/implementation/meetings/" + meeting.getId();

        mvc.perform(post(page + "/minutes").with(staff()).with(csrf()).param("minutes", "Acta").param("attendance", "12"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Acta: la reunión todavía no empezó")));

        fixtures.jdbc().update("update implementation_meeting set starts_at = ? where id = ?",
                Timestamp.from(Instant.now().minus(3, ChronoUnit.HOURS)), meeting.getId());
        mvc.perform(post(page + "/minutes").with(staff()).with(csrf()).param("minutes", "").param("attendance", "doce"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Acta: entre 1 y 20.000 caracteres")))
                .andExpect(content().string(containsString("Cantidad de asistentes: un número entre 1 y 100000")));
        assertThat(meetings.get(meeting.getId()).getStatus()).isEqualTo(Meeting.Status.SCHEDULED);
        // A NUL (which PostgreSQL refuses) is a form error naming the field, not a 500.
        mvc.perform(post(page + "/minutes").with(staff()).with(csrf()).param("minutes", "Ac\u0000ta").param("attendance", "3"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Acta: contiene caracteres de control no permitidos")));
        assertThat(meetings.get(meeting.getId()).getStatus()).isEqualTo(Meeting.Status.SCHEDULED);

        mvc.perform(post(page + "/minutes").with(staff()).with(csrf())
                        .param("minutes", "Se revisó el avance de los seis compromisos.").param("attendance", "23"))
                .andExpect(status().is3xxRedirection());

        Meeting held = meetings.get(meeting.getId());
        assertThat(held.getStatus()).isEqualTo(Meeting.Status.HELD);
        assertThat(held.getAttendance()).isEqualTo(23);
        assertThat(held.getMinutes()).isEqualTo("Se revisó el avance de los seis compromisos.");
        assertThat(held.getMinutesRecordedBy()).isEqualTo("equipo");
        mvc.perform(get(page).with(staff())).andExpect(status().isOk())
                .andExpect(content().string(containsString("Se revisó el avance de los seis compromisos.")))
                .andExpect(content().string(containsString("Asistentes: 23")));
        mvc.perform(get("/staff/implementation").with(staff())).andExpect(status().isOk())
                .andExpect(content().string(containsString("Foro multiactor: segunda reunión")))
                .andExpect(content().string(containsString("El foro multiactor se reunió en los últimos seis meses")));
    }

    @Test
    void staffPagesNeedTheTeam() throws Exception {
        mvc.perform(get("/staff/implementation").with(user("vecina"))).andExpect(status().isForbidden());
        mvc.perform(get("/staff/implementation")).andExpect(status().is3xxRedirection());
    }
}
