package org.cocrea.proposal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.cocrea.area.Areas;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Builds the public view of a proposal (status page and {@code GET /api/proposals/{trackingCode}}). */
@Component
class PublicProposals {

    private final Proposals proposals;
    private final Areas areas;
    private final MessageSource messages;
    private final ReviewHistory history;
    private final ObjectProvider<ProposalOutcomes> outcomes;

    PublicProposals(Proposals proposals, Areas areas, MessageSource messages, ReviewHistory history,
            ObjectProvider<ProposalOutcomes> outcomes) {
        this.outcomes = outcomes;
        this.proposals = proposals;
        this.areas = areas;
        this.messages = messages;
        this.history = history;
    }

    @Transactional(readOnly = true)
    Optional<PublicProposalView> view(String trackingCode, Locale locale) {
        return proposals.byTrackingCode(trackingCode).map(p -> {
            PublicProposalView.Response response = p.getStatus() != ProposalStatus.RESPONDED ? null
                    : new PublicProposalView.Response(p.getVerdict(),
                            messages.getMessage("verdict." + p.getVerdict(), null, p.getVerdict(), locale),
                            p.getResponseText(), p.getResponseSentAt());
            return new PublicProposalView(p.getTrackingCode(), p.getTitle(), p.getAxis(),
                    proposals.axisName(p.getAxis(), locale), p.getStatus().name(),
                    messages.getMessage("proposal.status." + p.getStatus().name(), null, locale), p.getSubmittedAt(),
                    areas.byCandidateGroup(p.getAreaGroup()).map(a -> a.name(locale)).orElse(null), response,
                    steps(p, locale), outcome(p, locale));
        });
    }

    private ProposalOutcomes.Outcome outcome(Proposal p, Locale locale) {
        ProposalOutcomes.Subject subject = new ProposalOutcomes.Subject(p.getTrackingCode(), p.getCallId(),
                p.getAxis(), p.isPrioritised());
        return ProposalOutcomes.outcomeOf(outcomes.getIfAvailable(() -> ProposalOutcomes.NONE)
                .of(List.of(subject), locale), subject);
    }

    /**
     * The proposal's own records (submission, review, response instants) first, the engine's history for the rest;
     * steps before the last one that happened but without a date are left out, steps after it are still to come.
     */
    private List<PublicProposalView.Step> steps(Proposal p, Locale locale) {
        Map<ReviewStep, Instant> at = new EnumMap<>(ReviewStep.class);
        at.putAll(history.endedSteps(p.getTrackingCode()));
        at.put(ReviewStep.RECEIVED, p.getSubmittedAt());
        if (p.getReviewedAt() != null) {
            at.put(ReviewStep.FEASIBILITY_REVIEWED, p.getReviewedAt());
        }
        if (p.getResponseSentAt() != null) {
            at.put(ReviewStep.RESPONSE_SENT, p.getResponseSentAt());
        }
        ReviewStep[] all = ReviewStep.values();
        int last = 0;
        for (int i = 0; i < all.length; i++) {
            if (at.get(all[i]) != null) {
                last = i;
            }
        }
        List<PublicProposalView.Step> out = new ArrayList<>();
        for (int i = 0; i < all.length; i++) {
            Instant when = at.get(all[i]);
            if (when == null && i < last) {
                continue;
            }
            out.add(new PublicProposalView.Step(all[i].name(),
                    messages.getMessage("tracking.step." + all[i].name(), null, locale), when, i == last + 1));
        }
        return out;
    }
}
