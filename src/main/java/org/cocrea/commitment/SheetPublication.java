package org.cocrea.commitment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cocrea.kernel.FieldProblem;
import org.cocrea.kernel.InputRefusedException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Validation of the final text by the lead area and publication with the next code, for {@link CommitmentSheets}. */
@Component
class SheetPublication {

    private final CommitmentRepository commitments;
    private final CommitmentCodeRepository codes;
    private final SheetRules rules;
    private final SheetVersions sheets;
    private final DraftComments comments;
    private final CommitmentProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SheetPublication(CommitmentRepository commitments, CommitmentCodeRepository codes, SheetRules rules,
            SheetVersions sheets, DraftComments comments, CommitmentProperties properties,
            ApplicationEventPublisher events, Clock clock) {
        this.commitments = commitments;
        this.codes = codes;
        this.rules = rules;
        this.sheets = sheets;
        this.comments = comments;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** See {@link CommitmentSheets#requestValidation}. */
    String requestValidation(Commitment c) {
        List<FieldProblem> p = new ArrayList<>(rules.validate(sheets.sheetOf(c)));
        if (comments.unanswered(c.getId()) > 0) {
            p.add(FieldProblem.of("comments", "comment.error.unanswered"));
        }
        if (c.getStatus() == Commitment.Status.PUBLISHED || c.getStatus() == Commitment.Status.CIRCULATING) {
            p.add(FieldProblem.of("status", "sheet.error.locked"));
        }
        if (!p.isEmpty()) {
            throw new InputRefusedException(p);
        }
        c.requestValidation();
        return c.getLeadAreaGroup();
    }

    /** See {@link CommitmentSheets#rejectValidation}. */
    void rejectValidation(Commitment c, String reason) {
        List<FieldProblem> p = new ArrayList<>();
        if (c.getStatus() != Commitment.Status.VALIDATING) {
            p.add(FieldProblem.of("status", "sheet.error.notValidating"));
        }
        SheetRules.required(p, "reason", reason, CommitmentSheets.MAX_TEXT);
        if (!p.isEmpty()) {
            throw new InputRefusedException(p);
        }
        c.backToConsolidation();
    }

    /** See {@link CommitmentSheets#publish}. */
    String publish(Commitment c) {
        if (c.getStatus() == Commitment.Status.PUBLISHED) {
            return c.getCode();
        }
        if (c.getStatus() != Commitment.Status.VALIDATING) {
            throw InputRefusedException.of("status", "sheet.error.notValidated");
        }
        String prefix = properties.codePrefix();
        int next = codes.codesStartingWith(prefix).stream().map(code -> code.substring(prefix.length()))
                .filter(n -> n.matches("\\d+")).mapToInt(Integer::parseInt).max().orElse(0) + 1;
        String code = prefix + String.format(Locale.ROOT, "%0" + properties.codeDigits() + "d", next);
        c.publishAs(code, clock.instant());
        commitments.flush();
        events.publishEvent(new CommitmentPublished(c.getId(), code));
        return code;
    }
}
