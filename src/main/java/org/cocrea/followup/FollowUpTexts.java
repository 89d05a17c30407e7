package org.cocrea.followup;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.cocrea.kernel.FieldProblem;
import org.cocrea.kernel.InputRefusedException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Texts of {@code i18n/followup*.properties} used outside templates (month names, summaries), and the collector of
 * refusals: each reason is the key {@code followup.error.<code>}, rendered from the bundles by whoever shows it.
 */
@Component
class FollowUpTexts {

    static final Locale ES = Locale.forLanguageTag("es");
    private final MessageSource messages;

    FollowUpTexts(MessageSource messages) {
        this.messages = messages;
    }

    /** Collects problems, then throws them together. */
    final class Problems {
        private final List<FieldProblem> list = new ArrayList<>();

        /**
         * @param field field name
         * @param code  reason code: message key {@code followup.error.<code>}
         * @param args  message arguments; a null one is shown as the text {@code null}
         */
        void add(String field, String code, Object... args) {
            list.add(new FieldProblem(field, "followup.error." + code,
                    Arrays.stream(args).map(a -> a == null ? (Object) "null" : a).toList()));
        }

        boolean isEmpty() {
            return list.isEmpty();
        }

        /** @throws InputRefusedException when any problem was added */
        void throwIfAny() {
            if (!list.isEmpty()) {
                throw new InputRefusedException(list);
            }
        }
    }

    Problems problems() {
        return new Problems();
    }

    /** @throws InputRefusedException with that one problem */
    void refuse(String field, String code, Object... args) {
        Problems p = problems();
        p.add(field, code, args);
        p.throwIfAny();
    }

    /**
     * @param period first day of a month
     * @param locale language
     * @return e.g. "noviembre de 2026" / "November 2026"
     */
    String month(LocalDate period, Locale locale) {
        return period.format(DateTimeFormatter.ofPattern(messages.getMessage("followup.monthPattern", null, locale),
                locale));
    }

    String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
