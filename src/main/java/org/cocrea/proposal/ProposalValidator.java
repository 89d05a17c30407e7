package org.cocrea.proposal;

import java.util.ArrayList;
import java.util.List;

import org.cocrea.consultation.CallForProposals;
import org.cocrea.kernel.FieldProblem;
import org.cocrea.notification.EmailAddresses;
import org.cocrea.kernel.InputText;

/**
 * Validates a submission against the public-input rules: lengths capped, e-mail well-formed, consent given, axis
 * one of the open call's, submitter type one of the five categories.
 */
final class ProposalValidator {

    static final int TITLE_MAX = 200;
    static final int DESCRIPTION_MAX = 4000;
    static final int ORGANIZATION_MAX = 200;
    static final int NAME_MAX = 150;
    static final int EMAIL_MAX = 254;

    private ProposalValidator() {
    }

    /**
     * @param input the submission, already trimmed
     * @param call  the call it is addressed to
     * @return the problems found, empty when valid
     */
    static List<FieldProblem> validate(ProposalInput input, CallForProposals call) {
        List<FieldProblem> problems = new ArrayList<>();
        text(problems, "title", input.title(), TITLE_MAX, true);
        text(problems, "description", input.description(), DESCRIPTION_MAX, true);
        if (isBlank(input.axis())) {
            problems.add(FieldProblem.of("axis", "validation.required"));
        } else if (!call.getAxes().contains(input.axis())) {
            problems.add(FieldProblem.of("axis", "validation.axis"));
        }
        if (isBlank(input.submitterType())) {
            problems.add(FieldProblem.of("submitterType", "validation.required"));
        } else if (SubmitterType.fromCode(input.submitterType()).isEmpty()) {
            problems.add(FieldProblem.of("submitterType", "validation.submitterType"));
        }
        boolean citizen = SubmitterType.CIUDADANIA.code().equals(input.submitterType());
        text(problems, "organization", input.organization(), ORGANIZATION_MAX, !citizen);
        text(problems, "name", input.name(), NAME_MAX, true);
        if (text(problems, "email", input.email(), EMAIL_MAX, true) && !EmailAddresses.isValid(input.email())) {
            problems.add(FieldProblem.of("email", "validation.email"));
        }
        if (!Boolean.TRUE.equals(input.consent())) {
            problems.add(FieldProblem.of("consent", "validation.consent"));
        }
        return problems;
    }

    /** @return true when the value is present and within the limit */
    private static boolean text(List<FieldProblem> problems, String field, String value, int max, boolean required) {
        if (isBlank(value)) {
            if (required) {
                problems.add(FieldProblem.of(field, "validation.required"));
            }
            return false;
        }
        if (InputText.exceeds(value, max)) {
            problems.add(FieldProblem.of(field, "validation.tooLong", max));
            return false;
        }
        if (InputText.hasForbiddenCharacters(value)) {
            problems.add(FieldProblem.of(field, "validation.controlCharacters"));
            return false;
        }
        return true;
    }

    /**
     * @param value text
     * @return whether it holds a control character (C0 other than tab and line breaks, DEL, C1), an unpaired
     *         surrogate or a bidirectional override/isolate (which can disguise text)
     */
    /** @return whether the text is missing or shows nothing (only spaces, no-break spaces or invisible characters) */
    static boolean isBlank(String s) {
        if (s == null) {
            return true;
        }
        return s.codePoints().allMatch(cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp)
                || Character.getType(cp) == Character.FORMAT);
    }

    /** @return the value trimmed, or null when blank */
    static String clean(String s) {
        return isBlank(s) ? null : s.strip();
    }
}
