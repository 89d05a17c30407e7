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
            "additional_info", "contact", "published_at");
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
     *         a commitment without a lead area's name gets the area's (Spanish) name
     */
    @Transactional
    public boolean assignLeadArea(String code, String leadAreaGroup, String axis) {
        return commitments.findByCode(code)
                .filter(c -> !leadAreaGroup.equals(c.getLeadAreaGroup()) || !axis.equals(c.getAxis()))
                .map(c -> {
                    c.assignLeadArea(leadAreaGroup, axis);
                    if (c.getLeadArea() == null || c.getLeadArea().isBlank()) {
                        areas.byCandidateGroup(leadAreaGroup).ifPresent(a -> c.nameLeadArea(a.getNameEs()));
                    }
                    return true;
                }).orElse(false);
    }

    /**
     * Imports already-published commitments (idempotent by code). Where the file lists no milestones, one milestone
     * per action line is derived, spreading the commitment's period evenly, and marked as derived.
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
            if (commitments.findByCode(code).isPresent()) {
                continue;
            }
            LocalDate start = YearMonth.parse(c.path("commitment_start").asText()).atDay(1);
            LocalDate end = YearMonth.parse(c.path("commitment_end").asText()).atEndOfMonth();
            List<String> values = new ArrayList<>();
            c.path("ogp_values").forEach(v -> values.add(ogpValueId(v.asText())));
            Commitment commitment = new Commitment(code, actionPlan, c.path("co_creation_instance").asInt(1),
                    c.path("title_es").asText(c.path("title").asText()), c.path("title").asText(), start, end,
                    c.path("description").asText(), values);
            List<String> institutions = new ArrayList<>();
            c.path("institutions_involved").forEach(v -> institutions.add(v.asText()));
            String lead = c.path("lead_area").isNull() || c.path("lead_area").isMissingNode() ? null
                    : c.path("lead_area").asText();
            List<String> sources = new ArrayList<>();
            if (c.path("source").isArray()) {
                c.path("source").forEach(v -> sources.add(v.asText()));
            } else if (c.path("source").isTextual()) {
                sources.add(c.path("source").asText());
            }
            commitment.describe(lead, String.join("; ", institutions), sources.isEmpty() ? null
                    : String.join(" ; ", sources));
            JsonNode milestones = c.path("milestones");
            if (milestones.isArray() && !milestones.isEmpty()) {
                for (JsonNode m : milestones) {
                    commitment.addMilestone(m.path("title").asText(m.asText()), start, end, lead, false);
                }
            } else {
                List<String> lines = new ArrayList<>();
                c.path("action_lines").forEach(l -> lines.add(l.asText()));
                long days = ChronoUnit.DAYS.between(start, end) + 1;
                for (int i = 0; i < lines.size(); i++) {
                    LocalDate from = start.plusDays(days * i / lines.size());
                    LocalDate to = start.plusDays(days * (i + 1) / lines.size() - 1);
                    commitment.addMilestone(lines.get(i), from, to, lead, true);
                }
            }
            commitment.publish(clock.instant());
            commitments.save(commitment);
            added++;
        }
        log.info("Imported {} published commitments", added);
        return added;
    }

    /**
     * @param language {@code es} or {@code en}
     * @return the published plan as open data: one map per commitment with the commitment-sheet fields
     */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> openData(String language) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Commitment c : published()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", c.getCode());
            m.put("actionPlan", c.getActionPlan());
            m.put("coCreationInstance", c.getCoCreationInstance());
            m.put("title", c.title(language));
            m.put("titleEs", c.getTitleEs());
            m.put("titleEn", c.getTitleEn());
            m.put("leadArea", c.getLeadArea());
            m.put("supportingInstitutions", c.getSupportingInstitutions());
            m.put("startDate", c.getStartDate().toString());
            m.put("endDate", c.getEndDate().toString());
            m.put("description", c.getDescription());
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
                x.put("title", ms.getTitle());
                x.put("startDate", ms.getStartDate().toString());
                x.put("endDate", ms.getEndDate().toString());
                x.put("responsibleArea", ms.getResponsibleArea());
                x.put("derived", ms.isDerived());
                return x;
            }).toList());
            m.put("source", c.getSource());
            out.add(m);
        }
        return out;
    }

    /** @return the published plan as CSV ({@link #CSV_COLUMNS}); milestones as {@code title (start/end)} joined by {@code |} */
    @Transactional(readOnly = true)
    public String csv() {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader(CSV_COLUMNS.toArray(new String[0])).get())) {
            for (Commitment c : published()) {
                csv.printRecord(c.getCode(), c.getActionPlan(), c.getCoCreationInstance(), c.getTitleEs(), c.getTitleEn(),
                        c.getLeadArea(), c.getSupportingInstitutions(), c.getStartDate(), c.getEndDate(),
                        c.getDescription(), String.join("|", c.getOgpValues()),
                        String.join("|", c.getMilestones().stream().map(m -> m.getTitle() + " (" + m.getStartDate()
                                + "/" + m.getEndDate() + ")").toList()), c.getSource(), c.getAxis(), c.getPublicProblem(),
                        c.getStatusQuo(), c.getObjective(), c.getHowItHelps(), c.getAdditionalInfo(), c.getContact(),
                        c.getPublishedAt());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
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
