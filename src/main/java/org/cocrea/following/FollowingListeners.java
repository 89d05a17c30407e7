package org.cocrea.following;

import java.util.List;
import java.util.Locale;

import org.cocrea.commitment.CommitmentPublished;
import org.cocrea.commitment.DraftCirculated;
import org.cocrea.community.CommunityEventAnnounced;
import org.cocrea.kernel.Dates;
import org.cocrea.kernel.ProblemTexts;
import org.springframework.context.MessageSource;
import org.cocrea.followup.EvaluationPublished;
import org.cocrea.followup.FollowUpReportAccepted;
import org.cocrea.participant.ContactErased;
import org.cocrea.proposal.Proposal;
import org.cocrea.proposal.Proposals;
import org.cocrea.proposal.ReasonedResponseSent;
import org.cocrea.roundtable.RoundTableEvents;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns the other features' events into mails to followers. Each listener runs synchronously in the transaction that
 * published the event (joining it), so the change and its mails (or digest rows) commit together or not at all: the
 * outbox is the integrity point, a crash can neither lose nor repeat a mail.
 */
@Component
class FollowingListeners {

    private final Followers followers;
    private final FollowRepository follows;
    private final FollowTargets targets;
    private final Proposals proposals;
    private final Dates dates;
    private final ProblemTexts texts;

    FollowingListeners(Followers followers, FollowRepository follows, FollowTargets targets, Proposals proposals,
            Dates dates, MessageSource messages) {
        this.dates = dates;
        this.texts = new ProblemTexts(messages);
        this.followers = followers;
        this.follows = follows;
        this.targets = targets;
        this.proposals = proposals;
    }

    @EventListener
    @Transactional
    void on(ReasonedResponseSent event) {
        followers.notify(follows.findByProposalIdInOrderByIdAsc(List.of(event.proposalId())), "reasonedResponse",
                null, "/proposals/" + event.trackingCode());
    }

    /** Followers of the proposals of the call on the round-table's axis. */
    @EventListener
    @Transactional
    void on(RoundTableEvents.RoundTableScheduled event) {
        List<Long> ids = proposals.ofCall(event.callId()).stream()
                .filter(p -> event.axis().equals(p.getAxis())).map(Proposal::getId).toList();
        if (!ids.isEmpty()) {
            followers.notify(follows.findByProposalIdInOrderByIdAsc(ids), "roundTableScheduled", null,
                    "/round-tables/" + event.roundTableId());
        }
    }

    @EventListener
    @Transactional
    void on(DraftCirculated event) {
        commitmentChanged(event.commitmentId(), "draftCirculated", "/drafts/" + event.commitmentId());
    }

    @EventListener
    @Transactional
    void on(CommitmentPublished event) {
        commitmentChanged(event.commitmentId(), "commitmentPublished", "/dashboard/" + event.code());
    }

    @EventListener
    @Transactional
    void on(FollowUpReportAccepted event) {
        commitmentChanged(event.commitmentId(), "reportAccepted", dashboardOf(event.commitmentId()));
    }

    @EventListener
    @Transactional
    void on(EvaluationPublished event) {
        commitmentChanged(event.commitmentId(), "evaluationPublished", dashboardOf(event.commitmentId()));
    }

    /**
     * A community event was scheduled, moved or cancelled: the community's followers are told (issue 11 part 6: new
     * events are announced to the community's subscribers), with the event's title and date.
     */
    @EventListener
    @Transactional
    void on(CommunityEventAnnounced event) {
        String when = dates.format(event.startsAt());
        String before = dates.format(event.previousStartsAt());
        followers.notify(follows.findByTargetTypeAndTargetKeyOrderByIdAsc(FollowTarget.COMMUNITY, event.slug()),
                event.change().kind(), language -> texts.text(event.previousStartsAt() == null
                        ? "community.follow.label" : "community.follow.labelMoved", Locale.forLanguageTag(language),
                        targets.communityLabel(event.slug(), language), event.title(), when, before), event.page());
    }

    /** The directory erased a person: their follows go too, in the same transaction. */
    @EventListener
    @Transactional
    void on(ContactErased event) {
        followers.forgetAddress(event.email());
    }

    private void commitmentChanged(long commitmentId, String kind, String link) {
        followers.notify(follows.findByCommitmentIdOrderByIdAsc(commitmentId), kind,
                language -> targets.commitmentLabel(commitmentId, language).orElse(String.valueOf(commitmentId)), link);
    }

    private String dashboardOf(long commitmentId) {
        return targets.commitmentCode(commitmentId).map(code -> "/dashboard/" + code)
                .orElse("/drafts/" + commitmentId);
    }
}
