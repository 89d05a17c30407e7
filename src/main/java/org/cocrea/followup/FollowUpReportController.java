package org.cocrea.followup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.cocrea.kernel.FieldProblem;
import org.cocrea.kernel.Groups;
import org.cocrea.kernel.InputRefusedException;
import org.cocrea.kernel.NotFoundException;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The evidence page of a follow-up report, linked from the Tasklist form (form-js 1.8 has no file picker):
 * {@code GET /follow-up/reports/{id}} shows the report and its evidence; {@code POST /follow-up/reports/{id}/evidence}
 * uploads a file (lead area members and staff, while the report is not accepted; a refused file answers 400 with the
 * field and reason on the page); {@code GET /follow-up/evidence/{id}} downloads a file (staff, the lead area, the
 * monitoring body). {@code GET /dashboard/evidence/{id}} is the public download of files of accepted reports only
 * (404 for anything else).
 */
@Controller
class FollowUpReportController {

    /** Spring Security authority prefix of Camunda groups (see {@code EngineUserAuthenticationProvider}). */
    private static final String GROUP_PREFIX = Groups.AUTHORITY_PREFIX;

    /** A refused field of the monthly report as the service names it: {@code milestones[<row from 1>].<field>}. */
    private static final Pattern ROW_FIELD = Pattern
            .compile("milestones\\[(\\d+)]\\.(\\w+)");

    /** Form field name to the id prefix of its input on the page and the message key of its label. */
    private static final Map<String, List<String>> FIELDS = Map.of(
            "status", List.of("status-", "followup.statusLabel"),
            "percentComplete", List.of("percent-", "followup.percent"),
            "workDone", List.of("work-", "followup.workDone"),
            "evidenceLinks", List.of("links-", "followup.links"),
            "nextSteps", List.of("next-", "followup.nextSteps"),
            "milestoneId", List.of("report-form", "followup.milestone"));

    private final FollowUps followUps;
    private final EvidenceFiles files;
    private final FollowUpTexts texts;
    private final FollowUpLeadArea leadArea;

    FollowUpReportController(FollowUps followUps, EvidenceFiles files, FollowUpTexts texts,
            FollowUpLeadArea leadArea) {
        this.followUps = followUps;
        this.leadArea = leadArea;
        this.files = files;
        this.texts = texts;
    }

    /**
     * One refused field as the page shows it.
     *
     * @param label  the field's label in the page's language (e.g. "Qué se hizo")
     * @param anchor the id of the input on the page, to link to it
     * @param reason the reason in the page's language only
     */
    record ShownProblem(String label, String anchor, String reason) {
    }

    /** The refused fields in the reader's language, each with the label and id of its input. */
    private List<ShownProblem> shown(List<FieldProblem> problems, Locale locale) {
        return problems.stream().map(p -> {
            String reason = texts.text(p.code(), locale, p.argArray());
            Matcher row = ROW_FIELD.matcher(p.field());
            if (row.matches() && FIELDS.containsKey(row.group(2))) {
                List<String> f = FIELDS.get(row.group(2));
                String anchor = f.get(0).endsWith("-") ? f.get(0) + (Integer.parseInt(row.group(1)) - 1) : f.get(0);
                return new ShownProblem(texts.text(f.get(1), locale), anchor, reason);
            }
            return switch (p.field()) {
                case "file" -> new ShownProblem(texts.text("followup.page.file", locale), "file", reason);
                case "milestoneId" -> new ShownProblem(texts.text("followup.milestone", locale), "milestoneId", reason);
                case "description" -> new ShownProblem(texts.text("followup.page.description", locale), "description",
                        reason);
                case "milestones" -> new ShownProblem(texts.text("followup.milestone", locale), "report-form", reason);
                default -> new ShownProblem(texts.text("followup.page.reportLabel", locale), "report-status", reason);
            };
        }).toList();
    }

    @GetMapping("/follow-up/reports/{id}")
    String page(@PathVariable long id, Authentication user, Model model, Locale locale) {
        FollowUpReport report = readable(id, user);
        fill(model, report, user, locale);
        return "follow-up/report";
    }

    /**
     * The lead area's monthly report, one row per open milestone (the form's fields repeat in milestone order).
     * Refused input answers 400 on the page with each field and reason; nothing is stored.
     */
    @PostMapping("/follow-up/reports/{id}")
    String submit(@PathVariable long id,
            @RequestParam(name = "milestoneId", required = false) List<String> milestoneIds,
            @RequestParam(name = "status", required = false) List<String> statuses,
            @RequestParam(name = "percentComplete", required = false) List<String> percents,
            @RequestParam(name = "workDone", required = false) List<String> workDone,
            @RequestParam(name = "evidenceLinks", required = false) List<String> links,
            @RequestParam(name = "nextSteps", required = false) List<String> nextSteps, Authentication user,
            Model model, Locale locale, HttpServletResponse response) {
        FollowUpReport report = readable(id, user);
        if (!FollowUpAccess.canWrite(groups(user), leadArea.group(report.getCommitmentId()))) {
            throw new AccessDeniedException("not the lead area");
        }
        List<FollowUps.Entry> entries = new ArrayList<>();
        int rows = milestoneIds == null ? 0 : Math.min(milestoneIds.size(), 200);
        for (int i = 0; i < rows; i++) {
            Long milestone = parseMilestone(milestoneIds.get(i));
            entries.add(new FollowUps.Entry(milestone, null, at(statuses, i), parsePercent(at(percents, i)),
                    at(workDone, i), at(links, i), at(nextSteps, i)));
        }
        try {
            followUps.submitOnPage(id, user.getName(), entries);
        } catch (InputRefusedException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            List<ShownProblem> shown = shown(e.problems(), locale);
            model.addAttribute("reportProblems", shown);
            model.addAttribute("invalid", shown.stream().map(ShownProblem::anchor).collect(Collectors.toSet()));
            model.addAttribute("typed", entries);
            fill(model, followUps.report(id), user, locale);
            return "follow-up/report";
        }
        return "redirect:/follow-up/reports/" + id + "?submitted";
    }

