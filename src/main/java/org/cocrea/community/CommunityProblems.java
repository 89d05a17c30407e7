package org.cocrea.community;

import java.util.List;
import java.util.Locale;

import org.cocrea.kernel.InputRefusedException;
import org.cocrea.kernel.ProblemTexts;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The refused fields of a community form as the page shows them: each field's label ({@code community.field.*}) and
 * reason in the reader's language, with the field's name for the link to it.
 */
@Component
class CommunityProblems {

    /** One refused field as shown: {@code field} is the form field's id. */
    record Shown(String field, String text) {
    }

    private final ProblemTexts texts;

    CommunityProblems(MessageSource messages) {
        this.texts = new ProblemTexts(messages);
    }

    List<Shown> shown(InputRefusedException refused, Locale locale) {
        return refused.problems().stream()
                .map(p -> new Shown(p.field(), texts.labelled(p, "community.field.", locale))).toList();
    }
}
