package org.cocrea.proposal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.cocrea.consultation.CallForProposals;
import org.cocrea.consultation.Consultations;
import org.cocrea.kernel.FieldProblem;
import org.cocrea.kernel.InputRefusedException;
import org.springframework.stereotype.Component;

/** Which feasible proposals go to the round-tables: the feasible pool, the carry-over between instances, the choice. */
@Component
class ProposalPrioritisation {

    private final ProposalRepository repository;
    private final Consultations consultations;
    private final ProposalIntake intake;

    ProposalPrioritisation(ProposalRepository repository, Consultations consultations, ProposalIntake intake) {
        this.repository = repository;
        this.consultations = consultations;
        this.intake = intake;
    }

    Map<String, List<Proposal>> feasibleByAxis(long callId) {
        Map<String, List<Proposal>> byAxis = new TreeMap<>();
        for (Proposal p : repository.findByCallIdOrderByAxisAscIdAsc(callId)) {
            if (p.isFeasible()) {
                byAxis.computeIfAbsent(p.getAxis(), a -> new ArrayList<>()).add(p);
            }
        }
        return byAxis;
    }

    int carryOverInto(long toCallId) {
        CallForProposals to = consultations.get(toCallId);
        int carried = 0;
        for (CallForProposals earlier : consultations.ofActionPlan(to.getActionPlan())) {
            if (earlier.getId() == toCallId || earlier.getCoCreationInstance() >= to.getCoCreationInstance()) {
                continue;
            }
            for (Proposal p : repository.findByCallIdOrderByAxisAscIdAsc(earlier.getId())) {
                if (p.isFeasible() && !p.isPrioritised() && !repository.existsByCarriedOverFrom(p.getId())) {
                    repository.save(Proposal.carriedOver(p, intake.newTrackingCode(), toCallId));
                    carried++;
                }
            }
        }
        return carried;
    }

    void prioritise(long callId, Collection<Long> proposalIds) {
        Map<Long, Proposal> feasible = new HashMap<>();
        feasibleByAxis(callId).values().forEach(list -> list.forEach(p -> feasible.put(p.getId(), p)));
        List<FieldProblem> problems = proposalIds.stream().filter(id -> !feasible.containsKey(id))
                .map(id -> FieldProblem.of("proposalIds", "review.notFeasible", String.valueOf(id)))
                .toList();
        if (!problems.isEmpty()) {
            throw new InputRefusedException(problems);
        }
        Set<Long> chosen = Set.copyOf(proposalIds);
        repository.findByCallIdOrderByAxisAscIdAsc(callId).forEach(p -> p.setPrioritised(chosen.contains(p.getId())));
    }

    Map<String, List<Proposal>> prioritisedByAxis(long callId) {
        Map<String, List<Proposal>> byAxis = new LinkedHashMap<>();
        consultations.get(callId).getAxes().forEach(a -> byAxis.put(a, new ArrayList<>()));
        repository.findByCallIdOrderByAxisAscIdAsc(callId).stream().filter(Proposal::isPrioritised)
                .forEach(p -> byAxis.computeIfAbsent(p.getAxis(), a -> new ArrayList<>()).add(p));
        return byAxis;
    }
}