    private static String at(List<String> values, int i) {
        return values == null || i >= values.size() || values.get(i).isBlank() ? null : values.get(i);
    }

    /** A percentage as typed: a number, or -1 (refused by the service with the reason) when it is not one. */
    private static Integer parsePercent(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @PostMapping("/follow-up/reports/{id}/evidence")
    String upload(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "milestoneId", required = false) String milestoneId,
            @RequestParam(name = "description", required = false) String description, Authentication user,
            Model model, Locale locale, HttpServletResponse response) throws IOException {
        FollowUpReport report = readable(id, user);
        if (!FollowUpAccess.canWrite(groups(user), leadArea.group(report.getCommitmentId()))) {
            throw new AccessDeniedException("not the lead area");
        }
        try {
            Long milestone = parseMilestone(milestoneId);
            if (file == null || file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()) {
                // no file chosen: the service refuses it with the field and reason like any other problem
                files.upload(id, milestone, null, description, InputStream.nullInputStream(), user.getName());
            } else {
                try (InputStream in = file.getInputStream()) {
                    files.upload(id, milestone, file.getOriginalFilename(), description, in, user.getName());
                }
            }
        } catch (InputRefusedException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("uploadProblems", shown(e.problems(), locale));
            fill(model, followUps.report(id), user, locale);
            return "follow-up/report";
        }
        return "redirect:/follow-up/reports/" + id + "?uploaded";
    }

    private Long parseMilestone(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    @GetMapping("/follow-up/evidence/{id}")
    ResponseEntity<Resource> download(@PathVariable long id, Authentication user) {
        long reportId = files.reportOf(id).orElseThrow(() -> new NotFoundException("evidence", id));
        readable(reportId, user);
        return serve(files.file(id).orElseThrow(() -> new NotFoundException("evidence", id)));
    }

    @GetMapping("/dashboard/evidence/{id}")
    ResponseEntity<Resource> publicDownload(@PathVariable long id) {
        return serve(files.publicFile(id).orElseThrow(() -> new NotFoundException("evidence", id)));
    }

    private ResponseEntity<Resource> serve(EvidenceFiles.StoredFile file) {
        Evidence e = file.evidence();
        try {
            return ResponseEntity.ok().contentType(MediaType.parseMediaType(e.getContentType()))
                    .contentLength(Files.size(file.path()))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename(e.getFileName(), StandardCharsets.UTF_8).build().toString())
                    .header("X-Content-Type-Options", "nosniff")
                    .body(new FileSystemResource(file.path()));
        } catch (IOException ex) {
            throw new NotFoundException("evidence file", e.getId());
        }
    }

    private FollowUpReport readable(long id, Authentication user) {
        FollowUpReport report = followUps.report(id);
        if (!FollowUpAccess.canRead(groups(user), leadArea.group(report.getCommitmentId()))) {
            throw new AccessDeniedException("no access to this report");
        }
        return report;
    }

    private void fill(Model model, FollowUpReport report, Authentication user, Locale locale) {
        model.addAttribute("report", report);
        model.addAttribute("commitment", followUps.commitmentLabel(report.getCommitmentId()));
        model.addAttribute("month", followUps.month(report.getPeriod(), locale));
        model.addAttribute("entries", followUps.entriesSaid(report.getId()));
        model.addAttribute("milestones", followUps.milestonesOf(report.getCommitmentId()).stream()
                .map(m -> List.of(String.valueOf(m.getId()), m.getPosition() + ". " + m.getTitle())).toList());
        model.addAttribute("evidence", files.of(report.getId()));
        boolean writer = FollowUpAccess.canWrite(groups(user), leadArea.group(report.getCommitmentId()));
        model.addAttribute("canSubmit", report.isOpenForArea() && writer);
        if (report.isOpenForArea() && writer) {
            model.addAttribute("form", model.containsAttribute("typed") ? model.getAttribute("typed")
                    : followUps.entries(report.getId()));
            model.addAttribute("statuses", MilestoneStatus.values());
            Map<Long, String> titles = new HashMap<>();
            followUps.entries(report.getId()).forEach(e -> titles.put(e.milestoneId(), e.title()));
            model.addAttribute("titles", titles);
        }
        model.addAttribute("canUpload", report.getStatus() != ReportStatus.ACCEPTED
                && FollowUpAccess.canWrite(groups(user), leadArea.group(report.getCommitmentId())));
        model.addAttribute("maxMegabytes", files.maxBytes() / (1024 * 1024));
        model.addAttribute("allowedTypes", files.allowedTypes());
        for (String attribute : List.of("reportProblems", "uploadProblems")) {
            if (!model.containsAttribute(attribute)) {
                model.addAttribute(attribute, List.of());
            }
        }
        if (!model.containsAttribute("invalid")) {
            model.addAttribute("invalid", Set.of());
        }
    }

    private static Set<String> groups(Authentication user) {
        return user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(GROUP_PREFIX)).map(a -> a.substring(GROUP_PREFIX.length()))
                .collect(Collectors.toSet());
    }
}
