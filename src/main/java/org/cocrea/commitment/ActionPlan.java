package org.cocrea.commitment;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cocrea.CocreaApplication;
import org.cocrea.area.Areas;
import org.cocrea.kernel.BilingualText;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.context.Context;

/**
 * The published action plan: its commitments with their milestones, as data for the HTML page, a PDF rendered from
 * the same template data (openhtmltopdf), and open data (JSON and CSV following the OGP commitment-sheet fields).
 * Also imports already-published commitments from a JSON file in the format of
 * {@code shared/data/ba-2021-2023-commitments.json} (done by {@link ActionPlanImport}); the PDF is rendered by
 * {@link PdfDocuments}.
 */
@Service
public class ActionPlan {

    /** CSV columns of the open-data export, one row per commitment. */
    public static final List<String> CSV_COLUMNS = List.of("code", "action_plan", "co_creation_instance", "title_es",
            "title_en", "lead_area", "supporting_institutions", "start_date", "end_date", "description", "ogp_values",
            "milestones", "source", "axis", "public_problem", "status_quo", "objective", "how_it_helps",
            "additional_info", "contact", "published_at", "description_en", "supporting_institutions_en",
            "lead_area_en", "milestones_en", "translated");

    private final CommitmentRepository commitments;
    private final PdfDocuments pdfs;
    private final Clock clock;
    private final Endorsements endorsements;
    private final Areas areas;
    private final String defaultPlan;
    private final ActionPlanImport importer;
    private final PublishedCommitments published;

    ActionPlan(CommitmentRepository commitments, PdfDocuments pdfs, Clock clock, Endorsements endorsements,
            Areas areas, ActionPlanImport importer, PublishedCommitments published,
            @Value("${cocrea.consultation.default-action-plan:ARBA-2021-2023}")
            String defaultPlan) {
        this.endorsements = endorsements;
        this.areas = areas;
        this.importer = importer;
        this.published = published;
        this.defaultPlan = defaultPlan;
        this.commitments = commitments;
        this.pdfs = pdfs;
        this.clock = clock;
    }

    /** @return the endorsements of the configured action plan, oldest first */
    @Transactional(readOnly = true)
    public List<Endorsement> endorsements() {
        return endorsements.of(defaultPlan);
    }

    /** @return the published commitments with their milestones, by code */
    @Transactional(readOnly = true)
    public List<Commitment> published() {
        return published.all();
    }

    /**
     * Assigns the lead area of an existing commitment (the Buenos Aires data file leaves it empty).
     *
     * @param code          commitment code, e.g. {@code ARBA0005}
     * @param leadAreaGroup the lead area's candidate group, e.g. {@code area-ambiente}
     * @param axis          the thematic axis, e.g. {@code ambiente}
     * @return true when the commitment exists and was changed, false when unknown or already assigned the same way;
     *         a commitment without a lead area's name gets the area's names (Spanish and English)
     */
    @Transactional
    public boolean assignLeadArea(String code, String leadAreaGroup, String axis) {
        return commitments.findByCode(code).map(c -> {
            boolean changed = !leadAreaGroup.equals(c.getLeadAreaGroup()) || !axis.equals(c.getAxis());
            c.assignLeadArea(leadAreaGroup, axis);
            var area = areas.byCandidateGroup(leadAreaGroup);
            if (area.isPresent()) {
                String es = area.get().getNameEs();
                String en = area.get().getNameEn();
                boolean unnamed = c.getLeadArea() == null || c.getLeadArea().isBlank();
                // named after the area (now or earlier): both of the area's names
                if ((unnamed || c.getLeadArea().equals(es)) && !Objects.equals(en,
                        c.getLeadAreaText().english())) {
                    c.nameLeadArea(es, en);
                    changed = true;
                } else if (unnamed) {
                    c.nameLeadArea(es, en);
                    changed = true;
                }
            }
            return changed;
        }).orElse(false);
    }

