package org.cocrea.commitment;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.cocrea.area.Area;
import org.cocrea.area.Areas;
import org.cocrea.kernel.InputRefusedException;
import org.cocrea.kernel.NotFoundException;
import org.cocrea.limits.AbuseLimits;
import org.cocrea.limits.PublicAction;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Stage 3 pages. Public: {@code /drafts/{id}}, a circulated draft with its sections, the comment form per section
 * (until the deadline), the comments with the team's answers, and what changed between versions. Staff
 * ({@code /staff/commitments...}, the open-government team): the list of sheets in progress, the sheet editor (each
 * save is a version, validated on the server), the comments to answer, and the endorsements of the plan. Public
 * comments are subject to the abuse limits ({@code cocrea.limits}: 429 page).
 */
@Controller
class CommitmentPageController {

    private static final int MAX_MILESTONE_ROWS = CommitmentSheets.MAX_MILESTONES + 5;

    private final CommitmentSheets sheets;
    private final Endorsements endorsements;
    private final Areas areas;
    private final String actionPlan;
    private final Clock clock;
    private final MessageSource messages;
    private final AbuseLimits limits;

    CommitmentPageController(CommitmentSheets sheets, Endorsements endorsements, Areas areas,
            @Value("${cocrea.consultation.default-action-plan:ARBA-2021-2023}") String actionPlan,
            Clock clock, MessageSource messages, AbuseLimits limits) {
        this.limits = limits;
        this.clock = clock;
        this.messages = messages;
        this.sheets = sheets;
        this.endorsements = endorsements;
        this.areas = areas;
        this.actionPlan = actionPlan;
    }

    @InitBinder("sheetForm")
    void limitRows(WebDataBinder binder) {
        binder.setAutoGrowCollectionLimit(MAX_MILESTONE_ROWS);
    }

    /** Too many milestone rows (or a malformed field path): a clear 400, nothing stored. */
    @ExceptionHandler(InvalidPropertyException.class)
    ResponseEntity<String> tooManyRows(InvalidPropertyException e, Locale locale) {
        return ResponseEntity.badRequest()
                .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .body(messages.getMessage("sheet.error.rows", new Object[] {e.getPropertyName(), MAX_MILESTONE_ROWS},
                        locale));
    }

    @GetMapping("/drafts")
    String drafts(Model model) {
        model.addAttribute("drafts", sheets.publicDrafts());
        model.addAttribute("now", clock.instant());
        return "commitments/drafts";
    }

    @GetMapping("/drafts/{id}")
    String draft(@PathVariable long id, @RequestParam(required = false) Integer from,
            @RequestParam(required = false) Integer to, Model model, Locale locale) {
        Commitment c = publicDraft(id);
        fillDraft(model, c, from, to);
        return "commitments/draft";
    }

