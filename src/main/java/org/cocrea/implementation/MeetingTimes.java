package org.cocrea.implementation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.cocrea.CocreaApplication;
import org.cocrea.kernel.FieldProblem;
import org.cocrea.roundtable.RoundTableScheduler;
import org.springframework.stereotype.Component;

/**
 * The start of a meeting: read from the form (Buenos Aires local time) and checked by the scheduling service, for
 * {@link Meetings}.
 */
@Component
class MeetingTimes {

    private static final ZoneId ZONE = ZoneId.of(CocreaApplication.ZONE);

    private final MeetingRepository meetings;
    private final RoundTableScheduler scheduler;
    private final ActionPlanSettings plan;

    MeetingTimes(MeetingRepository meetings, RoundTableScheduler scheduler, ActionPlanSettings plan) {
        this.meetings = meetings;
        this.scheduler = scheduler;
        this.plan = plan;
    }

    /** @return the first start the scheduling service accepts for a meeting of that length */
    Instant propose(Duration duration) {
        return scheduler.propose(duration, taken(null));
    }

    /**
     * @param startsAt local date-time in Buenos Aires, ISO ({@code 2025-03-17T10:00}), may be null
     * @param problems where a missing or unreadable start is added (field {@code startsAt})
     * @return the instant, or null when missing or unreadable
     */
    Instant parse(String startsAt, List<FieldProblem> problems) {
        if (startsAt == null || startsAt.isBlank()) {
            problems.add(FieldProblem.of("startsAt", "implementation.error.required"));
            return null;
        }
        try {
            return LocalDateTime.parse(startsAt.strip()).atZone(ZONE).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.of("startsAt", "implementation.error.dateTime"));
            return null;
        }
    }

    /** Adds each refusal of the scheduling service (field {@code startsAt}), the meeting {@code except} left out. */
    void check(Instant start, Duration duration, Long except, List<FieldProblem> problems) {
        for (String reason : scheduler.problems(start, duration, taken(except))) {
            problems.add(FieldProblem.of("startsAt", "implementation.error.schedule", reason));
        }
    }

    /** @return the slots of the plan's meetings that are not cancelled, except the meeting {@code except} */
    private List<RoundTableScheduler.Slot> taken(Long except) {
        return meetings.findByActionPlanOrderByStartsAtDesc(plan.id()).stream()
                .filter(m -> m.getStatus() != Meeting.Status.CANCELLED && !m.getId().equals(except))
                .map(m -> new RoundTableScheduler.Slot(m.getStartsAt(), m.getEndsAt())).toList();
    }
}
