package org.cocrea.cocreation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.cocrea.commitment.ActionPlan;
import org.cocrea.commitment.Commitment;
import org.cocrea.commitment.CommitmentSheets;
import org.cocrea.consultation.CallForProposals;
import org.cocrea.consultation.Consultations;
import org.cocrea.roundtable.ParticipationFigures;
import org.cocrea.roundtable.RoundTable;
import org.cocrea.roundtable.RoundTableStatus;
import org.cocrea.roundtable.RoundTables;
import org.cocrea.workflow.CoCreationTimeline;
import org.springframework.stereotype.Service;

/**
 * What the public sees of one co-creation instance: its call, its stages (from the engine, see
 * {@link CoCreationTimeline}), its participation figures without personal data and what a visitor can do now.
 * The instance is named by its call's id (see {@code package-info}).
 */
@Service
public class CoCreationOverviews {

    private final Consultations consultations;
    private final CoCreationTimeline timelines;
    private final ParticipationFigures figures;
    private final RoundTables roundTables;
    private final CommitmentSheets sheets;
    private final ActionPlan actionPlan;
    private final Clock clock;

    CoCreationOverviews(Consultations consultations, CoCreationTimeline timelines, ParticipationFigures figures,
            RoundTables roundTables, CommitmentSheets sheets, ActionPlan actionPlan, Clock clock) {
        this.consultations = consultations;
        this.timelines = timelines;
        this.figures = figures;
        this.roundTables = roundTables;
        this.sheets = sheets;
        this.actionPlan = actionPlan;
        this.clock = clock;
    }

    /** What a visitor can do now, with the public page where they do it. */
    public enum Action {
        /** The call accepts proposals now. */
        SUBMIT_PROPOSAL("/proposals/new"),
        /** A round-table of the instance is scheduled ahead and takes registrations. */
        REGISTER_ROUND_TABLE("/round-tables"),
        /** A draft commitment of the instance circulates for public comments. */
        COMMENT_DRAFT("/drafts"),
        /** Always: the dashboard of the published commitments. */
        FOLLOW_DASHBOARD("/dashboard");

        private final String path;

        Action(String path) {
            this.path = path;
        }

        /** @return the page's path */
        public String path() {
            return path;
        }
    }

    /**
     * The OGP action-plan template's participation figures of one instance, counts only (no names, e-mails or
     * organisation names), as {@link ParticipationFigures} computes them for staff.
     *
     * @param groups               distinct organisations among proposers and round-table attendees
     * @param meetingsHeld         round-tables held
     * @param participantsBySector round-table attendees per organisation type ({@code ciudadania} for individuals)
     * @param participantsByAxis   round-table attendees per axis id
     * @param proposalsReceived    proposals of the call
     * @param proposalsFeasible    feasible or partially feasible
     * @param proposalsPrioritised sent to the round-tables
     */
    public record PublicFigures(int groups, int meetingsHeld, Map<String, Integer> participantsBySector,
            Map<String, Integer> participantsByAxis, int proposalsReceived, int proposalsFeasible,
            int proposalsPrioritised) {
    }

    /**
     * @param call     the instance's call for proposals
     * @param timeline its stages as the engine has them, or null when the engine's history no longer holds the
     *                 instance (history time to live passed)
     * @param figures  its participation figures
     * @param actions  what a visitor can do now, in this order
     */
    public record Overview(CallForProposals call, CoCreationTimeline.Timeline timeline, PublicFigures figures,
            List<Action> actions) {
    }

    /**
     * @param callId the call id naming the instance
     * @return the instance's public overview at the application clock's now
     * @throws org.cocrea.kernel.NotFoundException if there is no such call
     */
    public Overview of(long callId) {
        CallForProposals call = consultations.get(callId);
        CoCreationTimeline.Timeline timeline = call.getProcessInstanceId() == null ? null
                : timelines.ofInstance(call.getProcessInstanceId(), related(call)).orElse(null);
        ParticipationFigures.Figures f = figures.forCall(callId);
        PublicFigures publicFigures = new PublicFigures(f.groups(), f.meetingsHeld(), f.participantsByType(),
                f.participantsByAxis(), f.proposalsReceived(), f.proposalsFeasible(), f.proposalsPrioritised());
        return new Overview(call, timeline, publicFigures, actions(call));
    }

    /** @return every co-creation instance of every action plan, as its call for proposals, newest first */
    public List<CallForProposals> instances() {
        return consultations.all();
    }

    /** @return the overview of the newest call's instance (the current one), if there is any call */
    public Optional<Overview> current() {
        return consultations.all().stream().findFirst().map(c -> of(c.getId()));
    }

    /**
     * The round-tables' and drafts' process instances of the call: inside a {@code co-creation} instance they are
     * its call activities already; for a call started on its own they were started separately and follow it.
     */
    private List<String> related(CallForProposals call) {
        List<String> ids = new ArrayList<>();
        roundTables.ofCall(call.getId()).stream().map(RoundTable::getProcessInstanceId).forEach(ids::add);
        Stream.concat(sheets.inProgress().stream(), actionPlan.published().stream())
                .filter(c -> call.getActionPlan().equalsIgnoreCase(c.getActionPlan())
                        && c.getCoCreationInstance() == call.getCoCreationInstance())
                .map(Commitment::getProcessInstanceId).forEach(ids::add);
        return ids;
    }

    private List<Action> actions(CallForProposals call) {
        Instant now = clock.instant();
        List<Action> actions = new ArrayList<>();
        if (call.acceptsProposalsAt(now)) {
            actions.add(Action.SUBMIT_PROPOSAL);
        }
        if (roundTables.ofCall(call.getId()).stream().anyMatch(t -> t.getStatus() == RoundTableStatus.SCHEDULED
                && t.getStartsAt() != null && t.getStartsAt().isAfter(now))) {
            actions.add(Action.REGISTER_ROUND_TABLE);
        }
        if (sheets.publicDrafts().stream().anyMatch(d -> d.getStatus() == Commitment.Status.CIRCULATING
                && call.getActionPlan().equalsIgnoreCase(d.getActionPlan())
                && d.getCoCreationInstance() == call.getCoCreationInstance())) {
            actions.add(Action.COMMENT_DRAFT);
        }
        actions.add(Action.FOLLOW_DASHBOARD);
        return List.copyOf(actions);
    }
}
