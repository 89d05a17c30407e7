package org.cocrea.commitment;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cocrea.kernel.BilingualText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Imports already-published commitments from the JSON data file, for {@link ActionPlan#importPublished}. */
@Component
class ActionPlanImport {

    private static final Logger log = LoggerFactory.getLogger(ActionPlan.class);

    private final CommitmentRepository commitments;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    ActionPlanImport(CommitmentRepository commitments, Clock clock) {
        this.commitments = commitments;
        this.clock = clock;
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
    int importPublished(InputStream in, String actionPlan) throws IOException {
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
            Set<String> translated = new HashSet<>();
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
    private static List<BilingualText> milestoneTitles(JsonNode c, Set<String> translated) {
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

}
