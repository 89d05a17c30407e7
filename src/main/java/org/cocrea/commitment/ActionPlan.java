package org.cocrea.commitment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cocrea.kernel.BilingualText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * The published action plan: its commitments with their milestones, as data for the HTML page, a PDF rendered from
 * the same template data (openhtmltopdf), and open data (JSON and CSV following the OGP commitment-sheet fields).
 * Also imports already-published commitments from a JSON file in the format of
 * {@code shared/data/ba-2021-2023-commitments.json}.
 */
@Service
public class ActionPlan {

    /** CSV columns of the open-data export, one row per commitment. */
    public static final List<String> CSV_COLUMNS = List.of("code", "action_plan", "co_creation_instance", "title_es",
            "title_en", "lead_area", "supporting_institutions", "start_date", "end_date", "description", "ogp_values",
            "milestones", "source", "axis", "public_problem", "status_quo", "objective", "how_it_helps",
            "additional_info", "contact", "published_at", "description_en", "supporting_institutions_en",
            "lead_area_en", "milestones_en", "translated");
    private static final Logger log = LoggerFactory.getLogger(ActionPlan.class);

    private final CommitmentRepository commitments;
    private final SpringTemplateEngine templates;
    private final Clock clock;
    private final Endorsements endorsements;
    private final org.cocrea.area.Areas areas;
    private final String defaultPlan;
    private final ObjectMapper json = new ObjectMapper();

