package org.cocrea.roundtable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import org.cocrea.calendar.CalendarProperties;
import org.cocrea.calendar.WorkingDays;
import org.junit.jupiter.api.Test;

/**
 * {@link RoundTableScheduler} with a fixed clock in Buenos Aires and the default rules (14 days' notice, 10:00 to
 * 19:00, two hours, Argentina's fixed-date holidays): the proposed start of every day of a year, moving past taken
 * slots, and each reason {@code problems()} gives.
 */
class RoundTableSchedulerTests {

    private static final ZoneId BUENOS_AIRES = ZoneId.of("America/Argentina/Buenos_Aires");
    private static final List<MonthDay> FIXED_HOLIDAYS = List.of(MonthDay.of(1, 1), MonthDay.of(3, 24),
            MonthDay.of(4, 2), MonthDay.of(5, 1), MonthDay.of(5, 25), MonthDay.of(6, 20), MonthDay.of(7, 9),
            MonthDay.of(12, 8), MonthDay.of(12, 25));
    private static final WorkingDays WORKING_DAYS = new WorkingDays(new CalendarProperties(FIXED_HOLIDAYS, List.of()));
    private static final SchedulingProperties RULES = new SchedulingProperties(Duration.ofDays(14), LocalTime.of(10, 0),
            LocalTime.of(19, 0), Duration.ofHours(2), 40);
    private static final Duration TWO_HOURS = Duration.ofHours(2);

    /** Monday 3 March 2025, 08:00: fourteen days later is Monday 17 March, a working day. */
    private static final ZonedDateTime NOW = ZonedDateTime.of(2025, 3, 3, 8, 0, 0, 0, BUENOS_AIRES);
    private final RoundTableScheduler scheduler = scheduler(NOW);

    private static RoundTableScheduler scheduler(ZonedDateTime now) {
        return new RoundTableScheduler(WORKING_DAYS, RULES, Clock.fixed(now.toInstant(), BUENOS_AIRES));
    }

    private static Instant at(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(BUENOS_AIRES).toInstant();
    }

    private static RoundTableScheduler.Slot slot(Instant start, Duration length) {
        return new RoundTableScheduler.Slot(start, start.plus(length));
    }

    @Test
    void everyDayOfAYearGetsAWorkingDayAtTenAfterTheNotice() {
        LocalDate first = LocalDate.of(2024, 1, 1); // a leap year: 366 clock dates
        for (int i = 0; i < 366; i++) {
            ZonedDateTime now = first.plusDays(i).atTime(8, 0).atZone(BUENOS_AIRES);
            RoundTableScheduler s = scheduler(now);

            Instant start = s.propose(TWO_HOURS, List.of());

            ZonedDateTime local = start.atZone(BUENOS_AIRES);
            String when = "clock " + now.toLocalDate();
            assertThat(start).as(when).isAfterOrEqualTo(now.toInstant().plus(Duration.ofDays(14)));
            assertThat(local.getDayOfWeek()).as(when).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            assertThat(MonthDay.from(local)).as(when).isNotIn(FIXED_HOLIDAYS);
            assertThat(local.toLocalTime()).as(when).isEqualTo(LocalTime.of(10, 0));
            assertThat(local.plus(TWO_HOURS).toLocalTime()).as(when).isBeforeOrEqualTo(LocalTime.of(19, 0));
            // the first working day on or after the notice, not a later one
            LocalDate expected = now.toLocalDate().plusDays(14);
            while (!WORKING_DAYS.isWorkingDay(expected)) {
                expected = expected.plusDays(1);
            }
            assertThat(local.toLocalDate()).as(when).isEqualTo(expected);
            assertThat(s.problems(start, TWO_HOURS, List.of())).as(when).isEmpty();
        }
    }

    @Test
    void buenosAiresHasNoDaylightSavingSoTenStaysTenAllYear() {
        for (int i = 0; i < 366; i++) {
            ZonedDateTime now = LocalDate.of(2025, 1, 1).plusDays(i).atTime(8, 0).atZone(BUENOS_AIRES);
            Instant start = scheduler(now).propose(TWO_HOURS, List.of());

            ZonedDateTime local = start.atZone(BUENOS_AIRES);
            assertThat(local.toLocalTime()).as("clock " + now.toLocalDate()).isEqualTo(LocalTime.of(10, 0));
            assertThat(local.getOffset()).as("clock " + now.toLocalDate()).isEqualTo(ZoneOffset.ofHours(-3));
            assertThat(start.atZone(ZoneOffset.UTC).toLocalTime()).isEqualTo(LocalTime.of(13, 0));
        }
    }

