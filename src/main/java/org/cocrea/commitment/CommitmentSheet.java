package org.cocrea.commitment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.cocrea.kernel.Dates;

/**
 * The OGP commitment sheet as staff edit it (the fields of the OGP action plan template's commitment form). Also the
 * JSON snapshot stored for every version of a sheet. Dates are calendar days in Buenos Aires.
 *
 * @param titleEs                title in Spanish (required, at most 500 characters)
 * @param titleEn                title in English (optional; at most 500)
 * @param leadAreaGroup          the lead implementing area's candidate group ({@code area-*}; required)
 * @param leadArea               the lead area's name as published (filled from the area list when empty)
 * @param supportingInstitutions supporting institutions, government and civil society, one per line
 * @param startDate              commitment start (required)
 * @param endDate                commitment end (required, after the start)
 * @param publicProblem          the public problem, with baseline data (required)
 * @param statusQuo              the status quo
 * @param description            what the commitment is (required)
 * @param objective              its objective (required)
 * @param howItHelps             how it will help solve the problem
 * @param ogpValues              relevance to OGP values: ids from {@link #OGP_VALUES} (at least one)
 * @param additionalInfo         additional information
 * @param contact                contact (name, area, e-mail)
 * @param milestones             the verifiable deliverables (at least one; inside the commitment's dates)
 */
public record CommitmentSheet(String titleEs, String titleEn, String leadAreaGroup, String leadArea,
        String supportingInstitutions, LocalDate startDate, LocalDate endDate, String publicProblem, String statusQuo,
        String description, String objective, String howItHelps, List<String> ogpValues, String additionalInfo,
        String contact, List<MilestoneInput> milestones) {

    /** The four OGP values a commitment must be relevant to (OGP Articles of Governance, action plan template). */
    public static final List<String> OGP_VALUES = List.of("access-to-information", "civic-participation",
            "public-accountability", "technology-and-innovation");

    public CommitmentSheet {
        ogpValues = ogpValues == null ? List.of() : List.copyOf(ogpValues);
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
    }

    /**
     * A milestone of the sheet: a verifiable deliverable.
     *
     * @param title           what will be delivered (required, at most 500 characters)
     * @param startDate       start (required, not before the commitment's start)
     * @param endDate         end (required, after its start, not after the commitment's end)
     * @param responsibleArea responsible area (optional, at most 300 characters)
     */
    public record MilestoneInput(String title, LocalDate startDate, LocalDate endDate, String responsibleArea) {
    }

    /**
     * The sections of the sheet, in the order of the OGP template; public comments are made per section and the
     * version comparison is shown per section.
     */
    public enum Section {
        TITLE("title"),
        INSTITUTIONS("institutions"),
        DATES("dates"),
        PUBLIC_PROBLEM("public-problem"),
        STATUS_QUO("status-quo"),
        DESCRIPTION("description"),
        OBJECTIVE("objective"),
        HOW_IT_HELPS("how-it-helps"),
        OGP_VALUES("ogp-values"),
        MILESTONES("milestones"),
        ADDITIONAL_INFO("additional-info"),
        CONTACT("contact");

        private final String id;

        Section(String id) {
            this.id = id;
        }

        /** @return the section's id as used in URLs, forms and message keys ({@code sheet.section.<id>}) */
        public String id() {
            return id;
        }

        /**
         * @param id a section id
         * @return the section
         * @throws IllegalArgumentException when unknown
         */
        public static Section of(String id) {
            for (Section s : values()) {
                if (s.id.equals(id)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("Unknown section " + id);
        }
    }

    /**
     * @param section a section
     * @return the section's text as shown to readers and compared between versions (milestones one per line, days as
     *         {@code dd/MM/yyyy}, OGP values by id)
     */
    public String text(Section section) {
        return text(section, Function.identity());
    }

    /**
     * @param section  a section
     * @param ogpLabel the label of an OGP value id in the reader's language (e.g. "Acceso a la información" for
     *                 {@code access-to-information})
     * @return the section's text as shown to readers and compared between versions: milestones one per line, days as
     *         {@code dd/MM/yyyy}, OGP values by label one per line
     */
    public String text(Section section, Function<String, String> ogpLabel) {
        return switch (section) {
            case TITLE -> nz(titleEs) + (blank(titleEn) ? "" : "\n" + titleEn);
            case INSTITUTIONS -> nz(leadArea) + (blank(supportingInstitutions) ? "" : "\n" + supportingInstitutions);
            case DATES -> day(startDate) + " – " + day(endDate);
            case PUBLIC_PROBLEM -> nz(publicProblem);
            case STATUS_QUO -> nz(statusQuo);
            case DESCRIPTION -> nz(description);
            case OBJECTIVE -> nz(objective);
            case HOW_IT_HELPS -> nz(howItHelps);
            case OGP_VALUES -> String.join("\n", ogpValues.stream().map(ogpLabel).toList());
            case MILESTONES -> {
                List<String> lines = new ArrayList<>();
                for (MilestoneInput m : milestones) {
                    lines.add(nz(m.title()) + " (" + day(m.startDate()) + " – " + day(m.endDate())
                            + (blank(m.responsibleArea()) ? "" : "; " + m.responsibleArea()) + ")");
                }
                yield String.join("\n", lines);
            }
            case ADDITIONAL_INFO -> nz(additionalInfo);
            case CONTACT -> nz(contact);
        };
    }

    private static String day(LocalDate day) {
        return day == null ? "" : Dates.DAY.format(day);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
