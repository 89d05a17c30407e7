package org.cocrea.roundtable;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.Temporal;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.cocrea.kernel.BilingualText;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The invitations {@link RoundTableCalendar} writes, parsed back with ical4j's {@link CalendarBuilder}: a request in
 * Buenos Aires time with its VTIMEZONE, the meeting link and registration page, the same UID with a growing SEQUENCE
 * across a rescheduling, and the cancellation.
 */
class RoundTableCalendarTests {

    private static final ZoneId BUENOS_AIRES = ZoneId.of("America/Argentina/Buenos_Aires");
    private static final String TZID = "America/Argentina/Buenos_Aires";
    private static final Instant NOW = Instant.parse("2025-03-03T12:00:00Z");
    private static final String UID = "0b7f2a4e-5d1c-4c36-9c1e-3f1f0e8f7a11@cocrea";
    private static final String LINK = "https://meet.example.org/ambiente-2025";

    private final RoundTableCalendar calendar = new RoundTableCalendar("http://localhost:8080", "mailto:ga@example.org");

    private static Instant local(int month, int day, int hour, int minute) {
        return LocalDateTime.of(2025, month, day, hour, minute).atZone(BUENOS_AIRES).toInstant();
    }

    /** A proposed round-table, id 42, 17 March 2025 at 10:00 for two hours. */
    private static RoundTable proposed() {
        RoundTable table = new RoundTable(3L, "ambiente",
                new BilingualText("Mesa de co-creación: Ambiente; agua, aire y suelo", null),
                local(3, 17, 10, 0), 120, 40, UID, NOW);
        ReflectionTestUtils.setField(table, "id", 42L);
        return table;
    }

    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static VEvent event(Calendar calendar) {
        return (VEvent) calendar.getComponent(Component.VEVENT).orElseThrow();
    }

    private static String value(Calendar calendar, String property) {
        return calendar.getProperty(property).orElseThrow().getValue();
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).orElseThrow().getValue();
    }

    @Test
    void confirmedRoundTableIsARequestInBuenosAiresTime() throws Exception {
        RoundTable table = proposed();
        table.confirm(local(3, 18, 15, 30), 90, LINK, 30);

        Calendar ics = parse(calendar.invitation(table, false));

        assertThat(value(ics, Property.METHOD)).isEqualTo("REQUEST");
        assertThat(value(ics, Property.VERSION)).isEqualTo("2.0");
        assertThat(ics.getProperty(Property.PRODID)).isPresent();
        assertThat(ics.getComponents(Component.VTIMEZONE)).hasSize(1);
        Component timezone = ics.getComponent(Component.VTIMEZONE).orElseThrow();
        assertThat(timezone.getProperty(Property.TZID).orElseThrow().getValue()).isEqualTo(TZID);
        assertThat(ics.getComponents(Component.VEVENT)).hasSize(1);
        VEvent event = event(ics);
        Property dtStart = event.getProperty(Property.DTSTART).orElseThrow();
        assertThat(dtStart.getParameter(Parameter.TZID).orElseThrow().getValue()).isEqualTo(TZID);
        assertThat(dtStart.getValue()).isEqualTo("20250318T153000");
        Property dtEnd = event.getProperty(Property.DTEND).orElseThrow();
        assertThat(dtEnd.getParameter(Parameter.TZID).orElseThrow().getValue()).isEqualTo(TZID);
        assertThat(dtEnd.getValue()).isEqualTo("20250318T170000");
        // the instant, read through the VTIMEZONE, is the table's start
        Temporal start = event.getDateTimeStart().getDate();
        assertThat(Instant.from(start)).isEqualTo(table.getStartsAt());
        assertThat(value(event, Property.SUMMARY)).isEqualTo("Mesa de co-creación: Ambiente; agua, aire y suelo");
        assertThat(value(event, Property.UID)).isEqualTo(UID);
        assertThat(event.getSequence().getSequenceNo()).isZero();
        assertThat(value(event, Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(value(event, Property.LOCATION)).isEqualTo(LINK);
        assertThat(value(event, Property.URL)).isEqualTo("http://localhost:8080/round-tables/42");
        assertThat(value(event, Property.ORGANIZER)).isEqualTo("mailto:ga@example.org");
        assertThat(value(event, Property.DESCRIPTION)).contains("http://localhost:8080/round-tables/42");
        assertThat(event.getProperty(Property.DTSTAMP)).as("DTSTAMP is required (RFC 5545)").isPresent();
    }

    @Test
    void proposedRoundTableHasNoLocationYet() throws Exception {
        VEvent event = event(parse(calendar.invitation(proposed(), false)));

        assertThat(event.getProperty(Property.LOCATION)).isEmpty();
        assertThat(value(event, Property.DTSTART)).isEqualTo("20250317T100000");
    }

    @Test
    void reschedulingKeepsTheUidAndRaisesTheSequence() throws Exception {
        RoundTable table = proposed();
        table.confirm(local(3, 17, 10, 0), 120, LINK, 40);
        VEvent first = event(parse(calendar.invitation(table, false)));

        table.confirm(local(3, 26, 14, 0), 120, LINK, 40);
        Calendar update = parse(calendar.invitation(table, false));

        VEvent moved = event(update);
        assertThat(value(update, Property.METHOD)).isEqualTo("REQUEST");
        assertThat(value(moved, Property.UID)).isEqualTo(value(first, Property.UID)).isEqualTo(UID);
        assertThat(first.getSequence().getSequenceNo()).isZero();
        assertThat(moved.getSequence().getSequenceNo()).isEqualTo(1);
        assertThat(value(moved, Property.DTSTART)).isEqualTo("20250326T140000");
        assertThat(moved.getProperty(Property.DTSTART).orElseThrow().getParameter(Parameter.TZID).orElseThrow()
                .getValue()).isEqualTo(TZID);
        assertThat(value(moved, Property.STATUS)).isEqualTo("CONFIRMED");
    }

    @Test
    void cancellationIsACancelWithTheSameUidAndAHigherSequence() throws Exception {
        RoundTable table = proposed();
        table.confirm(local(3, 17, 10, 0), 120, LINK, 40);
        table.confirm(local(3, 26, 14, 0), 120, LINK, 40);
        table.cancel();

        Calendar cancel = parse(calendar.invitation(table, true));

        assertThat(value(cancel, Property.METHOD)).isEqualTo("CANCEL");
        assertThat(cancel.getComponents(Component.VTIMEZONE)).hasSize(1);
        VEvent event = event(cancel);
        assertThat(value(event, Property.UID)).isEqualTo(UID);
        assertThat(event.getSequence().getSequenceNo()).isEqualTo(2);
        assertThat(value(event, Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(value(event, Property.DTSTART)).isEqualTo("20250326T140000");
        assertThat(value(event, Property.LOCATION)).isEqualTo(LINK);
        assertThat(value(event, Property.URL)).isEqualTo("http://localhost:8080/round-tables/42");
    }

    @Test
    void confirmingAProposedDateIsNotAReschedule() {
        RoundTable table = proposed();

        table.confirm(local(3, 17, 10, 0), 120, LINK, 40);

        assertThat(table.getIcalSequence()).isZero();
        assertThat(table.getStatus()).isEqualTo(RoundTableStatus.SCHEDULED);
    }

    @Test
    void outputUsesCrlfAndFoldsLongLines() {
        RoundTable table = proposed();
        table.confirm(local(3, 17, 10, 0), 120, LINK, 40);

        String ics = calendar.invitation(table, false);

        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
    }
}
