package org.cocrea.area;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A government area (e.g. "Secretaría Legal y Técnica") and the Camunda candidate group of its staff
 * (e.g. {@code area-legal-tecnica}).
 */
@Entity
@Table(name = "area")
public class Area {

    @Id
    private String id;
    @Column(name = "name_es")
    private String nameEs;
    @Column(name = "name_en")
    private String nameEn;
    @Column(name = "candidate_group")
    private String candidateGroup;
    /** Axis ids separated by {@code ;} or {@code |}. */
    private String axes;

    protected Area() {
    }

    /**
     * @param id             stable id, e.g. {@code legal-tecnica}
     * @param nameEs         Spanish name
     * @param nameEn         English name
     * @param candidateGroup Camunda group id of the area's staff, e.g. {@code area-legal-tecnica}
     * @param axes           axis ids this area answers for
     */
    public Area(String id, String nameEs, String nameEn, String candidateGroup, List<String> axes) {
        this.id = id;
        update(nameEs, nameEn, candidateGroup, axes);
    }

    void update(String nameEs, String nameEn, String candidateGroup, List<String> axes) {
        this.nameEs = nameEs;
        this.nameEn = nameEn;
        this.candidateGroup = candidateGroup;
        this.axes = String.join(";", axes);
    }

    public String getId() {
        return id;
    }

    public String getNameEs() {
        return nameEs;
    }

    public String getNameEn() {
        return nameEn;
    }

    /**
     * @param locale the reader's locale; English for {@code en}, Spanish otherwise
     * @return the area's name in that language
     */
    public String name(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameEs;
    }

    public String getCandidateGroup() {
        return candidateGroup;
    }

    /** @return the axis ids this area answers for */
    public List<String> getAxes() {
        return Arrays.stream(axes.split("[;|]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