    @PostMapping("/drafts/{id}/comments")
    String comment(@PathVariable long id, @RequestParam(defaultValue = "") String section,
            @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String organization,
            @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "false") boolean consent,
            @RequestParam(defaultValue = "") String body, Model model, RedirectAttributes redirect,
            HttpServletRequest request) {
        limits.admit(PublicAction.COMMENT, request, email);
        Commitment c = publicDraft(id);
        try {
            sheets.comment(id, section, name, organization, email, consent, body);
        } catch (InputRefusedException e) {
            model.addAttribute("problems", SheetProblem.of(e.problems()));
            model.addAttribute("commentSection", section);
            model.addAttribute("commentName", name);
            model.addAttribute("commentOrganization", organization);
            model.addAttribute("commentEmail", email);
            model.addAttribute("commentBody", body);
            fillDraft(model, c, null, null);
            model.addAttribute("refused", true);
            return "commitments/draft";
        }
        redirect.addFlashAttribute("commented", true);
        return "redirect:/drafts/" + id + "#section-" + section;
    }

    private Commitment publicDraft(long id) {
        Commitment c = sheets.get(id);
        if (c.getStatus() == Commitment.Status.DRAFT) {
            throw new NotFoundException("draft", id);
        }
        return c;
    }

    private void fillDraft(Model model, Commitment c, Integer from, Integer to) {
        CommitmentSheet sheet = sheets.sheetOf(c);
        List<CommitmentVersion> versions = sheets.versions(c.getId());
        model.addAttribute("commitment", c);
        model.addAttribute("now", clock.instant());
        model.addAttribute("sheet", sheet);
        model.addAttribute("sections", CommitmentSheet.Section.values());
        model.addAttribute("comments", sheets.commentsBySection(c.getId()));
        model.addAttribute("versions", versions);
        model.addAttribute("open", c.getStatus() == Commitment.Status.CIRCULATING && c.getCommentDeadline() != null
                && clock.instant().isBefore(c.getCommentDeadline()));
        int last = versions.isEmpty() ? 1 : versions.get(versions.size() - 1).getVersion();
        int newer = to == null ? last : to;
        int older = from == null ? circulatedVersion(c, versions, newer) : from;
        if (older > 0 && older < newer && newer <= last) {
            model.addAttribute("changes", sheets.diff(c.getId(), older, newer, ogpLabels()));
            model.addAttribute("from", older);
            model.addAttribute("to", newer);
        }
    }

    /** OGP value ids to their labels in the request's language ({@code ogpValue.<id>}; the id when unknown). */
    private Function<String, String> ogpLabels() {
        Locale locale = LocaleContextHolder.getLocale();
        return id -> messages.getMessage("ogpValue." + id, null, id, locale);
    }

    /** The version people commented on (the latest commented one), to compare with the final text. */
    private int circulatedVersion(Commitment c, List<CommitmentVersion> versions, int newer) {
        return sheets.commentsBySection(c.getId()).values().stream().flatMap(List::stream)
                .mapToInt(DraftComment::getVersion).max().orElse(newer > 1 ? newer - 1 : 0);
    }

    /** Commitments in the works, with their axis and lead area by name in the reader's language (not their ids). */
    @GetMapping("/staff/commitments")
    String list(Model model, Locale locale) {
        model.addAttribute("commitments", sheets.inProgress());
        model.addAttribute("areaNames", areas.all().stream().collect(Collectors.toMap(
                Area::getCandidateGroup, a -> a.name(locale))));
        return "staff/commitments";
    }

    @GetMapping("/staff/commitments/{id}")
    String edit(@PathVariable long id, Model model) {
        Commitment c = staffCommitment(id);
        if (!model.containsAttribute("sheetForm")) {
            model.addAttribute("sheetForm", SheetForm.of(sheets.sheetOf(c), 3));
        }
        fillEditor(model, c);
        return "staff/commitment";
    }

    @PostMapping("/staff/commitments/{id}")
    String save(@PathVariable long id, @ModelAttribute("sheetForm") SheetForm form, BindingResult binding,
            Model model, Principal principal, RedirectAttributes redirect) {
        Commitment c = staffCommitment(id);
        if (binding.hasErrors()) {
            model.addAttribute("bindingProblems", binding.getFieldErrors().stream()
                    .map(e -> new SheetProblem(e.getField(), "sheet.error.format")).toList());
            form.keepOneBlankRow();
            fillEditor(model, c);
            return "staff/commitment";
        }
        try {
            int version = sheets.save(id, form.toSheet(), principal.getName(), form.getNote());
            redirect.addFlashAttribute("savedVersion", version);
            return "redirect:/staff/commitments/" + id;
        } catch (InputRefusedException e) {
            model.addAttribute("problems", SheetProblem.of(e.problems()));
            form.keepOneBlankRow();
            fillEditor(model, c);
            return "staff/commitment";
        }
    }

    private void fillEditor(Model model, Commitment c) {
        List<CommitmentVersion> versions = sheets.versions(c.getId());
        model.addAttribute("commitment", c);
        model.addAttribute("versions", versions);
        model.addAttribute("areas", areas.all());
        model.addAttribute("ogpValues", CommitmentSheet.OGP_VALUES);
        model.addAttribute("editable", !c.sheetLocked());
        if (versions.size() > 1) {
            int last = versions.get(versions.size() - 1).getVersion();
            model.addAttribute("changes", sheets.diff(c.getId(), last - 1, last, ogpLabels()));
            model.addAttribute("from", last - 1);
            model.addAttribute("to", last);
        }
    }

    @GetMapping("/staff/commitments/{id}/comments")
    String comments(@PathVariable long id, Model model) {
        Commitment c = staffCommitment(id);
        model.addAttribute("commitment", c);
        model.addAttribute("comments", sheets.commentsBySection(id));
        model.addAttribute("unanswered", sheets.unanswered(id));
        return "staff/commitment-comments";
    }

    @PostMapping("/staff/commitments/{id}/comments/{commentId}")
    String answer(@PathVariable long id, @PathVariable long commentId, @RequestParam(defaultValue = "") String answer,
            @RequestParam(defaultValue = "") String reason, Principal principal, RedirectAttributes redirect) {
        staffCommitment(id);
        boolean ofThisCommitment = sheets.commentsBySection(id).values().stream().flatMap(List::stream)
                .anyMatch(k -> k.getId() == commentId);
        if (!ofThisCommitment) {
            throw new NotFoundException("comment", commentId);
        }
        try {
            sheets.answer(commentId, answer, reason, principal.getName());
        } catch (InputRefusedException e) {
            redirect.addFlashAttribute("problems", SheetProblem.of(e.problems()));
            redirect.addFlashAttribute("problemComment", commentId);
        }
        return "redirect:/staff/commitments/" + id + "/comments#comment-" + commentId;
    }

    @GetMapping("/staff/endorsements")
    String endorsementsPage(Model model) {
        model.addAttribute("endorsements", endorsements.of(actionPlan));
        model.addAttribute("actionPlan", actionPlan.toUpperCase(Locale.ROOT));
        return "staff/endorsements";
    }

    @PostMapping("/staff/endorsements")
    String endorse(@RequestParam(defaultValue = "") String organization, @RequestParam(defaultValue = "") String person,
            @RequestParam(defaultValue = "") String role, @RequestParam(defaultValue = "") String endorsedOn,
            Principal principal, RedirectAttributes redirect) {
        LocalDate day = null;
        try {
            day = endorsedOn.isBlank() ? null : LocalDate.parse(endorsedOn);
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("problems",
                    List.of(new SheetProblem("endorsedOn", "sheet.error.format")));
            return "redirect:/staff/endorsements";
        }
        try {
            endorsements.record(actionPlan, organization, person, role, day, principal.getName());
            redirect.addFlashAttribute("recorded", true);
        } catch (InputRefusedException e) {
            redirect.addFlashAttribute("problems", SheetProblem.of(e.problems()));
        }
        return "redirect:/staff/endorsements";
    }

    private Commitment staffCommitment(long id) {
        return sheets.get(id);
    }
}
