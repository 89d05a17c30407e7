package org.cocrea.proposal;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cocrea.consultation.CallForProposals;
import org.cocrea.consultation.Consultations;
import org.cocrea.kernel.FieldProblem;
import org.cocrea.kernel.InputRefusedException;
import org.cocrea.kernel.InputText;
import org.cocrea.notification.MailOutbox;
import org.cocrea.notification.OutgoingMail;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The intake of proposals: validation, the tracking code, storing, and the proposer's confirmation mail. */
@Component
class ProposalIntake {

    private static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    private final ProposalRepository repository;
    private final Consultations consultations;
    private final MailOutbox outbox;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final SecureRandom random = new SecureRandom();

    ProposalIntake(ProposalRepository repository, Consultations consultations, MailOutbox outbox,
            ApplicationEventPublisher events, MessageSource messages) {
        this.repository = repository;
        this.consultations = consultations;
        this.outbox = outbox;
        this.events = events;
        this.messages = messages;
    }

    Proposal store(ProposalInput raw, Channel channel, Instant submittedAt) {
        CallForProposals call = consultations.acceptingCall().orElseThrow(NoOpenCallException::new);
        ProposalInput input = new ProposalInput(ProposalValidator.clean(raw.title()),
                ProposalValidator.clean(raw.description()), ProposalValidator.clean(raw.axis()),
                ProposalValidator.clean(raw.submitterType()), ProposalValidator.clean(raw.organization()),
                ProposalValidator.clean(raw.name()), ProposalValidator.clean(raw.email()), raw.consent(),
                "en".equals(raw.language()) ? "en" : "es", ProposalValidator.clean(raw.externalRef()));
        List<FieldProblem> problems = new ArrayList<>(ProposalValidator.validate(input, call));
        if (input.externalRef() != null) {
            if (InputText.hasForbiddenCharacters(input.externalRef())) {
                problems.add(FieldProblem.of("ref", "validation.controlCharacters"));
            } else if (InputText.exceeds(input.externalRef(), 50)) {
                problems.add(FieldProblem.of("ref", "validation.tooLong", 50));
            } else if (repository.existsByCallIdAndExternalRef(call.getId(), input.externalRef())) {
                problems.add(FieldProblem.of("ref", "validation.duplicate"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InputRefusedException(problems);
        }
        Proposal proposal = repository.save(new Proposal(newTrackingCode(), call.getId(), input, channel, submittedAt));
        events.publishEvent(new ProposalSubmitted(proposal.getId(), proposal.getTrackingCode(), call.getId(),
                proposal.getAxis(), proposal.getSubmitterType()));
        Locale locale = Locale.forLanguageTag(proposal.getLanguage());
        OutgoingMail received = new OutgoingMail(proposal.getEmail(), locale, "mail/proposal-received",
                "mail.proposalReceived.subject", new Object[] {proposal.getTrackingCode()},
                Map.of("proposal", proposal, "axisName", Proposals.axisName(messages, proposal.getAxis(), locale)),
                "proposal-received", proposal.getTrackingCode());
        if (channel == Channel.CSV) {
            outbox.enqueue(received); // staff typed these addresses in: not capped
        } else {
            outbox.enqueueConfirmation(received);
        }
        return proposal;
    }

    String newTrackingCode() {
        while (true) {
            StringBuilder code = new StringBuilder("CC-");
            for (int i = 0; i < 8; i++) {
                code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
            }
            if (!repository.existsByTrackingCode(code.toString())) {
                return code.toString();
            }
        }
    }
}
