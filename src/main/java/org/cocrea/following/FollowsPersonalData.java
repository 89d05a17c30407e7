package org.cocrea.following;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cocrea.participant.PersonalDataSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's follows in the directory's export (right of access, Ley 25.326 art. 14): what is followed, how often it
 * is mailed, and when consent was given and to which text; the erasure is {@link FollowingListeners}' (every follow
 * of the address is deleted).
 */
@Component
class FollowsPersonalData implements PersonalDataSource {

    private final FollowRepository follows;

    FollowsPersonalData(FollowRepository follows) {
        this.follows = follows;
    }

    @Override
    public String section() {
        return "follows";
    }

    @Override
    @Transactional(readOnly = true)
    public List<Map<String, Object>> export(String email) {
        return follows.findByEmailOrderByIdAsc(email).stream().map(f -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("page", f.getTargetType().page(f.getTargetKey()));
            row.put("frequency", f.getFrequency().name());
            row.put("language", f.getLanguage());
            row.put("requestedAt", f.getRequestedAt());
            row.put("confirmedAt", f.getConfirmedAt());
            row.put("consentAt", f.getConsentAt());
            row.put("consentVersion", f.getConsentVersion());
            row.put("unsubscribedAt", f.getUnsubscribedAt());
            return row;
        }).toList();
    }
}
