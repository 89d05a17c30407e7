package org.cocrea.commitment;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A non-governmental stakeholder's endorsement of the action plan (OGP action plan template). */
@Entity
@Table(name = "endorsement")
public class Endorsement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "action_plan")
    private String actionPlan;
    private String organization;
    private String person;
    private String role;
    @Column(name = "endorsed_on")
    private LocalDate endorsedOn;
    @Column(name = "recorded_by")
    private String recordedBy;
    @Column(name = "recorded_at")
    private Instant recordedAt;

    protected Endorsement() {
    }

    Endorsement(String actionPlan, String organization, String person, String role, LocalDate endorsedOn,
            String recordedBy, Instant recordedAt) {
        this.actionPlan = actionPlan;
        this.organization = organization;
        this.person = person;
        this.role = role;
        this.endorsedOn = endorsedOn;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public Long getId() {
        return id;
    }

    public String getActionPlan() {
        return actionPlan;
    }

    public String getOrganization() {
        return organization;
    }

    /** @return who signed for the organisation, or null */
    public String getPerson() {
        return person;
    }

    /** @return the organisation's role in the plan, e.g. "miembro del foro multiactor" */
    public String getRole() {
        return role;
    }

    /** @return the day of the endorsement (Buenos Aires calendar) */
    public LocalDate getEndorsedOn() {
        return endorsedOn;
    }
}
