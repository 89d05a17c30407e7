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
     * @throws InvalidCallException when a field is invalid or another call of the action plan is open
     */
    @Transactional
    public CallForProposals open(String actionPlan, String title, List<String> axes, Instant opensAt, Instant closesAt,
            String processInstanceId) {
        List<String> problems = new ArrayList<>();
        if (actionPlan == null || !ACTION_PLAN.matcher(actionPlan.strip()).matches()) {
            problems.add("plan de acción: letras, dígitos y guiones (máx. 100) / action plan: letters, digits and "
                    + "hyphens (max 100)");
        }
        if (title == null || title.isBlank() || InputText.exceeds(title, 300)
                || title.chars().anyMatch(c -> c < 0x20 || (c >= 0x7f && c < 0xa0))) {
            problems.add("título requerido (máx. 300) / title required (max 300)");
        }
        List<String> cleanAxes = axes == null ? List.of()
                : new ArrayList<>(new LinkedHashSet<>(axes.stream().map(String::trim).toList()));
        if (cleanAxes.isEmpty()) {
            problems.add("elija al menos un eje / choose at least one axis");
        }
        if (cleanAxes.size() > MAX_AXES) {
            problems.add("como máximo " + MAX_AXES + " ejes / at most " + MAX_AXES + " axes");
        } else {
            cleanAxes.stream().filter(a -> !AXIS_ID.matcher(a).matches()).limit(5)
                    .forEach(a -> problems.add("eje inválido / invalid axis: " + a));
        }
        if (opensAt == null || closesAt == null) {
            problems.add("apertura y cierre requeridos / opening and closing date-times required");
        } else {
            if (!closesAt.isAfter(opensAt)) {
                problems.add("el cierre debe ser posterior a la apertura / closing must be after opening");
            }
            if (!closesAt.isAfter(clock.instant())) {
                problems.add("el cierre debe ser futuro / closing must be in the future");
            }
            if (Duration.between(opensAt, closesAt).compareTo(MAX_WINDOW) > 0) {
                problems.add("la convocatoria no puede durar más de un año / a call cannot last more than a year");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidCallException("Convocatoria inválida / Invalid call: " + String.join("; ", problems));
        }
        String plan = actionPlan.strip().toUpperCase(Locale.ROOT);
        List<CallForProposals> open = calls.findByActionPlanAndStatus(plan, CallStatus.OPEN);
        if (!open.isEmpty()) {
            throw new InvalidCallException("Ya hay una convocatoria abierta para el plan " + plan
                    + " (\"" + open.get(0).getTitle() + "\"); hay que cerrarla antes de abrir otra. / A call is already "
                    + "open for action plan " + plan + ".");
        }
        // The public form has one intake: two calls accepting proposals at the same time would be ambiguous.
        for (CallForProposals other : calls.findByStatusOrderByOpensAtAsc(CallStatus.OPEN)) {
            if (other.getOpensAt().isBefore(closesAt) && opensAt.isBefore(other.getClosesAt())) {
                throw new InvalidCallException("Su período se superpone con la convocatoria abierta \"" + other.getTitle()
                        + "\" (plan " + other.getActionPlan() + ") / Its window overlaps the open call of plan "
                        + other.getActionPlan());
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
