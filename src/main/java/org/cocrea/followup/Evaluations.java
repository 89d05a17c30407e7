package org.cocrea.followup;

import java.time.Clock;
import java.util.Optional;

import org.cocrea.commitment.PublishedCommitments;
import org.cocrea.kernel.InputText;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The independent monitoring body's evaluation of an ended commitment, with the IRM scales: completion level and "did
 * it open government?", whether it was verifiable and relevant to OGP values, and notes. One per commitment (a second
 * evaluation replaces the first). Public on the dashboard.
 */
@Service
public class Evaluations {

    /** Longest notes (column size). */
    public static final int MAX_NOTES = 8000;

    private final EvaluationRepository evaluations;
    private final PublishedCommitments commitments;
    private final FollowUpTexts texts;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Evaluations(EvaluationRepository evaluations, PublishedCommitments commitments, FollowUpTexts texts,
            Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.evaluations = evaluations;
        this.commitments = commitments;
        this.texts = texts;
        this.clock = clock;
    }

    /**
     * Records the evaluation.
     *
     * @param commitmentId     database id
     * @param completionLevel  {@link CompletionLevel} name
     * @param openedGovernment {@link OpenedGovernment} name
     * @param verifiable       required
     * @param relevant         required
     * @param notes            optional, at most {@value #MAX_NOTES} characters
     * @param evaluatedBy      user id of the monitoring body's member
     * @return the stored evaluation
     * @throws org.cocrea.kernel.InputRefusedException listing every problem ({@code followup.error.*}); nothing is
     *                                                stored
     */
    @Transactional
    public MonitoringEvaluation record(long commitmentId, String completionLevel, String openedGovernment,
            Boolean verifiable, Boolean relevant, String notes, String evaluatedBy) {
        FollowUpTexts.Problems problems = texts.problems();
        CompletionLevel level = parse(CompletionLevel.class, completionLevel);
        if (level == null) {
            problems.add("completionLevel", "completionLevel");
        }
        OpenedGovernment opened = parse(OpenedGovernment.class, openedGovernment);
        if (opened == null) {
            problems.add("openedGovernment", "openedGovernment");
        }
        if (verifiable == null) {
            problems.add("verifiable", "yesNo");
        }
        if (relevant == null) {
            problems.add("relevant", "yesNo");
        }
        String n = notes == null || notes.isBlank() ? null : notes.trim();
        if (n != null && InputText.exceeds(n, MAX_NOTES)) {
            problems.add("evaluationNotes", "tooLong", "", MAX_NOTES);
        } else if (InputText.hasForbiddenCharacters(n)) {
            problems.add("evaluationNotes", "characters", "");
        }
        if (commitments.summary(commitmentId).isEmpty()) {
            problems.add("commitmentId", "unknownCommitment", commitmentId);
        }
        problems.throwIfAny();
        MonitoringEvaluation e = evaluations.findByCommitmentId(commitmentId)
                .orElseGet(() -> new MonitoringEvaluation(commitmentId));
        e.set(level, opened, verifiable, relevant, n, evaluatedBy, clock.instant());
        MonitoringEvaluation saved = evaluations.save(e);
        events.publishEvent(new EvaluationPublished(commitmentId));
        return saved;
    }

    /**
     * @param commitmentId database id
     * @return its evaluation, if made
     */
    @Transactional(readOnly = true)
    public Optional<MonitoringEvaluation> of(long commitmentId) {
        return evaluations.findByCommitmentId(commitmentId);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
