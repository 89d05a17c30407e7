package org.cocrea.proposal;

/**
 * The public HTML form's fields (bound by Spring MVC). Mutable because form binding needs setters.
 */
public class ProposalForm {

    private String title;
    private String description;
    private String axis;
    private String submitterType;
    private String organization;
    private String name;
    private String email;
    private boolean consent;

    ProposalInput toInput(String language) {
        return new ProposalInput(title, description, axis, submitterType, organization, name, email, consent, language,
                null);
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getAxis() {
        return axis;
    }

    public void setAxis(String axis) {
        this.axis = axis;
    }

    public String getSubmitterType() {
        return submitterType;
    }

    public void setSubmitterType(String submitterType) {
        this.submitterType = submitterType;
    }

    public String getOrganization() {
        return organization;
    }

    public void setOrganization(String organization) {
        this.organization = organization;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public boolean isConsent() {
        return consent;
    }

    public void setConsent(boolean consent) {
        this.consent = consent;
    }
}
