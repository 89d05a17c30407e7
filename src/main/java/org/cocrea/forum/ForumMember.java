package org.cocrea.forum;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A member of the multi-stakeholder forum: an organisation of a sector, government or civil society, represented by
 * a person for a term (dates on the Buenos Aires calendar, the end inclusive or open). The e-mail is for the forum's
 * mail only (drafts, meeting invitations) and never published; the representative's name is published only when
 * {@link #isNamePublic()}.
 */
@Entity
@Table(name = "forum_member")
public class ForumMember {

    /** The sector an organisation belongs to. */
    public enum Sector {
        ACADEMIA, BUSINESS, CIVIL_SOCIETY, EXECUTIVE, JUDICIARY, LEGISLATURE, MEDIA, OTHER
    }

    /** Which side of the forum a member sits on (Standard 1 asks for both). */
    public enum Type {
        GOVERNMENT, CIVIL_SOCIETY
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String organisation;
    @Enumerated(EnumType.STRING)
    private Sector sector;
    @Enumerated(EnumType.STRING)
    @Column(name = "member_type")
    private Type type;
    private String representative;
    @Column(name = "name_public")
    private boolean namePublic;
    private String email;
    @Column(name = "term_start")
    private LocalDate termStart;
    @Column(name = "term_end")
    private LocalDate termEnd;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected ForumMember() {
    }

    ForumMember(String createdBy, Instant now) {
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    void set(Forum.MemberFields f, Instant now) {
        this.organisation = f.organisation();
        this.sector = f.sector();
        this.type = f.type();
        this.representative = f.representative();
        this.namePublic = f.namePublic();
        this.email = f.email();
        this.termStart = f.termStart();
        this.termEnd = f.termEnd();
        this.updatedAt = now;
    }

    void endTerm(LocalDate on, Instant now) {
        this.termEnd = on;
        this.updatedAt = now;
    }

    /**
     * @param day a day of the Buenos Aires calendar
     * @return whether the term covers it: start on or before, end open or on or after
     */
    public boolean currentOn(LocalDate day) {
        return !termStart.isAfter(day) && (termEnd == null || !termEnd.isBefore(day));
    }

    public Long getId() {
        return id;
    }

    public String getOrganisation() {
        return organisation;
    }

    public Sector getSector() {
        return sector;
    }

    public Type getType() {
        return type;
    }

    /** @return the representative's name: staff pages only unless {@link #isNamePublic()} */
    public String getRepresentative() {
        return representative;
    }

    /** @return whether the representative agreed to have the name shown on the public page */
    public boolean isNamePublic() {
        return namePublic;
    }

    /** @return the address the forum's mail goes to; never shown publicly */
    public String getEmail() {
        return email;
    }

    public LocalDate getTermStart() {
        return termStart;
    }

    /** @return the last day of the term, or null while open */
    public LocalDate getTermEnd() {
        return termEnd;
    }
}
