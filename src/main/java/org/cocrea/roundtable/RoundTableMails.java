package org.cocrea.roundtable;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.cocrea.kernel.Dates;
import org.springframework.stereotype.Component;

/** The model and language of every round-table mail (invitations, reminders, registrations). */
@Component
class RoundTableMails {

    static final Locale SPANISH = Locale.forLanguageTag("es");

    private final Dates dates;

    RoundTableMails(Dates dates) {
        this.dates = dates;
    }

    static Locale locale(String language) {
        return "en".equals(language) ? Locale.ENGLISH : SPANISH;
    }

    Map<String, Object> model(RoundTable table, String name) {
        return model(table, name, SPANISH);
    }

    Map<String, Object> model(RoundTable table, String name, Locale locale) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("name", name == null ? "" : name);
        model.put("title", table.title(locale));
        model.put("startsAt", dates.format(table.getStartsAt()));
        model.put("meetingLink", table.getMeetingLink() == null ? "" : table.getMeetingLink());
        model.put("tableId", table.getId());
        return model;
    }
}
