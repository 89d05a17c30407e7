package org.cocrea.participant;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A person of the directory: personal data (e-mail, name) with the consent that allows Cocrea to hold it. */
@Entity
@Table(name = "contact")
public class Contact {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String email;
    private String name;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "organization_id")
    private Organization organization;
    private String language;
    @Column(name = "consent_at")
    private Instant consentAt;
    @Column(name = "consent_scope")
    private String consentScope;
    private String source;
    private boolean subscribed;
    @Column(name = "unsubscribed_at")
    private Instant unsubscribedAt;
    private String token;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "erased_at")
    private Instant erasedAt;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "contact_axis", joinColumns = @JoinColumn(name = "contact_id"))
    @Column(name = "axis")
    private Set<String> axes = new TreeSet<>();
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "contact_topic", joinColumns = @JoinColumn(name = "contact_id"))
    @Column(name = "topic")
    private Set<String> topics = new TreeSet<>();

    protected Contact() {
    }

    Contact(String email, String token, String source, Instant now) {
        this.email = email;
        this.token = token;
        this.source = source;
        this.language = "es";
        this.subscribed = true;
        this.createdAt = now;
    }

    void update(String name, Organization organization, String language, Instant consentAt, String consentScope) {
        if (name != null) {
            this.name = name;
        }
        if (organization != null) {
            this.organization = organization;
        }
        if (language != null) {
            this.language = language;
        }
        if (consentAt != null) {
            this.consentAt = consentAt;
            this.consentScope = consentScope;
        }
    }

    void unsubscribe(Instant at) {
        if (subscribed) {
            subscribed = false;
            unsubscribedAt = at;
        }
    }

    void resubscribe() {
        subscribed = true;
        unsubscribedAt = null;
    }

    void erase(Instant at) {
        email = "erased-" + id + "@invalid";
        name = null;
        consentAt = null;
        consentScope = null;
        subscribed = false;
        topics.clear();
        erasedAt = at;
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getName() {
        return name;
    }

    public Organization getOrganization() {
        return organization;
    }

    /** @return {@code es} or {@code en} */
    public String getLanguage() {
        return language;
    }

    /** @return when the person consented to the processing of their data; null without consent */
    public Instant getConsentAt() {
        return consentAt;
    }

    /** @return what the person consented to */
    public String getConsentScope() {
        return consentScope;
    }

    /** @return where the contact came from: {@code proposal}, {@code csv} or {@code form} */
    public String getSource() {
        return source;
    }

    /** @return whether calls for participation may be mailed to the person */
    public boolean isSubscribed() {
        return subscribed;
    }

    public Instant getUnsubscribedAt() {
        return unsubscribedAt;
    }

    /** @return the private token of the person's unsubscribe and data links */
    public String getToken() {
        return token;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getErasedAt() {
        return erasedAt;
    }

    /** @return axes of interest (ids) */
    public Set<String> getAxes() {
        return axes;
    }

    /** @return topics subscribed to, e.g. {@code reutilizacion-datos} */
    public Set<String> getTopics() {
        return topics;
    }
}
