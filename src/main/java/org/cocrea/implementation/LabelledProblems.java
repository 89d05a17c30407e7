package org.cocrea.implementation;

import java.util.List;
import java.util.Locale;

import org.cocrea.kernel.FieldProblem;
import org.cocrea.kernel.InputRefusedException;
import org.cocrea.kernel.ProblemTexts;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes the refused fields of this feature as the staff pages and Tasklist show them: one line per problem, "field:
 * reason", the field's label from {@code implementation.field.<field>} of {@code i18n/implementation*.properties}
 * and the reason rendered by the kernel's {@link ProblemTexts} (Spanish, or English for an English reader).
 */
@Component
public class LabelledProblems {

    private final MessageSource messages;
    private final ProblemTexts texts;

    LabelledProblems(MessageSource messages) {
        this.messages = messages;
        this.texts = new ProblemTexts(messages);
    }

    /**
     * @param e      the refusal
     * @param locale the reader's language
     * @return one line per problem, in the order they were found
     */
    public List<String> texts(InputRefusedException e, Locale locale) {
        return e.problems().stream().map(p -> text(p, locale)).toList();
    }

    /**
     * @param problem one refused field
     * @param locale  the reader's language
     * @return its line: the field's label, a colon and the reason, e.g. "Introducción: es obligatorio"
     */
    public String text(FieldProblem problem, Locale locale) {
        // fields added with the forum (the agenda) are labelled in the forum's bundle
        String fallback = messages.getMessage("forum.field." + problem.field(), null, problem.field(), locale);
        return messages.getMessage("implementation.field." + problem.field(), null, fallback, locale) + ": "
                + texts.text(problem, locale);
    }
}
