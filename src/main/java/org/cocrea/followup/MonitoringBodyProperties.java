package org.cocrea.followup;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The independent monitoring body ({@code cocrea.monitoring-body.*}), which evaluates each commitment when it ends. Not
 * chosen yet for the plan: blank values mean "to be defined" (shown with the {@code followup.monitoringBody.tbd}
 * text, and no mail is written to a body without an address).
 *
 * @param name  the body's name, blank when to be defined
 * @param email its contact address, blank when to be defined
 */
@ConfigurationProperties("cocrea.monitoring-body")
public record MonitoringBodyProperties(String name, String email) {

    /** @return whether an address is configured */
    public boolean hasEmail() {
        return email != null && !email.isBlank();
    }

    /** @return whether a name is configured */
    public boolean hasName() {
        return name != null && !name.isBlank();
    }
}