    /**
     * Imports already-published commitments (idempotent by code); see {@link ActionPlanImport#importPublished} for the
     * file's format, the derived milestones and the texts in both languages.
     *
     * @param in         the JSON array
     * @param actionPlan the action plan id
     * @return how many commitments were added
     * @throws IOException              when the file cannot be read
     * @throws IllegalArgumentException naming the record when the file is not in the expected format
     */
    @Transactional
    public int importPublished(InputStream in, String actionPlan) throws IOException {
        return importer.importPublished(in, actionPlan);
    }

    /**
     * @param language {@code es} or {@code en}
     * @return the published plan as open data: one map per commitment with the commitment-sheet fields; the texts
     *         {@code title}, {@code description}, {@code leadArea}, {@code supportingInstitutions} and milestones'
     *         {@code title} in that language (else in the other one), and both languages of each
     *         ({@code titleEs}/{@code titleEn}, ...), with {@code translated} listing the fields that are own
     *         translations (e.g. {@code titleEs})
     */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> openData(String language) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Commitment c : published()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", c.getCode());
            m.put("actionPlan", c.getActionPlan());
            m.put("coCreationInstance", c.getCoCreationInstance());
            List<String> translated = new ArrayList<>();
            bilingual(m, "title", c.getTitle(), language, translated);
            bilingual(m, "leadArea", c.getLeadAreaText(), language, translated);
            bilingual(m, "supportingInstitutions", c.getInstitutionsText(), language, translated);
            m.put("startDate", c.getStartDate().toString());
            m.put("endDate", c.getEndDate().toString());
            bilingual(m, "description", c.getDescriptionText(), language, translated);
            m.put("ogpValues", c.getOgpValues());
            m.put("axis", c.getAxis());
            m.put("publicProblem", c.getPublicProblem());
            m.put("statusQuo", c.getStatusQuo());
            m.put("objective", c.getObjective());
            m.put("howItHelps", c.getHowItHelps());
            m.put("additionalInfo", c.getAdditionalInfo());
            m.put("contact", c.getContact());
            m.put("publishedAt", c.getPublishedAt() == null ? null : c.getPublishedAt().toString());
            m.put("milestones", c.getMilestones().stream().map(ms -> {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("position", ms.getPosition());
                List<String> own = new ArrayList<>();
                bilingual(x, "title", ms.getTitleText(), language, own);
                if (!own.isEmpty()) {
                    x.put("translated", own);
                }
                x.put("startDate", ms.getStartDate().toString());
                x.put("endDate", ms.getEndDate().toString());
                x.put("responsibleArea", ms.getResponsibleArea());
                x.put("derived", ms.isDerived());
                return x;
            }).toList());
            m.put("source", c.getSource());
            if (c.getIrmVerifiable() != null || c.getIrmRelevant() != null || !c.getIrmNotes().isEmpty()) {
                Map<String, Object> irm = new LinkedHashMap<>();
                irm.put("verifiable", c.getIrmVerifiable());
                irm.put("relevant", c.getIrmRelevant());
                List<String> own = new ArrayList<>();
                bilingual(irm, "notes", c.getIrmNotes(), language, own);
                own.forEach(f -> translated.add("irmInception." + f));
                m.put("irmInception", irm);
            }
            m.put("endOfCommitmentReport", c.getEndOfCommitmentReport());
            m.put("translated", translated);
            out.add(m);
        }
        return out;
    }

    /** One text of the open data: {@code name} in the language asked for, {@code nameEs} and {@code nameEn}. */
    private static void bilingual(Map<String, Object> m, String name, BilingualText text, String language,
            List<String> translated) {
        m.put(name, text.in(language).text());
        m.put(name + "Es", text.spanish());
        m.put(name + "En", text.english());
        if (text.translated() != null) {
            translated.add(name + (BilingualText.ES.equals(text.translated()) ? "Es" : "En"));
        }
    }

    /**
     * @return the published plan as CSV ({@link #CSV_COLUMNS}): texts in Spanish, with the English ones in the
     *         {@code *_en} columns; milestones as {@code title (start/end)} joined by {@code |}; {@code translated}
     *         lists the columns that are own translations, joined by {@code |}
     */
    @Transactional(readOnly = true)
    public String csv() {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader(CSV_COLUMNS.toArray(new String[0])).get())) {
            for (Commitment c : published()) {
                List<String> translated = new ArrayList<>();
                mark(translated, c.getTitle(), "title");
                mark(translated, c.getInstitutionsText(), "supporting_institutions");
                mark(translated, c.getDescriptionText(), "description");
                if (c.getMilestones().stream().anyMatch(m -> m.getTitleText().translated() != null)) {
                    mark(translated, c.getMilestones().stream().map(Milestone::getTitleText)
                            .filter(t -> t.translated() != null).findFirst().orElseThrow(), "milestones");
                }
                csv.printRecord(c.getCode(), c.getActionPlan(), c.getCoCreationInstance(), c.getTitleEs(), c.getTitleEn(),
                        c.getLeadArea(), c.getSupportingInstitutions(), c.getStartDate(), c.getEndDate(),
                        c.getDescription(), String.join("|", c.getOgpValues()),
                        milestones(c, BilingualText.ES), c.getSource(), c.getAxis(), c.getPublicProblem(),
                        c.getStatusQuo(), c.getObjective(), c.getHowItHelps(), c.getAdditionalInfo(), c.getContact(),
                        c.getPublishedAt(), c.getDescriptionText().english(), c.getInstitutionsText().english(),
                        c.getLeadAreaText().english(), milestones(c, BilingualText.EN), String.join("|", translated));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    /** The milestones as {@code title (start/end)} joined by {@code |}, titles in one language (empty if none). */
    private static String milestones(Commitment c, String language) {
        return String.join("|", c.getMilestones().stream().map(m -> {
            String title = m.getTitleText().text(language);
            return (title == null ? "" : title) + " (" + m.getStartDate() + "/" + m.getEndDate() + ")";
        }).toList());
    }

    private static void mark(List<String> translated, BilingualText text, String column) {
        if (BilingualText.ES.equals(text.translated())) {
            translated.add(column);
        } else if (BilingualText.EN.equals(text.translated())) {
            translated.add(column + "_en");
        }
    }

    /**
     * Renders the published plan as PDF from the {@code action-plan-pdf} template (same data as the HTML page), with a
     * cover (the plan's title and id, its period, the date of this version) and "page n of m" on every page after it.
     * The version's date is the day, in America/Argentina/Buenos_Aires, of the latest publication of a commitment
     * (today when none has a publication instant, as for imported plans).
     *
     * @param locale language of the document
     * @return the PDF bytes
     * @throws IllegalStateException if rendering fails
     */
    @Transactional(readOnly = true)
    public byte[] pdf(Locale locale) {
        Context context = new Context(locale);
        List<Commitment> published = published();
        ZoneId zone = ZoneId.of(CocreaApplication.ZONE);
        context.setVariable("commitments", published);
        context.setVariable("planId", defaultPlan);
        context.setVariable("versionDate", published.stream().map(Commitment::getPublishedAt)
                .filter(Objects::nonNull).max(Comparator.naturalOrder())
                .map(at -> LocalDate.ofInstant(at, zone)).orElse(LocalDate.now(clock.withZone(zone))));
        context.setVariable("planStart", published.stream().map(Commitment::getStartDate)
                .filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null));
        context.setVariable("planEnd", published.stream().map(Commitment::getEndDate)
                .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null));
        context.setVariable("endorsements", endorsements.of(defaultPlan));
        context.setVariable("language", locale.getLanguage());
        return pdfs.render("action-plan-pdf", context, "the action plan");
    }
}
