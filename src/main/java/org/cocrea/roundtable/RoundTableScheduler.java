package org.cocrea.roundtable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.cocrea.CocreaApplication;
import org.cocrea.calendar.WorkingDays;
import org.cocrea.kernel.FieldProblem;
import org.springframework.stereotype.Service;

/**
 * The scheduling service of Stage 2: proposes and checks meeting dates at least the configured advance notice ahead,
 * on a working day in Buenos Aires (weekends and holidays excluded, {@link WorkingDays}), inside the configured hours,
 * not overlapping the meetings already taken. Round-tables pass the call's other round-tables; implementation
 * meetings ({@code org.cocrea.implementation}) pass the other implementation meetings.
 */
@Service
public class RoundTableScheduler {

    private static final ZoneId ZONE = ZoneId.of(CocreaApplication.ZONE);
    private static final Duration STEP = Duration.ofMinutes(30);

    private final WorkingDays workingDays;
    private final SchedulingProperties properties;
    private final Clock clock;

    RoundTableScheduler(WorkingDays workingDays, SchedulingProperties properties, Clock clock) {
        this.workingDays = workingDays;
        this.properties = properties;
        this.clock = clock;
    }

    /** A meeting already taking time: [start, end). */
    public record Slot(Instant start, Instant end) {

        boolean overlaps(Instant otherStart, Instant otherEnd) {
            return start.isBefore(otherEnd) && otherStart.isBefore(end);
        }
    }

    /**
     * @param duration length of the meeting
     * @param taken    the meetings already taking time (for a round-table: the call's other round-tables)
     * @return the first acceptable start: the earliest start time of the first working day after the advance
     *         notice, moved later in 30-minute steps (and to following working days) past any overlap
     */
    public Instant propose(Duration duration, List<Slot> taken) {
        ZonedDateTime earliest = clock.instant().plus(properties.advanceNotice()).atZone(ZONE);
        LocalDate day = earliest.toLocalDate();
        for (int i = 0; i < 366; i++, day = day.plusDays(1)) {
            if (!workingDays.isWorkingDay(day)) {
                continue;
            }
            ZonedDateTime start = day.atTime(properties.earliestStart()).atZone(ZONE);
            while (!start.toLocalTime().plus(duration).isAfter(properties.latestEnd())
                    && !start.toLocalTime().plus(duration).isBefore(start.toLocalTime())) {
                if (!start.isBefore(earliest) && problems(start.toInstant(), duration, taken).isEmpty()) {
                    return start.toInstant();
                }
                start = start.plus(STEP);
            }
        }
        throw new IllegalStateException("No free slot in the next year");
    }

    /**
     * @param start    proposed start
     * @param duration length
     * @param taken    the meetings already taking time (for a round-table: the call's other round-tables)
     * @return why the date is not acceptable, each as "Spanish / English" from the bundles
     *         ({@code roundTable.refusal.*}), empty when it is
     */
    public List<String> problems(Instant start, Duration duration, List<Slot> taken) {
        return fieldProblems(start, duration, taken).stream().map(RoundTableRefusals::bilingual).toList();
    }

    /**
     * @param start    proposed start
     * @param duration length
     * @param taken    the meetings already taking time (for a round-table: the call's other round-tables)
     * @return why the date is not acceptable (field {@code startsAt} or {@code durationMinutes}, message keys
     *         {@code roundTable.refusal.*}), empty when it is
     */
    public List<FieldProblem> fieldProblems(Instant start, Duration duration, List<Slot> taken) {
        List<FieldProblem> problems = new ArrayList<>();
        if (start == null) {
            problems.add(FieldProblem.of("startsAt", "roundTable.refusal.dateRequired"));
            return problems;
        }
        if (duration.isNegative() || duration.isZero() || duration.compareTo(Duration.ofHours(8)) > 0) {
            problems.add(FieldProblem.of("durationMinutes", "roundTable.refusal.duration"));
            return problems;
        }
        if (start.isAfter(clock.instant().plus(Duration.ofDays(731)))) {
            problems.add(FieldProblem.of("startsAt", "roundTable.refusal.tooFar"));
            return problems;
        }
        if (start.getNano() != 0 || start.getEpochSecond() % 60 != 0) {
            problems.add(FieldProblem.of("startsAt", "roundTable.refusal.wholeMinutes"));
        }
        ZonedDateTime local = start.atZone(ZONE);
        if (start.isBefore(clock.instant().plus(properties.advanceNotice()))) {
            problems.add(FieldProblem.of("startsAt", "roundTable.refusal.tooSoon",
                    String.valueOf(properties.advanceNotice().toDays())));
        }
        if (!workingDays.isWorkingDay(local.toLocalDate())) {
            problems.add(FieldProblem.of("startsAt", "roundTable.refusal.workingDay"));
        }
        ZonedDateTime end = local.plus(duration);
        if (local.toLocalTime().isBefore(properties.earliestStart()) || end.toLocalTime().isAfter(properties.latestEnd())
                || !end.toLocalDate().equals(local.toLocalDate())) {
            problems.add(FieldProblem.of("startsAt", "roundTable.refusal.hours", properties.earliestStart().toString(),
                    properties.latestEnd().toString()));
        }
        for (Slot other : taken) {
            if (other.overlaps(start, start.plus(duration))) {
                problems.add(FieldProblem.of("startsAt", "roundTable.refusal.overlap"));
                break;
            }
        }
        return problems;
    }
}
