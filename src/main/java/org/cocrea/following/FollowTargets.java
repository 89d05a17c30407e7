package org.cocrea.following;

import java.util.Locale;
import java.util.Optional;

import org.cocrea.commitment.CommitmentSheets;
import org.cocrea.community.Communities;
import org.cocrea.commitment.PublishedCommitments;
import org.cocrea.proposal.Proposals;
import org.springframework.stereotype.Component;

/**
 * Finds a followable page through the owning features' public read APIs: a proposal by tracking code, a draft the
 * public can read ({@link CommitmentSheets#publicDrafts()}) by id, a published commitment by code, a community of
 * practice by slug.
 */
@Component
class FollowTargets {

    /** What a follow points at, resolved. */
    record Resolved(FollowTarget type, String key, Long proposalId, Long commitmentId) {
    }

    private final Proposals proposals;
    private final CommitmentSheets sheets;
    private final PublishedCommitments published;
    private final Communities communities;

    FollowTargets(Proposals proposals, CommitmentSheets sheets, PublishedCommitments published,
            Communities communities) {
        this.communities = communities;
        this.proposals = proposals;
        this.sheets = sheets;
        this.published = published;
    }

    Optional<Resolved> resolve(FollowTarget type, String key) {
        if (key == null || key.isBlank() || key.length() > 40) {
            return Optional.empty();
        }
        String k = key.strip();
        return switch (type) {
            case PROPOSAL -> proposals.byTrackingCode(k)
                    .map(p -> new Resolved(type, p.getTrackingCode(), p.getId(), null));
            case DRAFT -> k.matches("\\d{1,18}") ? sheets.publicDrafts().stream()
                    .filter(c -> c.getId() == Long.parseLong(k)).findFirst()
                    .map(c -> new Resolved(type, String.valueOf(c.getId()), null, c.getId())) : Optional.empty();
            case COMMITMENT -> published.summaryOfCode(k.toUpperCase(Locale.ROOT))
                    .filter(PublishedCommitments.Summary::published)
                    .map(s -> new Resolved(type, s.code(), null, s.id()));
            case COMMUNITY -> communities.bySlug(k).map(c -> new Resolved(type, c.getSlug(), null, null));
        };
    }

    /** @return how the follow's page is named in mails, e.g. {@code CC-7K3M9P2Q «Corredores verdes»} */
    String label(Follow follow) {
        String language = follow.getLanguage();
        return switch (follow.getTargetType()) {
            case PROPOSAL -> proposals.byTrackingCode(follow.getTargetKey())
                    .map(p -> p.getTrackingCode() + " «" + p.getTitle() + "»").orElse(follow.getTargetKey());
            case DRAFT, COMMITMENT -> follow.getCommitmentId() == null ? follow.getTargetKey()
                    : commitmentLabel(follow.getCommitmentId(), language).orElse(follow.getTargetKey());
            case COMMUNITY -> communityLabel(follow.getTargetKey(), language);
        };
    }

    /** @return how a community is named in mails, e.g. {@code «Reutilización de datos abiertos»} */
    String communityLabel(String slug, String language) {
        return communities.bySlug(slug).map(c -> "«" + c.name(Locale.forLanguageTag(language)) + "»").orElse(slug);
    }

    Optional<String> commitmentLabel(long commitmentId, String language) {
        return published.summary(commitmentId).map(s -> (s.code() == null ? "" : s.code() + " ")
                + "«" + s.title(language) + "»");
    }

    Optional<String> commitmentCode(long commitmentId) {
        return published.summary(commitmentId).map(PublishedCommitments.Summary::code);
    }
}
