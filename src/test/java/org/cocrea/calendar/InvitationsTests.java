package org.cocrea.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

import org.junit.jupiter.api.Test;

/**
 * {@link Invitations} on its own: lines folded by octets (RFC 5545 3.1) without splitting a character, and the
 * attendee asked for an answer in a REQUEST but not in a CANCEL.
 */
class InvitationsTests {

    private static final Instant START = Instant.parse("2025-03-17T13:00:00Z");

    private static Invitations.Event event(String summary) {
        return new Invitations.Event("-//Cocrea//Test//ES", "uid-1@cocrea", 0, summary, START,
                START.plusSeconds(3600), "https://meet.example.org/x", null, null, "mailto:ga@example.org");
    }

    @Test
    void accentedAndAstralTextIsFoldedAtSeventyFiveOctetsAndReadsBackWhole() throws Exception {
        String summary = "Participación ciudadana: información, educación y acción — ñandú 🌱 ".repeat(4).strip();

        String ics = Invitations.write(event(summary), false, "ana@example.org");

        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
            assertThat(line).doesNotContain("\uFFFD");
        }
        // ical4j's own folding (73 characters) gives lines of more than 75 octets with this text
        assertThat(summary.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(summary.length() + 20);
        VEvent parsed = (VEvent) new CalendarBuilder().build(new StringReader(ics))
                .getComponent(Component.VEVENT).orElseThrow();
        assertThat(parsed.getProperty(Property.SUMMARY).orElseThrow().getValue()).isEqualTo(summary);
    }

    @Test
    void foldNeverSplitsASurrogatePair() {
        String line = "SUMMARY:" + "🌱".repeat(40) + "\r\n";

        String folded = Invitations.fold(line);

        assertThat(folded.replace("\r\n ", "")).isEqualTo(line);
        for (String part : folded.split("\r\n")) {
            assertThat(part.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
            assertThat(new String(part.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(part);
        }
    }

    @Test
    void requestAsksTheAttendeeToAnswerAndCancelDoesNot() throws Exception {
        Property request = attendee(Invitations.write(event("Mesa"), false, "ana@example.org"));
        Property cancel = attendee(Invitations.write(event("Mesa"), true, "ana@example.org"));

        assertThat(request.getValue()).isEqualTo("mailto:ana@example.org");
        assertThat(request.getParameter(Parameter.RSVP).orElseThrow().getValue()).isEqualTo("TRUE");
        assertThat(request.getParameter(Parameter.PARTSTAT).orElseThrow().getValue()).isEqualTo("NEEDS-ACTION");
        assertThat(request.getParameter(Parameter.ROLE).orElseThrow().getValue()).isEqualTo("REQ-PARTICIPANT");
        assertThat(cancel.getParameter(Parameter.RSVP)).isEmpty();
        assertThat(cancel.getParameter(Parameter.ROLE).orElseThrow().getValue()).isEqualTo("REQ-PARTICIPANT");
    }

    private static Property attendee(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics)).getComponent(Component.VEVENT).orElseThrow()
                .getProperty(Property.ATTENDEE).orElseThrow();
    }
}
