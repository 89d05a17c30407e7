package org.cocrea.community;

import java.time.Instant;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.cocrea.kernel.BilingualText;

/**
 * A community of practice, e.g. "Reutilización de datos abiertos": a name and a description in Spanish (required)
 * and English (optional), and a stable public address {@code /communities/{slug}}.
 */
@Entity
@Table(name = "community")
public class Community {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String slug;
    @Column(name = "name_es")
    private String nameEs;
    @Column(name = "name_en")
    private String nameEn;
    @Column(name = "description_es")
    private String descriptionEs;
    @Column(name = "description_en")
    private String descriptionEn;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;

    protected Community() {
    }

    Community(String slug, String nameEs, String nameEn, String descriptionEs, String descriptionEn, String by,
            Instant now) {
        this.slug = slug;
        edit(nameEs, nameEn, descriptionEs, descriptionEn);
        this.createdBy = by;
        this.createdAt = now;
    }

    void edit(String nameEs, String nameEn, String descriptionEs, String descriptionEn) {
        this.nameEs = nameEs;
        this.nameEn = nameEn;
        this.descriptionEs = descriptionEs;
        this.descriptionEn = descriptionEn;
    }

    public Long getId() {
        return id;
    }

    /** @return the public address's last part, lower-case letters, digits and hyphens, at most 40 characters */
    public String getSlug() {
        return slug;
    }

    public String getNameEs() {
        return nameEs;
    }

    /** @return the English name, or null when staff gave none */
    public String getNameEn() {
        return nameEn;
    }

    public String getDescriptionEs() {
        return descriptionEs;
    }

    /** @return the English description, or null when staff gave none */
    public String getDescriptionEn() {
        return descriptionEn;
    }

    /** @return the name in both languages (pages show the reader's, or the other marked as a fallback) */
    public BilingualText name() {
        return new BilingualText(nameEs, nameEn);
    }

    /** @return the description in both languages */
    public BilingualText description() {
        return new BilingualText(descriptionEs, descriptionEn);
    }

    /**
     * @param locale the reader's language
     * @return the name in English for an English reader when there is one, otherwise the Spanish name
     */
    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) && nameEn != null ? nameEn : nameEs;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
