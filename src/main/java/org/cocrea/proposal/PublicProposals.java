package org.cocrea.proposal;

import java.util.Locale;
import java.util.Optional;

import org.cocrea.area.Areas;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Builds the public view of a proposal (status page and {@code GET /api/proposals/{trackingCode}}). */
@Component
class PublicProposals {

    private final Proposals proposals;
    private final Areas areas;
    private final MessageSource messages;

    PublicProposals(Proposals proposals, Areas areas, MessageSource messages) {
        this.proposals = proposals;
        this.areas = areas;
        this.messages = messages;
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
                    areas.byCandidateGroup(p.getAreaGroup()).map(a -> a.name(locale)).orElse(null), response);
        });
    }
}
