package org.cocrea.consultation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.cocrea.kernel.FieldProblem;
import org.cocrea.kernel.InputRefusedException;
import org.cocrea.kernel.InputText;
import org.cocrea.kernel.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens and closes calls for proposals and tells which call accepts proposals now.
 *
 * <p>Rule: only one call per action plan is open at a time (the OGP Participation and Co-creation Standard asks for
 * one clear, published consultation timeline per action plan).
 */
@Service
public class Consultations {

    /** Axis ids are lower-case slugs, as in {@code shared/data/areas.csv}. */
    static final Pattern AXIS_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");
    /** Action plan ids: letters, digits and hyphens, e.g. {@code ARBA-2021-2023}; compared case-insensitively. */
    static final Pattern ACTION_PLAN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,99}");
    static final int MAX_AXES = 30;
    /**
     * The field of a refusal of the call as a whole (another call of the plan is open, or the window overlaps an open
     * call) rather than of one of its fields; pages and Tasklist show it without the "invalid call" heading.
     */
    public static final String WHOLE_CALL = "body";
    /** The longest consultation window accepted. */
    static final Duration MAX_WINDOW = Duration.ofDays(366);

    private final CallForProposalsRepository calls;
    private final Clock clock;

    Consultations(CallForProposalsRepository calls, Clock clock) {
        this.calls = calls;
        this.clock = clock;
    }

    /**
     * Opens a call for proposals.
     *
     * @param actionPlan        action plan id, e.g. {@code ARBA-2021-2023}: letters, digits, hyphens, at most 100;
     *                          stored upper-case
     * @param title             public title; required, at most 300 characters
     * @param axes              thematic axis ids (slugs); at least one, at most 30
     * @param opensAt           opening instant
     * @param closesAt          closing instant; after {@code opensAt}, in the future, at most a year after opening;
     *                          the window must not overlap another open call (the public form has one intake)
     * @param processInstanceId the call-for-proposals process instance that owns the call
     * @return the stored call, status OPEN
     * @throws InputRefusedException when a field is invalid (a problem per field: {@code actionPlan}, {@code title},
     *                               {@code axes}, {@code opensAt}, {@code closesAt}), or, with the one field
     *                               {@link #WHOLE_CALL}, when another call of the action plan is open or the window
     *                               overlaps another open call
     */
    @Transactional
    public CallForProposals open(String actionPlan, String title, List<String> axes, Instant opensAt, Instant closesAt,
            String processInstanceId) {
        List<FieldProblem> problems = new ArrayList<>();
        if (actionPlan == null || !ACTION_PLAN.matcher(actionPlan.strip()).matches()) {
            problems.add(FieldProblem.of("actionPlan", "call.refusal.actionPlan"));
        }
        if (title == null || title.isBlank() || InputText.exceeds(title, 300)
                || title.chars().anyMatch(c -> c < 0x20 || (c >= 0x7f && c < 0xa0))) {
            problems.add(FieldProblem.of("title", "call.refusal.title"));
        }
        List<String> cleanAxes = axes == null ? List.of()
                : new ArrayList<>(new LinkedHashSet<>(axes.stream().map(String::trim).toList()));
        if (cleanAxes.isEmpty()) {
            problems.add(FieldProblem.of("axes", "call.refusal.axes.required"));
        }
        if (cleanAxes.size() > MAX_AXES) {
            problems.add(FieldProblem.of("axes", "call.refusal.axes.tooMany", MAX_AXES));
        } else {
            cleanAxes.stream().filter(a -> !AXIS_ID.matcher(a).matches()).limit(5)
                    .forEach(a -> problems.add(FieldProblem.of("axes", "call.refusal.axes.invalid", a)));
        }
        if (opensAt == null || closesAt == null) {
            problems.add(FieldProblem.of(opensAt == null ? "opensAt" : "closesAt", "call.refusal.window.required"));
        } else {
            if (!closesAt.isAfter(opensAt)) {
                problems.add(FieldProblem.of("closesAt", "call.refusal.window.closesBeforeOpening"));
            }
            if (!closesAt.isAfter(clock.instant())) {
                problems.add(FieldProblem.of("closesAt", "call.refusal.window.closesInThePast"));
            }
            if (Duration.between(opensAt, closesAt).compareTo(MAX_WINDOW) > 0) {
                problems.add(FieldProblem.of("closesAt", "call.refusal.window.tooLong"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InputRefusedException(problems);
        }
        String plan = actionPlan.strip().toUpperCase(Locale.ROOT);
        List<CallForProposals> open = calls.findByActionPlanAndStatus(plan, CallStatus.OPEN);
        if (!open.isEmpty()) {
            throw InputRefusedException.of(WHOLE_CALL, "call.refusal.alreadyOpen", plan, open.get(0).getTitle());
        }
        // The public form has one intake: two calls accepting proposals at the same time would be ambiguous.
        for (CallForProposals other : calls.findByStatusOrderByOpensAtAsc(CallStatus.OPEN)) {
            if (other.getOpensAt().isBefore(closesAt) && opensAt.isBefore(other.getClosesAt())) {
                throw InputRefusedException.of(WHOLE_CALL, "call.refusal.overlaps", other.getTitle(),
                        other.getActionPlan());
            }
        }
        // A later call of the same action plan is a later co-creation instance (the Buenos Aires plan had two).
        int instance = calls.findByActionPlanOrderByIdAsc(plan).stream()
                .mapToInt(CallForProposals::getCoCreationInstance).max().orElse(0) + 1;
        CallForProposals call = new CallForProposals(plan, title.trim(), cleanAxes, opensAt, closesAt,
                processInstanceId, clock.instant());
        call.numberInstance(instance);
        return calls.save(call);
    }

    /**
     * @param actionPlan action plan id
     * @return the plan's calls, oldest first (one per co-creation instance)
     */
    @Transactional(readOnly = true)
    public List<CallForProposals> ofActionPlan(String actionPlan) {
        return calls.findByActionPlanOrderByIdAsc(actionPlan.strip().toUpperCase(Locale.ROOT));
    }

    /**
     * Closes a call: no more proposals are accepted. Idempotent.
     *
     * @param callId id of the call
     * @throws NotFoundException if there is no such call
     */
    @Transactional
    public void close(long callId) {
        get(callId).close();
    }

    /**
     * @param callId id of the call
     * @return the call
     * @throws NotFoundException if there is no such call
     */
    @Transactional(readOnly = true)
    public CallForProposals get(long callId) {
        return calls.findById(callId).orElseThrow(() -> new NotFoundException("call for proposals", callId));
    }

    /** @return the call that accepts proposals now (the earliest opened one if several plans have one), if any */
    @Transactional(readOnly = true)
    public Optional<CallForProposals> acceptingCall() {
        Instant now = clock.instant();
        return calls.findByStatusOrderByOpensAtAsc(CallStatus.OPEN).stream()
                .filter(c -> c.acceptsProposalsAt(now)).findFirst();
    }

    /** @return every call, newest first */
    @Transactional(readOnly = true)
    public List<CallForProposals> all() {
        return calls.findAll().stream().sorted((a, b) -> b.getId().compareTo(a.getId())).toList();
    }
}