    @Test
    void noticeEndingOnAWeekendOrHolidayMovesToTheNextWorkingDay() {
        // Fri 26 June 2026 + 14 = Fri 10 July; Thu 25 June + 14 = Thu 9 July (holiday) -> Fri 10 July
        assertThat(scheduler(ZonedDateTime.of(2026, 6, 25, 8, 0, 0, 0, BUENOS_AIRES)).propose(TWO_HOURS, List.of()))
                .isEqualTo(at(2026, 7, 10, 10, 0));
        // Thu 11 Dec 2025 + 14 = Thu 25 Dec (holiday) -> Fri 26 Dec
        assertThat(scheduler(ZonedDateTime.of(2025, 12, 11, 8, 0, 0, 0, BUENOS_AIRES)).propose(TWO_HOURS, List.of()))
                .isEqualTo(at(2025, 12, 26, 10, 0));
        // Sat 15 March 2025 + 14 = Sat 29 March -> Mon 31 March
        assertThat(scheduler(ZonedDateTime.of(2025, 3, 15, 8, 0, 0, 0, BUENOS_AIRES)).propose(TWO_HOURS, List.of()))
                .isEqualTo(at(2025, 3, 31, 10, 0));
    }

    @Test
    void clockPastTheMorningGivesTheFirstHalfHourAfterTheNotice() {
        RoundTableScheduler afternoon = scheduler(ZonedDateTime.of(2025, 3, 3, 15, 10, 0, 0, BUENOS_AIRES));

        Instant start = afternoon.propose(TWO_HOURS, List.of());

        assertThat(start).isEqualTo(at(2025, 3, 17, 15, 30));
        assertThat(afternoon.problems(start, TWO_HOURS, List.of())).isEmpty();
        // too late for two hours before 19:00: the next working day at 10:00
        RoundTableScheduler evening = scheduler(ZonedDateTime.of(2025, 3, 3, 17, 1, 0, 0, BUENOS_AIRES));
        assertThat(evening.propose(TWO_HOURS, List.of())).isEqualTo(at(2025, 3, 18, 10, 0));
    }

    @Test
    void takenSlotMovesTheProposalLaterInTheDay() {
        List<RoundTableScheduler.Slot> taken = List.of(slot(at(2025, 3, 17, 10, 0), TWO_HOURS));

        Instant start = scheduler.propose(TWO_HOURS, taken);

        assertThat(start).isEqualTo(at(2025, 3, 17, 12, 0)); // back to back: [10,12) and [12,14) do not overlap
        assertThat(scheduler.problems(start, TWO_HOURS, taken)).isEmpty();
    }

    @Test
    void partlyOverlappingSlotMovesInHalfHourSteps() {
        List<RoundTableScheduler.Slot> taken = List.of(slot(at(2025, 3, 17, 9, 0), Duration.ofMinutes(100)));

        assertThat(scheduler.propose(TWO_HOURS, taken)).isEqualTo(at(2025, 3, 17, 11, 0));
    }

    @Test
    void fullDayMovesTheProposalToTheNextWorkingDay() {
        List<RoundTableScheduler.Slot> taken = List.of(slot(at(2025, 3, 17, 10, 0), TWO_HOURS),
                slot(at(2025, 3, 17, 12, 0), TWO_HOURS), slot(at(2025, 3, 17, 14, 0), TWO_HOURS),
                slot(at(2025, 3, 17, 16, 0), TWO_HOURS), slot(at(2025, 3, 17, 18, 0), Duration.ofHours(1)));

        Instant start = scheduler.propose(TWO_HOURS, taken);

        assertThat(start).isEqualTo(at(2025, 3, 18, 10, 0));
        assertThat(scheduler.problems(start, TWO_HOURS, taken)).isEmpty();
    }

    @Test
    void lateSlotLeavingTooLittleTimeMovesPastTheWeekendAndHoliday() {
        // Fri 21 March 2025 after 17:30 is taken; Mon 24 March is a holiday: Tue 25 March at 10:00
        RoundTableScheduler friday = scheduler(ZonedDateTime.of(2025, 3, 7, 8, 0, 0, 0, BUENOS_AIRES));
        List<RoundTableScheduler.Slot> taken = List.of(slot(at(2025, 3, 21, 10, 0), Duration.ofMinutes(450)),
                slot(at(2025, 3, 21, 17, 30), Duration.ofMinutes(30)));

        assertThat(friday.propose(TWO_HOURS, taken)).isEqualTo(at(2025, 3, 25, 10, 0));
    }

