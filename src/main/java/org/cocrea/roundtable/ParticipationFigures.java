package org.cocrea.roundtable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.cocrea.proposal.Proposal;
import org.cocrea.proposal.Proposals;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The participation figures the OGP action-plan template asks for, per call: how many groups (distinct
 * organisations) took part, how many public-facing meetings were held, participants by organisation type and by
 * axis, and proposals received, feasible and prioritised. (The Buenos Aires 2021 co-creation reported 22 groups and
 * 3 meetings.)
 */
@Service
public class ParticipationFigures {

    private final Proposals proposals;
    private final RoundTables roundTables;

    ParticipationFigures(Proposals proposals, RoundTables roundTables) {
        this.proposals = proposals;
        this.roundTables = roundTables;
    }

    /**
     * @param groups                  distinct organisations among proposers and round-table attendees (names
     *                                compared ignoring case)
     * @param meetingsHeld            round-tables held
     * @param participantsByType      round-table attendees per organisation type ({@code ciudadania} for individuals)
     * @param participantsByAxis      round-table attendees per axis
     * @param proposalsReceived       proposals of the call
     * @param proposalsFeasible       feasible or partially feasible
     * @param proposalsPrioritised    sent to the round-tables
     */
    public record Figures(int groups, int meetingsHeld, Map<String, Integer> participantsByType,
            Map<String, Integer> participantsByAxis, int proposalsReceived, int proposalsFeasible,
            int proposalsPrioritised) {
    }

    /**
     * @param callId call id
     * @return the call's figures
     */
    @Transactional(readOnly = true)
    public Figures forCall(long callId) {
        List<Proposal> all = proposals.ofCall(callId);
        Set<String> organisations = new TreeSet<>();
        all.stream().map(Proposal::getOrganization).filter(o -> o != null && !o.isBlank())
                .forEach(o -> organisations.add(o.strip().toLowerCase(Locale.ROOT)));
        Map<String, Integer> byType = new TreeMap<>();
        Map<String, Integer> byAxis = new TreeMap<>();
        int held = 0;
        for (RoundTable table : roundTables.ofCall(callId)) {
            if (table.getStatus() != RoundTableStatus.HELD) {
                continue;
            }
            held++;
            for (Registration r : roundTables.registrations(table.getId())) {
                if (!r.isAttended() || r.getStatus() == Registration.Status.CANCELLED) {
                    continue;
                }
                byType.merge(r.getOrganizationType(), 1, Integer::sum);
                byAxis.merge(table.getAxis(), 1, Integer::sum);
                if (r.getOrganization() != null) {
                    organisations.add(r.getOrganization().strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        return new Figures(organisations.size(), held, byType, byAxis, all.size(),
                (int) all.stream().filter(Proposal::isFeasible).count(),
                (int) all.stream().filter(Proposal::isPrioritised).count());
    }

    /**
     * @param figures figures of a call
     * @return them as rows {@code metric,key,value} for the CSV export
     */
    public static List<List<String>> rows(Figures figures) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("groups", "", String.valueOf(figures.groups())));
        rows.add(List.of("meetings_held", "", String.valueOf(figures.meetingsHeld())));
        figures.participantsByType().forEach((k, v) -> rows.add(List.of("participants_by_type", k, String.valueOf(v))));
        figures.participantsByAxis().forEach((k, v) -> rows.add(List.of("participants_by_axis", k, String.valueOf(v))));
        rows.add(List.of("proposals_received", "", String.valueOf(figures.proposalsReceived())));
        rows.add(List.of("proposals_feasible", "", String.valueOf(figures.proposalsFeasible())));
        rows.add(List.of("proposals_prioritised", "", String.valueOf(figures.proposalsPrioritised())));
        return rows;
    }

}
