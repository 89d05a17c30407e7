package org.cocrea.proposal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.cocrea.kernel.FieldProblem;
import org.cocrea.kernel.InputRefusedException;
import org.cocrea.kernel.InputText;
import org.cocrea.notification.MailOutbox;
import org.cocrea.notification.OutgoingMail;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The area's feasibility review of a proposal and the reasoned response to the proposer (draft, record, send). */
@Component
class ProposalReviews {

    private static final int REASONING_MAX = 4000;
    private static final int CONTACT_MAX = 200;
    /** Longest reasoned response (characters). */
    static final int RESPONSE_MAX = 3900;

    private final ProposalRepository repository;
    private final MailOutbox outbox;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final Clock clock;

    ProposalReviews(ProposalRepository repository, MailOutbox outbox, ApplicationEventPublisher events,
            MessageSource messages, Clock clock) {
        this.repository = repository;
        this.outbox = outbox;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
    }

    void recordReview(long proposalId, String verdictCode, String reasoning, Boolean willingToCoCreate,
            String contactPerson, String reviewedBy) {
        List<FieldProblem> problems = new ArrayList<>();
        Optional<Verdict> verdict = Verdict.fromCode(verdictCode);
        if (verdict.isEmpty()) {
            problems.add(FieldProblem.of("verdict", "review.verdict"));
        }
        if (ProposalValidator.isBlank(reasoning)) {
            problems.add(FieldProblem.of("reasoning", "review.reasoning.required"));
        } else if (InputText.hasForbiddenCharacters(reasoning)) {
            problems.add(FieldProblem.of("reasoning", "review.reasoning.controlCharacters"));
        } else if (InputText.exceeds(reasoning.strip(), REASONING_MAX)) {
            problems.add(FieldProblem.of("reasoning", "review.reasoning.tooLong", REASONING_MAX));
        }
        if (willingToCoCreate == null) {
            problems.add(FieldProblem.of("willingToCoCreate", "review.willingToCoCreate"));
        }
        if (ProposalValidator.isBlank(contactPerson)) {
            problems.add(FieldProblem.of("contactPerson", "review.contactPerson.required"));
        } else if (InputText.hasForbiddenCharacters(contactPerson)) {
            problems.add(FieldProblem.of("contactPerson", "review.contactPerson.controlCharacters"));
        } else if (InputText.exceeds(contactPerson.strip(), CONTACT_MAX)) {
            problems.add(FieldProblem.of("contactPerson", "review.contactPerson.tooLong", CONTACT_MAX));
        }
        if (!problems.isEmpty()) {
            throw new InputRefusedException(problems);
        }
        Proposal proposal = Proposals.find(repository, proposalId);
        proposal.recordReview(verdict.get(), reasoning.strip(), willingToCoCreate, contactPerson.strip(), reviewedBy,
                clock.instant());
        events.publishEvent(new FeasibilityReviewed(proposalId, proposal.getCallId()));
    }

    String draftResponse(long proposalId) {
        Proposal p = Proposals.find(repository, proposalId);
        Locale locale = Locale.forLanguageTag(p.getLanguage());
        String intro = messages.getMessage("response.intro." + (p.getVerdict() == null ? "none" : p.getVerdict()),
                new Object[] {p.getTitle()}, locale);
        String text = intro + "\n\n" + (p.getReasoning() == null ? "" : p.getReasoning());
        return InputText.cut(text, RESPONSE_MAX);
    }

    void recordResponse(long proposalId, String responseText) {
        if (ProposalValidator.isBlank(responseText)) {
            throw InputRefusedException.of("responseText", "review.response.required");
        }
        if (InputText.hasForbiddenCharacters(responseText)) {
            throw InputRefusedException.of("responseText", "review.response.controlCharacters");
        }
        if (InputText.exceeds(responseText.strip(), RESPONSE_MAX)) {
            throw InputRefusedException.of("responseText", "review.response.tooLong", RESPONSE_MAX);
        }
        Proposals.find(repository, proposalId).recordResponse(responseText.strip());
    }

    void sendResponse(long proposalId) {
        Proposal p = Proposals.find(repository, proposalId);
        if (p.getStatus() == ProposalStatus.RESPONDED) {
            return;
        }
        if (p.getResponseText() == null) {
            throw new IllegalStateException("Proposal " + p.getTrackingCode() + " has no reasoned response to send");
        }
        Locale locale = Locale.forLanguageTag(p.getLanguage());
        outbox.enqueue(new OutgoingMail(p.getEmail(), locale, "mail/reasoned-response", "mail.reasonedResponse.subject",
                new Object[] {p.getTrackingCode()}, Map.of("proposal", p, "axisName", Proposals.axisName(messages, p.getAxis(), locale)),
                "reasoned-response", p.getTrackingCode()));
        p.markResponded(clock.instant());
        events.publishEvent(new ReasonedResponseSent(p.getId(), p.getTrackingCode()));
    }
}
