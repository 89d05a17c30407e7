package org.cocrea.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

import org.cocrea.implementation.Meeting;
import org.cocrea.implementation.Meetings;
import org.cocrea.roundtable.Invitee;
import org.cocrea.roundtable.RoundTable;
import org.cocrea.roundtable.RoundTableScheduler;
import org.cocrea.roundtable.RoundTables;
import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.IcalJs;
import org.cocrea.support.TestFixtures;
import org.cocrea.support.TestSmtp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The invitations as calendar clients get them: the real mails of the outbox, received over SMTP by GreenMail, read
 * with a second parser independent of ical4j (Mozilla's ical.js through Node, {@link IcalJs}) besides ical4j. For a
 * round-table and an implementation meeting (scheduled, rescheduled, cancelled; the meeting through the staff
 * page, which refuses a bad date or a second cancellation with 400 and sends nothing) every mail is {@code multipart/mixed}
 * with a {@code multipart/alternative} (HTML, then {@code text/calendar; method=REQUEST|CANCEL}) and the same
 * {@code .ics} as attachment; the calendar has CRLF line ends, lines of at most 75 octets, a VTIMEZONE for
 * America/Argentina/Buenos_Aires that ical.js uses to compute the right instant, DTSTAMP in UTC, ORGANIZER, the
 * recipient as ATTENDEE (with {@code RSVP=TRUE;PARTSTAT=NEEDS-ACTION} in a REQUEST), one UID and a SEQUENCE that
 * grows with each update.
 */
@CocreaIntegrationTest
class InvitationMailsTests {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SMTP);

    private static final String TZID = "America/Argentina/Buenos_Aires";
    private static final String LINK = "https://meet.example.org/mesa-participación";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    RoundTables roundTables;
    @Autowired
    RoundTableScheduler scheduler;
    @Autowired
    Meetings meetings;

    @BeforeEach
    void setUp() {
        fixtures.reset();
    }

    /** What one received invitation says, read from the mail. */
    private record Received(String recipient, String subject, String method, String ics, JsonNode icalJs,
            VEvent ical4j) {
    }

    @Test
    void roundTableRequestUpdateAndCancelAreReadByIcalJs() throws Exception {
        fixtures.openCall(Duration.ofDays(2));
        fixtures.flushOutbox();
        long id = roundTables.create(fixtures.openCallId(), "ambiente", null).getId();
        Instant first = scheduler.propose(Duration.ofHours(2), List.of());
        roundTables.confirm(id, first, 120, "https://meet.example.org/mesa-ambiente", 10);
        List<Invitee> invitee = List.of(new Invitee("lucia.perez@example.org",
                "Lucía Pérez", "es"));
        String uid = roundTables.get(id).getIcalUid();

        roundTables.sendInvitations(id, invitee);
        Received request = single("REQUEST");
        Instant second = scheduler.propose(Duration.ofHours(2),
                List.of(new RoundTableScheduler.Slot(first, first.plus(Duration.ofDays(7)))));
        roundTables.reschedule(id, second);
        roundTables.sendInvitations(id, invitee);
        Received update = single("REQUEST");
        roundTables.cancel(id);
        roundTables.sendInvitations(id, invitee);
        Received cancel = single("CANCEL");

        RoundTable table = roundTables.get(id);
        assertEvent(request, uid, 0, first, "CONFIRMED");
        assertEvent(update, uid, 1, second, "CONFIRMED");
        assertEvent(cancel, uid, 2, second, "CANCELLED");
        assertThat(table.getIcalSequence()).isEqualTo(2);
        assertThat(update.icalJs().at("/events/0/summary").asText()).isEqualTo(table.getTitle());
    }

    @Test
    void implementationMeetingRequestUpdateAndCancelAreReadByIcalJs() throws Exception {
        String title = "Reunión de seguimiento: participación ciudadana, educación, información pública y"
                + " transparencia — revisión del año";
        Meeting meeting = meetings.schedule(new Meetings.MeetingInput("IMPLEMENTATION", title,
                meetings.proposeStart().toString(), 90, LINK, List.of(), "ana@example.org"), "equipo");
        Instant first = meeting.getStartsAt();
        Received request = single("REQUEST");

        LocalDateTime later = meetings.proposeStart();
        mvc.perform(post("/staff/implementation/meetings/" + meeting.getId() + "/reschedule").with(staff())
                        .with(csrf()).param("startsAt", later.toString()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/staff/implementation/meetings/" + meeting.getId() + "?rescheduled"));
        Received update = single("REQUEST");
        mvc.perform(post("/staff/implementation/meetings/" + meeting.getId() + "/cancel").with(staff()).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/staff/implementation/meetings/" + meeting.getId() + "?cancelled"));
        Received cancel = single("CANCEL");

        Instant second = later.atZone(ZoneId.of(TZID)).toInstant();
        assertThat(second).isNotEqualTo(first);
        assertEvent(request, meeting.getIcalUid(), 0, first, "CONFIRMED");
        assertEvent(update, meeting.getIcalUid(), 1, second, "CONFIRMED");
        assertEvent(cancel, meeting.getIcalUid(), 2, second, "CANCELLED");
        assertThat(meetings.get(meeting.getId()).getStatus()).isEqualTo(Meeting.Status.CANCELLED);
        assertThat(request.icalJs().at("/events/0/summary").asText()).isEqualTo(title);
        assertThat(request.icalJs().at("/events/0/location").asText()).isEqualTo(LINK);
        assertThat(Instant.parse(update.icalJs().at("/events/0/endUtc").asText()))
                .isEqualTo(second.plus(Duration.ofMinutes(90)));
        // long accented lines were folded by octets, and both parsers unfold them to the same text
        assertThat(request.ics()).contains("\r\n ");
        assertThat(request.ical4j().getProperty(Property.SUMMARY).orElseThrow().getValue()).isEqualTo(title);
        assertThat(update.subject()).startsWith("Reunión reprogramada: ");
        assertThat(cancel.subject()).startsWith("Reunión cancelada: ");

        // a cancelled meeting cannot change again: 400 naming the reason, nothing sent
        mvc.perform(post("/staff/implementation/meetings/" + meeting.getId() + "/cancel").with(staff()).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("solo se reprograma o cancela")));
        assertThat(fixtures.flushOutbox()).isZero();
    }

    @Test
    void reschedulingAMeetingIntoABadSlotIsRefusedAndSendsNothing() throws Exception {
        Meeting meeting = meetings.schedule(new Meetings.MeetingInput("FORUM", "Foro multiactor",
                meetings.proposeStart().toString(), 60, LINK, List.of(), "ana@example.org"), "equipo");
        fixtures.flushOutbox();

        mvc.perform(post("/staff/implementation/meetings/" + meeting.getId() + "/reschedule").with(staff())
                        .with(csrf()).param("startsAt", "mañana"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("no es una fecha y hora válida")));

        Meeting same = meetings.get(meeting.getId());
        assertThat(same.getStartsAt()).isEqualTo(meeting.getStartsAt());
        assertThat(same.getIcalSequence()).isZero();
        assertThat(fixtures.flushOutbox()).isZero();
    }

    private static RequestPostProcessor staff() {
        return user("equipo").authorities(new SimpleGrantedAuthority("GROUP_og-team"));
    }

    /** Flushes the outbox and reads the one new mail it sent, checking its MIME structure and its calendar text. */
    private Received single(String method) throws Exception {
        int before = greenMail.getReceivedMessages().length;
        assertThat(fixtures.flushOutbox()).isEqualTo(1);
        MimeMessage[] all = greenMail.getReceivedMessages();
        assertThat(all).hasSize(before + 1);
        MimeMessage mail = all[all.length - 1];

        assertThat(mail.isMimeType("multipart/mixed")).as(mail.getContentType()).isTrue();
        Multipart mixed = (Multipart) mail.getContent();
        assertThat(mixed.getCount()).isEqualTo(2);
        BodyPart text = mixed.getBodyPart(0);
        assertThat(text.isMimeType("multipart/alternative")).as(text.getContentType()).isTrue();
        Multipart alternative = (Multipart) text.getContent();
        assertThat(alternative.getCount()).isEqualTo(2);
        assertThat(alternative.getBodyPart(0).isMimeType("text/html")).isTrue();
        BodyPart inline = alternative.getBodyPart(1);
        ContentType inlineType = new ContentType(inline.getContentType());
        assertThat(inlineType.match("text/calendar")).as(inline.getContentType()).isTrue();
        assertThat(inlineType.getParameter("method")).isEqualTo(method);
        assertThat(inlineType.getParameter("charset")).isEqualToIgnoringCase("UTF-8");
        assertThat(inline.getDisposition()).isNotEqualTo(Part.ATTACHMENT);
        BodyPart file = mixed.getBodyPart(1);
        assertThat(file.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(file.getFileName()).endsWith(".ics");
        assertThat(file.isMimeType("application/ics")).as(file.getContentType()).isTrue();
        String ics = read(inline);
        assertThat(read(file)).as("the attachment is the same calendar").isEqualTo(ics);

        // RFC 5545 3.1: CRLF line ends, lines of at most 75 octets; a folded line goes on with one space
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }

        JsonNode js = IcalJs.read(List.of(ics)).get(0);
        assertThat(js.has("error")).as(js.toString()).isFalse();
        assertThat(js.path("method").asText()).isEqualTo(method);
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo(method);
        VEvent event = (VEvent) calendar.getComponent(Component.VEVENT).orElseThrow();
        return new Received(mail.getAllRecipients()[0].toString(), mail.getSubject(), method, ics, js, event);
    }

    private static String read(Part part) throws Exception {
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Checks the event as ical.js and ical4j read it. */
    private static void assertEvent(Received mail, String uid, int sequence, Instant start, String status) {
        JsonNode js = mail.icalJs();
        assertThat(js.path("version").asText()).isEqualTo("2.0");
        assertThat(js.path("prodid").asText()).startsWith("-//Cocrea//");
        List<String> zones = new ArrayList<>();
        js.path("timezones").forEach(z -> zones.add(z.asText()));
        assertThat(zones).containsExactly(TZID);
        assertThat(js.path("events").size()).isEqualTo(1);
        JsonNode event = js.path("events").get(0);
        assertThat(event.path("uid").asText()).isEqualTo(uid);
        assertThat(event.path("sequence").asInt(-1)).isEqualTo(sequence);
        assertThat(event.path("status").asText()).isEqualTo(status);
        assertThat(event.path("dtstamp").isNull()).as("DTSTAMP").isFalse();
        assertThat(event.path("dtstampUtc").asBoolean()).as("DTSTAMP in UTC").isTrue();
        assertThat(event.path("startTzid").asText()).isEqualTo(TZID);
        // ical.js computes the instant from the file's own VTIMEZONE
        assertThat(Instant.parse(event.path("startUtc").asText())).isEqualTo(start);
        assertThat(event.path("organizer").asText()).startsWith("mailto:");
        assertThat(event.path("attendees").size()).isEqualTo(1);
        JsonNode attendee = event.path("attendees").get(0);
        assertThat(attendee.path("value").asText()).isEqualToIgnoringCase("mailto:" + mail.recipient());
        assertThat(attendee.path("role").asText()).isEqualTo("REQ-PARTICIPANT");
        if (mail.method().equals("REQUEST")) {
            assertThat(attendee.path("rsvp").asText()).isEqualTo("TRUE");
            assertThat(attendee.path("partstat").asText()).isEqualTo("NEEDS-ACTION");
        }
        // ical4j reads the same
        assertThat(mail.ical4j().getProperty(Property.UID).orElseThrow().getValue()).isEqualTo(uid);
        assertThat(mail.ical4j().getSequence().getSequenceNo()).isEqualTo(sequence);
        assertThat(Arrays.asList(mail.ical4j().getProperty(Property.DTSTAMP).orElseThrow().getValue()))
                .allMatch(v -> v.endsWith("Z"));
    }
}
