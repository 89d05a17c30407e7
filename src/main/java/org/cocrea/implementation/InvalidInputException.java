package org.cocrea.implementation;

import java.util.List;

/**
 * Input to this feature was refused; each problem names the field and a message key of
 * {@code i18n/implementation*.properties} (or a ready text from the scheduling service) with its arguments.
 */
public class InvalidInputException extends RuntimeException {

    /**
     * One refused field.
     *
     * @param field the form field or process variable, e.g. {@code startsAt}
     * @param key   message key of the reason, e.g. {@code implementation.error.required}; or null when {@code text}
     *              is the reason already written (Spanish / English)
     * @param text  the reason as text when {@code key} is null
     * @param args  arguments of the message
     */
    public record Problem(String field, String key, String text, Object... args) {
    }

    private final transient List<Problem> problems;

    /** @param problems every reason, at least one */
    public InvalidInputException(List<Problem> problems) {
        super("Datos inválidos / Invalid data: " + String.join("; ", problems.stream()
                .map(p -> p.field() + ": " + (p.key() == null ? p.text() : p.key())).toList()));
        this.problems = List.copyOf(problems);
    }

    /** @return the reasons */
    public List<Problem> problems() {
        return problems;
    }
}
