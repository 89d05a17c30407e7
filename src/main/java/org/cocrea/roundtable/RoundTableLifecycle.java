package org.cocrea.roundtable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.cocrea.kernel.FieldProblem;
import org.cocrea.kernel.InputRefusedException;
import org.cocrea.kernel.NotFoundException;
import org.cocrea.proposal.Proposals;
import org.cocrea.kernel.BilingualText;
import org.cocrea.kernel.Dates;
import org.cocrea.kernel.InputText;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Lifecycle and scheduling of round-tables: request, creation, confirmation, rescheduling, cancellation, held. */
@Component
class RoundTableLifecycle {

    /** An http(s) address of a virtual meeting. */
    static final Pattern LINK = Pattern.compile("^https?://[^\\s<>\"]{1,490}$");

    private final RoundTableRepository tables;
    private final RoundTableScheduler scheduler;
    private final SchedulingProperties properties;
    private final Proposals proposals;
    private final ApplicationEventPublisher events;
    private final Dates dates;
    private final Clock clock;
    private final MessageSource messages;

    RoundTableLifecycle(RoundTableRepository tables, RoundTableScheduler scheduler, SchedulingProperties properties,
            Proposals proposals, ApplicationEventPublisher events, Dates dates, Clock clock, MessageSource messages) {
        this.tables = tables;
        this.scheduler = scheduler;
        this.properties = properties;
        this.proposals = proposals;
        this.events = events;
        this.dates = dates;
        this.clock = clock;
        this.messages = messages;
    }

    List<String> requestForCall(long callId) {
        List<String> axes = axesToSchedule(callId);
        if (!axes.isEmpty()) {
            events.publishEvent(new RoundTableEvents.RoundTablesRequested(callId, axes));
        }
        return axes;
    }

    List<String> axesToSchedule(long callId) {
        List<String> axes = new ArrayList<>();
        proposals.prioritisedByAxis(callId).forEach((axis, list) -> {
            if (!list.isEmpty() && tables.findByCallIdAndAxis(callId, axis).isEmpty()) {
                axes.add(axis);
            }
        });
        return axes;
    }

    RoundTable create(long callId, String axis, String processInstanceId, BilingualText title) {
        if (title != null && (title.spanish() == null && title.english() == null
                || InputText.exceeds(title.spanish(), 300)
                || InputText.exceeds(title.english(), 300)
                || InputText.hasForbiddenCharacters(title.spanish())
                || InputText.hasForbiddenCharacters(title.english()))) {
            throw InputRefusedException.of("title", "roundTable.refusal.title");
        }
        RoundTable existing = tables.findByCallIdAndAxis(callId, axis).orElse(null);
        if (existing != null) {
            existing.attachProcess(processInstanceId);
            return existing;
        }
        Duration duration = properties.defaultDuration();
        Instant start = scheduler.propose(duration, taken(callId, null));
        Locale es = RoundTableMails.SPANISH;
        RoundTable table = new RoundTable(callId, axis, title != null ? title : new BilingualText(
                messages.getMessage("roundTable.defaultTitle", new Object[] {proposals.axisName(axis, es)}, es),
                messages.getMessage("roundTable.defaultTitle", new Object[] {proposals.axisName(axis, Locale.ENGLISH)},
                        Locale.ENGLISH)), start, (int) duration.toMinutes(),
                properties.defaultCapacity(), UUID.randomUUID() + "@cocrea", clock.instant());
        table.attachProcess(processInstanceId);
        return tables.save(table);
    }

    private List<RoundTableScheduler.Slot> taken(long callId, Long except) {
        return tables.findByCallIdOrderByStartsAtAsc(callId).stream()
                .filter(t -> !t.getId().equals(except) && t.getStatus() != RoundTableStatus.CANCELLED
                        && t.getStartsAt() != null)
                .map(t -> new RoundTableScheduler.Slot(t.getStartsAt(), t.getEndsAt())).toList();
    }

    RoundTable confirm(long id, Instant startsAt, Integer durationMinutes, String meetingLink, Integer capacity) {
        RoundTable table = get(id);
        List<FieldProblem> problems = new ArrayList<>();
        if (table.getStatus() == RoundTableStatus.CANCELLED || table.getStatus() == RoundTableStatus.HELD) {
            problems.add(FieldProblem.of("status", "roundTable.refusal.frozen"));
        }
        int minutes = durationMinutes == null ? table.getDurationMinutes() : durationMinutes;
        problems.addAll(scheduler.fieldProblems(startsAt, Duration.ofMinutes(minutes), taken(table.getCallId(), id)));
        if (meetingLink == null || !LINK.matcher(meetingLink.strip()).matches()) {
            problems.add(FieldProblem.of("meetingLink", "roundTable.refusal.meetingLink"));
        }
        if (startsAt != null && table.getInfoMeetingAt() != null && !table.getInfoMeetingAt().isBefore(startsAt)) {
            problems.add(FieldProblem.of("startsAt", "roundTable.refusal.afterInfoMeeting",
                    dates.format(table.getInfoMeetingAt())));
        }
        if (capacity == null || capacity < 1 || capacity > 1000) {
            problems.add(FieldProblem.of("capacity", "roundTable.refusal.capacity"));
        }
        if (!problems.isEmpty()) {
            throw new InputRefusedException(problems);
        }
        boolean firstTime = table.getStatus() != RoundTableStatus.SCHEDULED;
        table.confirm(startsAt, minutes, meetingLink.strip(), capacity);
        if (firstTime) {
            events.publishEvent(new RoundTableEvents.RoundTableScheduled(id, table.getCallId(), table.getAxis()));
        }
        return table;
    }

    void reschedule(long id, Instant startsAt) {
        RoundTable table = get(id);
        if (table.getStatus() != RoundTableStatus.SCHEDULED || !table.getStartsAt().isAfter(clock.instant())) {
            throw InputRefusedException.of("status", "roundTable.refusal.notReschedulable");
        }
        confirm(id, startsAt, table.getDurationMinutes(), table.getMeetingLink(), table.getCapacity());
        events.publishEvent(new RoundTableEvents.RoundTableRescheduled(id));
    }

    void cancel(long id) {
        RoundTable table = get(id);
        if (table.getStatus() != RoundTableStatus.SCHEDULED || !table.getStartsAt().isAfter(clock.instant())) {
            throw InputRefusedException.of("status", "roundTable.refusal.notCancellable");
        }
        table.cancel();
        events.publishEvent(new RoundTableEvents.RoundTableCancelled(id));
    }

    void markHeld(long id) {
        RoundTable table = get(id);
        if (table.getStatus() != RoundTableStatus.SCHEDULED) {
            throw new IllegalStateException("Round-table " + id + " is " + table.getStatus() + ", not SCHEDULED");
        }
        table.held();
        events.publishEvent(new RoundTableEvents.RoundTableHeld(id, table.getCallId()));
    }

    List<RoundTable> upcoming() {
        Instant now = clock.instant();
        return tables.findByStatusOrderByStartsAtAsc(RoundTableStatus.SCHEDULED).stream()
                .filter(t -> t.getStartsAt().isAfter(now)).toList();
    }

    List<RoundTable> ofCall(long callId) {
        return tables.findByCallIdOrderByStartsAtAsc(callId);
    }

    RoundTable get(long id) {
        return tables.findById(id).orElseThrow(() -> new NotFoundException("round-table", id));
    }
}
