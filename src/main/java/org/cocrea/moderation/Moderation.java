package org.cocrea.moderation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cocrea.kernel.FieldProblem;
import org.cocrea.kernel.InputRefusedException;
import org.cocrea.kernel.InputText;
import org.cocrea.kernel.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moderation of public items (the package's one entry point and transaction boundary): reports by anyone, the queue
 * of reported items for the open-government team, and the team's logged decisions (hide or keep, with a reason, the
 * staff user and the instant). Items are reached through the features' {@link ModeratedItems} beans. Refusals are
 * {@link InputRefusedException}s with message keys of {@code i18n/moderation}; an unknown item is a
 * {@link NotFoundException}. Rule: OGP Participation and Co-Creation Standard (a respectful public space whose
 * record stays honest: hidden items keep a placeholder with the reason).
 */
@Service
public class Moderation {

    /** Longest reason of a report or a decision, in characters. */
    public static final int MAX_REASON = 1000;

    private final Map<ModeratedKind, ModeratedItems> items = new EnumMap<>(ModeratedKind.class);
    private final ModerationReportRepository reports;
    private final ModerationDecisionRepository decisions;
    private final Clock clock;

    Moderation(List<ModeratedItems> features, ModerationReportRepository reports,
            ModerationDecisionRepository decisions, Clock clock) {
        features.forEach(f -> items.put(f.kind(), f));
        this.reports = reports;
        this.decisions = decisions;
        this.clock = clock;
    }

    /**
     * A reported item waiting for the team, with its reports.
     *
     * @param item    the item as its feature shows it now
     * @param reasons the reports' reasons, oldest first
     * @param first   when it was first reported (an instant; shown in Buenos Aires time)
     */
    public record QueueEntry(ModeratedItem item, List<String> reasons, Instant first) {
    }

    /**
     * Records a report of an item as abusive. Reporting a hidden or withdrawn item changes nothing (accepted
     * quietly: there is nothing left to moderate).
     *
     * @param kind   the kind's key ({@link ModeratedKind#key()})
     * @param id     the item's id
     * @param reason why it is abusive (required, at most {@value #MAX_REASON} characters, no control characters)
     * @return the item reported (its page is where the reporter goes back to)
     * @throws NotFoundException     when the kind or the item is unknown
     * @throws InputRefusedException {@code reason}: missing, too long or with forbidden characters; nothing stored
     */
    @Transactional
    public ModeratedItem report(String kind, long id, String reason) {
        ModeratedItem item = item(kind, id);
        String clean = reason(reason);
        if (!item.hidden() && !item.withdrawn()) {
            reports.save(new ModerationReport(item.kind(), id, clean, clock.instant()));
        }
        return item;
    }

    /**
     * @param kind the kind's key ({@link ModeratedKind#key()})
     * @param id   the item's id
     * @return the item as the moderation queue sees it (for the report pages' link back to it)
     * @throws NotFoundException when the kind or the item is unknown
     */
    @Transactional(readOnly = true)
    public ModeratedItem find(String kind, long id) {
        return item(kind, id);
    }

    /** @return the reported items still waiting for a decision, the longest waiting first */
    @Transactional(readOnly = true)
    public List<QueueEntry> queue() {
        Map<String, List<ModerationReport>> byItem = new LinkedHashMap<>();
        for (ModerationReport r : reports.findByDecisionIdIsNullOrderByIdAsc()) {
            byItem.computeIfAbsent(r.getKind().key() + "/" + r.getItemId(), k -> new ArrayList<>()).add(r);
        }
        List<QueueEntry> out = new ArrayList<>();
        for (List<ModerationReport> open : byItem.values()) {
            ModerationReport first = open.get(0);
            ModeratedItems feature = items.get(first.getKind());
            if (feature == null) {
                continue;
            }
            feature.find(first.getItemId()).ifPresent(item -> out.add(new QueueEntry(item,
                    open.stream().map(ModerationReport::getReason).toList(), first.getReportedAt())));
        }
        return out;
    }

    /** @return the 100 latest decisions, newest first (the moderation log) */
    @Transactional(readOnly = true)
    public List<ModerationDecision> log() {
        return decisions.findTop100ByOrderByIdDesc();
    }

    /**
     * Decides on a reported item: {@code HIDE} replaces it publicly by the placeholder with the reason, {@code KEEP}
     * leaves it; either way its open reports leave the queue and the decision is logged with the user and the instant.
     *
     * @param kind    the kind's key
     * @param id      the item's id
     * @param outcome {@code HIDE} or {@code KEEP}
     * @param reason  the team's reason (required, at most {@value #MAX_REASON} characters; the public placeholder
     *                shows it when hiding)
     * @param by      the staff user id
     * @return the logged decision
     * @throws NotFoundException     when the kind or the item is unknown
     * @throws InputRefusedException {@code outcome} or {@code reason} invalid; nothing changed
     */
    @Transactional
    public ModerationDecision decide(String kind, long id, String outcome, String reason, String by) {
        ModeratedItem item = item(kind, id);
        List<FieldProblem> problems = new ArrayList<>();
        ModerationDecision.Outcome value = null;
        try {
            value = ModerationDecision.Outcome.valueOf(outcome == null ? "" : outcome);
        } catch (IllegalArgumentException e) {
            problems.add(FieldProblem.of("outcome", "moderation.error.outcome"));
        }
        String clean = null;
        try {
            clean = reason(reason);
        } catch (InputRefusedException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new InputRefusedException(problems);
        }
        Instant now = clock.instant();
        ModerationDecision decision = decisions.save(new ModerationDecision(item.kind(), id, value, clean, by, now));
        if (value == ModerationDecision.Outcome.HIDE && !item.hidden()) {
            items.get(item.kind()).hide(id, clean, now);
        }
        reports.findByKindAndItemIdAndDecisionIdIsNull(item.kind(), id).forEach(r -> r.close(decision.getId()));
        return decision;
    }

    private ModeratedItem item(String kind, long id) {
        ModeratedKind k = ModeratedKind.of(kind).orElseThrow(() -> new NotFoundException("moderated-kind", kind));
        ModeratedItems feature = items.get(k);
        if (feature == null) {
            throw new NotFoundException("moderated-kind", kind);
        }
        return feature.find(id).orElseThrow(() -> new NotFoundException(k.key(), id));
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw InputRefusedException.of("reason", "moderation.error.reasonRequired");
        }
        if (InputText.hasForbiddenCharacters(reason)) {
            throw InputRefusedException.of("reason", "moderation.error.characters");
        }
        String clean = reason.strip();
        if (InputText.exceeds(clean, MAX_REASON)) {
            throw InputRefusedException.of("reason", "moderation.error.reasonLength");
        }
        return clean;
    }
}
