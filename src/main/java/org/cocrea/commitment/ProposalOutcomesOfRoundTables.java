package org.cocrea.commitment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cocrea.proposal.ProposalOutcomes;
import org.cocrea.roundtable.RoundTable;
import org.cocrea.roundtable.RoundTableStatus;
import org.cocrea.roundtable.RoundTables;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What became of proposals ({@link ProposalOutcomes}, for the public proposal list and each proposal's page), derived
 * from what is stored, since no table links a proposal to a commitment: a prioritised proposal went to its call's
 * round-table for its axis (one per axis, {@code round_table_axis_unique}); the commitments shown are the
 * <em>published</em> ones drafted from that round-table's topics ({@code commitment.round_table_id}, set by
 * {@link DraftCreation}). A round-table may yield several commitments, each from one of its topics, and a topic is
 * not tied to one proposal: so the page says "commitments that came out of the round-table it went to", not "the
 * commitment this proposal became". Drafts are never shown. Commitments imported from an earlier plan
 * ({@link ActionPlanImport}) have no round-table and are linked to no proposal.
 */
@Component
class ProposalOutcomesOfRoundTables implements ProposalOutcomes {

    private final RoundTables roundTables;
    private final CommitmentRepository commitments;
    private final MessageSource messages;

    ProposalOutcomesOfRoundTables(RoundTables roundTables, CommitmentRepository commitments,
            MessageSource messages) {
        this.roundTables = roundTables;
        this.commitments = commitments;
        this.messages = messages;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Outcome> of(Collection<Subject> proposals, Locale locale) {
        Map<Long, Map<String, RoundTable>> tablesByCall = new HashMap<>();
        Map<String, RoundTable> tableOf = new LinkedHashMap<>();
        for (Subject s : proposals) {
            if (!s.prioritised()) {
                continue;
            }
            RoundTable table = tablesByCall.computeIfAbsent(s.callId(), this::tablesByAxis).get(s.axis());
            if (table != null) {
                tableOf.put(s.trackingCode(), table);
            }
        }
        if (tableOf.isEmpty()) {
            return Map.of();
        }
        String language = "en".equals(locale.getLanguage()) ? "en" : "es";
        Map<Long, List<CommitmentLink>> byTable = new HashMap<>();
        for (Commitment c : commitments.findByRoundTableIdInAndStatusOrderByCodeAsc(
                tableOf.values().stream().map(RoundTable::getId).distinct().toList(), Commitment.Status.PUBLISHED)) {
            if (c.getCode() != null) {
                byTable.computeIfAbsent(c.getRoundTableId(), id -> new ArrayList<>()).add(new CommitmentLink(
                        c.getCode(), PublishedCommitments.Summary.of(c).title(language), "/dashboard/" + c.getCode()));
            }
        }
        Map<String, Outcome> out = new HashMap<>();
        tableOf.forEach((code, t) -> out.put(code, new Outcome(true, new RoundTableLink(t.getId(), t.title(locale),
                t.getStatus().name(), messages.getMessage("roundTable.status." + t.getStatus().name(), null,
                        t.getStatus().name(), locale),
                t.getStatus() == RoundTableStatus.PROPOSED ? null : "/round-tables/" + t.getId()),
                List.copyOf(byTable.getOrDefault(t.getId(), List.of())))));
        return out;
    }

    private Map<String, RoundTable> tablesByAxis(long callId) {
        Map<String, RoundTable> byAxis = new HashMap<>();
        roundTables.ofCall(callId).forEach(t -> byAxis.put(t.getAxis(), t));
        return byAxis;
    }
}