    @Test
    void acceptableDateHasNoProblems() {
        assertThat(scheduler.problems(at(2025, 3, 17, 17, 0), TWO_HOURS, List.of())).isEmpty();
        assertThat(scheduler.problems(at(2025, 3, 17, 10, 0), Duration.ofHours(8), List.of())).isEmpty();
    }

    @Test
    void overlappingSlotIsReported() {
        List<RoundTableScheduler.Slot> taken = List.of(slot(at(2025, 3, 18, 11, 0), TWO_HOURS));

        assertThat(scheduler.problems(at(2025, 3, 18, 10, 0), TWO_HOURS, taken)).singleElement().asString()
                .contains("superpone");
        assertThat(scheduler.problems(at(2025, 3, 18, 12, 30), TWO_HOURS, taken)).singleElement().asString()
                .contains("superpone");
        assertThat(scheduler.problems(at(2025, 3, 18, 13, 0), TWO_HOURS, taken)).isEmpty();
    }

    @Test
    void thirteenDaysAheadIsTooSoon() {
        Instant thirteenDays = at(2025, 3, 14, 10, 0); // Friday, a working day

        assertThat(scheduler.problems(thirteenDays, TWO_HOURS, List.of())).singleElement().asString()
                .contains("demasiado pronto").contains("14");
        // exactly fourteen days is enough; one minute short is not
        assertThat(scheduler(NOW.withHour(10)).problems(at(2025, 3, 17, 10, 0), TWO_HOURS, List.of())).isEmpty();
        assertThat(scheduler(NOW.withHour(10).withMinute(1)).problems(at(2025, 3, 17, 10, 0), TWO_HOURS, List.of()))
                .singleElement().asString().contains("demasiado pronto");
    }

    @Test
    void saturdayAndHolidaysAreNotWorkingDays() {
        assertThat(scheduler.problems(at(2025, 3, 22, 10, 0), TWO_HOURS, List.of())).singleElement().asString()
                .contains("día hábil");
        assertThat(scheduler.problems(at(2025, 3, 24, 10, 0), TWO_HOURS, List.of())).singleElement().asString()
                .contains("día hábil");
        assertThat(scheduler.problems(at(2025, 12, 25, 10, 0), TWO_HOURS, List.of())).singleElement().asString()
                .contains("día hábil");
        assertThat(scheduler.problems(at(2025, 7, 9, 10, 0), TWO_HOURS, List.of())).singleElement().asString()
                .contains("día hábil");
    }

    @Test
    void outsideTheHoursIsReported() {
        assertThat(scheduler.problems(at(2025, 3, 18, 9, 0), TWO_HOURS, List.of())).singleElement().asString()
                .contains("fuera del horario");
        assertThat(scheduler.problems(at(2025, 3, 18, 17, 1), TWO_HOURS, List.of())).singleElement().asString()
                .contains("fuera del horario");
        assertThat(scheduler.problems(at(2025, 3, 18, 23, 0), TWO_HOURS, List.of())).singleElement().asString()
                .contains("fuera del horario");
        assertThat(scheduler.problems(at(2025, 3, 18, 17, 0), TWO_HOURS, List.of())).isEmpty();
    }

    @Test
    void durationMustBeBetweenOneMinuteAndEightHours() {
        Instant tuesday = at(2025, 3, 18, 10, 0);

        assertThat(scheduler.problems(tuesday, Duration.ZERO, List.of())).singleElement().asString()
                .contains("duración");
        assertThat(scheduler.problems(tuesday, Duration.ofMinutes(-30), List.of())).singleElement().asString()
                .contains("duración");
        assertThat(scheduler.problems(tuesday, Duration.ofHours(8).plusMinutes(1), List.of())).singleElement()
                .asString().contains("duración");
        assertThat(scheduler.problems(tuesday, Duration.ofMinutes(1), List.of())).isEmpty();
    }

    @Test
    void missingStartIsReported() {
        assertThat(scheduler.problems(null, TWO_HOURS, List.of())).singleElement().asString()
                .contains("fecha y hora requeridas");
    }

    @Test
    void everyReasonIsListedAtOnce() {
        // a Saturday, too soon, at 08:00, overlapping
        Instant saturday = at(2025, 3, 8, 8, 0);
        List<String> problems = scheduler.problems(saturday, TWO_HOURS, List.of(slot(saturday, TWO_HOURS)));

        assertThat(problems).hasSize(4);
        assertThat(String.join("\n", problems)).contains("demasiado pronto", "día hábil", "fuera del horario",
                "superpone");
    }

    @Test
    void meetingLongerThanTheDayCannotBeProposed() {
        assertThatThrownBy(() -> scheduler.propose(Duration.ofHours(10), List.of()))
                .isInstanceOf(IllegalStateException.class);
    }
}