    ActionPlan(CommitmentRepository commitments, SpringTemplateEngine templates, Clock clock, Endorsements endorsements,
            org.cocrea.area.Areas areas,
            @org.springframework.beans.factory.annotation.Value("${cocrea.consultation.default-action-plan:ARBA-2021-2023}")
            String defaultPlan) {
        this.endorsements = endorsements;
        this.areas = areas;
        this.defaultPlan = defaultPlan;
        this.commitments = commitments;
        this.templates = templates;
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
        return commitments.findByStatusOrderByCodeAsc(Commitment.Status.PUBLISHED);
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
                if ((unnamed || c.getLeadArea().equals(es)) && !java.util.Objects.equals(en,
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
     * Imports already-published commitments (idempotent by code). Where the file lists no milestones, one milestone
     * per action line is derived, spreading the commitment's period evenly, and marked as derived.
     *
     * <p>Texts are read in both languages: {@code title} (English) and {@code title_es}, {@code description} and
     * {@code description_es}, {@code institutions_involved} and {@code institutions_involved_es},
     * {@code action_lines} and {@code action_lines_es} (or milestones' {@code title} and {@code title_es}). The
     * optional {@code translated} array names the Spanish fields that are own translations of the English source
     * (e.g. {@code ["title_es", "action_lines_es"]}). A commitment imported earlier (no call of its own) gets the
     * file's texts again, so a database loaded before the translations existed shows them too.
     *
     * @param in         the JSON array
     * @param actionPlan the action plan id
     * @return how many commitments were added
     * @throws IllegalArgumentException naming the record when the file is not in the expected format
     */
    @Transactional
    public int importPublished(InputStream in, String actionPlan) throws IOException {
        JsonNode root = json.readTree(in);
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException("Commitments file: a JSON array was expected");
        }
        int added = 0;
        for (JsonNode c : root) {
            String code = c.path("id").asText();
            if (code.isBlank()) {
                throw new IllegalArgumentException("Commitments file: a record without \"id\"");
            }
            java.util.Set<String> translated = new java.util.HashSet<>();
            c.path("translated").forEach(v -> translated.add(v.asText()));
            BilingualText title = bilingual(text(c, "title_es"), text(c, "title"), translated.contains("title_es"));
            BilingualText description = bilingual(text(c, "description_es"), text(c, "description"),
                    translated.contains("description_es"));
            BilingualText institutions = bilingual(joined(c.path("institutions_involved_es")),
                    joined(c.path("institutions_involved")), translated.contains("institutions_involved_es"));
            List<BilingualText> milestoneTitles = milestoneTitles(c, translated);
            JsonNode irm = c.path("irm_inception");
            Boolean verifiable = yesNo(irm.path("verifiable"));
            Boolean relevant = yesNo(irm.path("relevant_to_ogp_values"));
            BilingualText irmNotes = bilingual(joined(irm.path("assessment_notes_es"), " "),
                    joined(irm.path("assessment_notes"), " "),
                    translated.contains("irm_inception.assessment_notes_es"));
            String endReport = text(c, "end_of_commitment_report");
            var existing = commitments.findByCode(code);
            if (existing.isPresent()) {
                Commitment known = existing.get();
                if (known.getCallId() == null && known.getRoundTableId() == null) {
                    known.translate(title, description, institutions);
                    known.assessDesign(verifiable, relevant, irmNotes, endReport);
                    for (int i = 0; i < Math.min(milestoneTitles.size(), known.getMilestones().size()); i++) {
                        known.getMilestones().get(i).name(milestoneTitles.get(i));
                    }
                }
                continue;
            }
            LocalDate start = YearMonth.parse(c.path("commitment_start").asText()).atDay(1);
            LocalDate end = YearMonth.parse(c.path("commitment_end").asText()).atEndOfMonth();
            List<String> values = new ArrayList<>();
            c.path("ogp_values").forEach(v -> values.add(ogpValueId(v.asText())));
            Commitment commitment = new Commitment(code, actionPlan, c.path("co_creation_instance").asInt(1),
                    "", "", start, end, "", values);
            commitment.translate(title, description, institutions);
            commitment.assessDesign(verifiable, relevant, irmNotes, endReport);
            String lead = c.path("lead_area").isNull() || c.path("lead_area").isMissingNode() ? null
                    : c.path("lead_area").asText();
            List<String> sources = new ArrayList<>();
            if (c.path("source").isArray()) {
                c.path("source").forEach(v -> sources.add(v.asText()));
            } else if (c.path("source").isTextual()) {
                sources.add(c.path("source").asText());
            }
            commitment.describe(lead, commitment.getSupportingInstitutions(), sources.isEmpty() ? null
                    : String.join(" ; ", sources));
            JsonNode milestones = c.path("milestones");
            boolean listed = milestones.isArray() && !milestones.isEmpty();
            long days = ChronoUnit.DAYS.between(start, end) + 1;
            for (int i = 0; i < milestoneTitles.size(); i++) {
                if (listed) {
                    commitment.addMilestone(milestoneTitles.get(i), start, end, lead, false);
                } else {
                    LocalDate from = start.plusDays(days * i / milestoneTitles.size());
                    LocalDate to = start.plusDays(days * (i + 1) / milestoneTitles.size() - 1);
                    commitment.addMilestone(milestoneTitles.get(i), from, to, lead, true);
                }
            }
            commitment.publish(clock.instant());
            commitments.save(commitment);
            added++;
        }
        log.info("Imported {} published commitments", added);
        return added;
    }

    /** The milestones' titles of a record: its {@code milestones}, else its {@code action_lines}, both languages. */
    private static List<BilingualText> milestoneTitles(JsonNode c, java.util.Set<String> translated) {
        List<BilingualText> out = new ArrayList<>();
        JsonNode milestones = c.path("milestones");
        if (milestones.isArray() && !milestones.isEmpty()) {
            for (JsonNode m : milestones) {
                String en = m.isTextual() ? m.asText() : text(m, "title");
                out.add(bilingual(m.isTextual() ? null : text(m, "title_es"), en, translated.contains("milestones_es")
                        || m.path("title_es_translated").asBoolean(false)));
            }
            return out;
        }
        JsonNode es = c.path("action_lines_es");
        JsonNode en = c.path("action_lines");
        int n = Math.max(es.size(), en.size());
        for (int i = 0; i < n; i++) {
            out.add(bilingual(es.has(i) ? es.get(i).asText() : null, en.has(i) ? en.get(i).asText() : null,
                    translated.contains("action_lines_es")));
        }
        return out;
    }

    private static BilingualText bilingual(String spanish, String english, boolean spanishTranslated) {
        return new BilingualText(spanish, english, spanishTranslated ? BilingualText.ES : null);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }

    private static String joined(JsonNode array) {
        return joined(array, "; ");
    }

    private static String joined(JsonNode array, String separator) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out.isEmpty() ? null : String.join(separator, out);
    }

    /** "Yes" / "No" (the IRM's wording), else null. */
    private static Boolean yesNo(JsonNode value) {
        String v = value.asText("").trim();
        return v.equalsIgnoreCase("yes") ? Boolean.TRUE : v.equalsIgnoreCase("no") ? Boolean.FALSE : null;
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
     * @param label an OGP value as the data file writes it, e.g. "Civic Participation"
     * @return its id in {@link CommitmentSheet#OGP_VALUES} (e.g. {@code civic-participation}); the label itself when
     *         it names none of the four values
     */
    static String ogpValueId(String label) {
        String l = label.toLowerCase(Locale.ROOT);
        if (l.startsWith("access to information")) {
            return "access-to-information";
        }
        if (l.startsWith("civic participation")) {
            return "civic-participation";
        }
        if (l.startsWith("public accountability")) {
            return "public-accountability";
        }
        if (l.startsWith("technology and innovation")) {
            return "technology-and-innovation";
        }
        return label;
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
        java.time.ZoneId zone = java.time.ZoneId.of(org.cocrea.CocreaApplication.ZONE);
        context.setVariable("commitments", published);
        context.setVariable("planId", defaultPlan);
        context.setVariable("versionDate", published.stream().map(Commitment::getPublishedAt)
                .filter(java.util.Objects::nonNull).max(java.util.Comparator.naturalOrder())
                .map(at -> LocalDate.ofInstant(at, zone)).orElse(LocalDate.now(clock.withZone(zone))));
        context.setVariable("planStart", published.stream().map(Commitment::getStartDate)
                .filter(java.util.Objects::nonNull).min(java.util.Comparator.naturalOrder()).orElse(null));
        context.setVariable("planEnd", published.stream().map(Commitment::getEndDate)
                .filter(java.util.Objects::nonNull).max(java.util.Comparator.naturalOrder()).orElse(null));
        context.setVariable("endorsements", endorsements.of(defaultPlan));
        context.setVariable("language", locale.getLanguage());
        String xhtml = templates.process("action-plan-pdf", context);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot render the action plan as PDF", e);
        }
    }
}
