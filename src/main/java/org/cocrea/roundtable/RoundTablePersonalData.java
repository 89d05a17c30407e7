package org.cocrea.roundtable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cocrea.participant.ContactErased;
import org.cocrea.participant.PersonalDataSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Round-table registrations in the directory's export and erasure (Ley 25.326 arts. 14 and 16): the export lists a
 * person's registrations; the erasure anonymises them (name, address and organisation go, the organisation type and
 * attendance stay, so the OGP participation figures of held round-tables keep their counts).
 */
@Component
class RoundTablePersonalData implements PersonalDataSource {

    private final RegistrationRepository registrations;
    private final RoundTableRepository tables;

    RoundTablePersonalData(RegistrationRepository registrations, RoundTableRepository tables) {
        this.registrations = registrations;
        this.tables = tables;
    }

    @Override
    public String section() {
        return "roundTableRegistrations";
    }

    @Override
    @Transactional(readOnly = true)
    public List<Map<String, Object>> export(String email) {
        return registrations.findByEmailIgnoreCaseOrderByIdAsc(email).stream().map(r -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("roundTable", tables.findById(r.getRoundTableId()).map(RoundTable::getTitle).orElse(null));
            row.put("name", r.getName());
            row.put("organization", r.getOrganization());
            row.put("organizationType", r.getOrganizationType());
            row.put("status", r.getStatus().name());
            row.put("attended", r.isAttended());
            row.put("language", r.getLanguage());
            row.put("createdAt", r.getCreatedAt());
            return row;
        }).toList();
    }

    /** The directory erased a person: their registrations are anonymised in the erasure's transaction. */
    @EventListener
    @Transactional
    void on(ContactErased erased) {
        registrations.findByEmailIgnoreCaseOrderByIdAsc(erased.email()).forEach(Registration::anonymise);
    }
}
