package org.cocrea.implementation;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes the reasons of an {@link InvalidInputException} in the reader's language, each as "field: reason" with the
 * field's label from {@code i18n/implementation*.properties}.
 */
@Component
public class ProblemTexts {

    private final MessageSource messages;

    ProblemTexts(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * @param e      the refusal
     * @param locale the reader's language
     * @return one line per problem
     */
    public List<String> texts(InvalidInputException e, Locale locale) {
        return e.problems().stream().map(p -> messages.getMessage("implementation.field." + p.field(), null,
                p.field(), locale) + ": " + (p.key() == null ? p.text() : messages.getMessage(p.key(), p.args(),
                locale))).toList();
    }
}
