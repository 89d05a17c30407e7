package org.cocrea.forum;

import java.security.Principal;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.cocrea.kernel.InputRefusedException;
import org.cocrea.kernel.ProblemTexts;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The staff page of the forum ({@code /staff/forum}, open-government team and administrators): the members with
 * their terms (add, edit, end a term) and the rules' versions. Refused input answers 400 with the form and one line
 * per refused field ("field: reason").
 */
@Controller
class ForumStaffController {

    private final Forum forum;
    private final ProblemTexts texts;

    ForumStaffController(Forum forum, MessageSource messages) {
        this.forum = forum;
        this.texts = new ProblemTexts(messages);
    }

    private static Forum.MemberInput input(String organisation, String sector, String type, String representative,
            String namePublic, String email, String termStart, String termEnd) {
        return new Forum.MemberInput(organisation, sector, type, representative, namePublic != null, email, termStart,
                termEnd);
    }

    @GetMapping("/staff/forum")
    String page(Model model) {
        if (!model.containsAttribute("input")) {
            model.addAttribute("input", new Forum.MemberInput("", "", "CIVIL_SOCIETY", "", false, "",
                    forum.today().toString(), ""));
        }
        model.addAttribute("members", forum.all());
        model.addAttribute("today", forum.today());
        model.addAttribute("rules", forum.rules().orElse(null));
        model.addAttribute("sectors", ForumMember.Sector.values());
        model.addAttribute("types", ForumMember.Type.values());
        return "forum/staff";
    }

    @PostMapping("/staff/forum/members")
    String add(@RequestParam(defaultValue = "") String organisation, @RequestParam(defaultValue = "") String sector,
            @RequestParam(defaultValue = "") String type, @RequestParam(defaultValue = "") String representative,
            @RequestParam(required = false) String namePublic, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String termStart, @RequestParam(defaultValue = "") String termEnd,
            Principal principal, Model model, Locale locale, HttpServletResponse response) {
        Forum.MemberInput input = input(organisation, sector, type, representative, namePublic, email, termStart,
                termEnd);
        try {
            forum.add(input, principal.getName());
            return "redirect:/staff/forum?added";
        } catch (InputRefusedException e) {
            refused(e, model, locale, response);
            model.addAttribute("input", input);
            return page(model);
        }
    }

    @GetMapping("/staff/forum/members/{id}")
    String edit(@PathVariable long id, Model model) {
        ForumMember m = forum.member(id);
        if (!model.containsAttribute("input")) {
            model.addAttribute("input", new Forum.MemberInput(m.getOrganisation(), m.getSector().name(),
                    m.getType().name(), m.getRepresentative(), m.isNamePublic(), m.getEmail(),
                    m.getTermStart().toString(), m.getTermEnd() == null ? "" : m.getTermEnd().toString()));
        }
        model.addAttribute("member", m);
        model.addAttribute("sectors", ForumMember.Sector.values());
        model.addAttribute("types", ForumMember.Type.values());
        return "forum/member";
    }

    @PostMapping("/staff/forum/members/{id}")
    String save(@PathVariable long id, @RequestParam(defaultValue = "") String organisation,
            @RequestParam(defaultValue = "") String sector, @RequestParam(defaultValue = "") String type,
            @RequestParam(defaultValue = "") String representative, @RequestParam(required = false) String namePublic,
            @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String termStart,
            @RequestParam(defaultValue = "") String termEnd, Model model, Locale locale,
            HttpServletResponse response) {
        Forum.MemberInput input = input(organisation, sector, type, representative, namePublic, email, termStart,
                termEnd);
        try {
            forum.edit(id, input);
            return "redirect:/staff/forum?saved";
        } catch (InputRefusedException e) {
            refused(e, model, locale, response);
            model.addAttribute("input", input);
            return edit(id, model);
        }
    }

    @PostMapping("/staff/forum/members/{id}/end")
    String end(@PathVariable long id, Model model, Locale locale, HttpServletResponse response) {
        try {
            forum.endTerm(id);
            return "redirect:/staff/forum?ended";
        } catch (InputRefusedException e) {
            refused(e, model, locale, response);
            return page(model);
        }
    }

    @PostMapping("/staff/forum/rules")
    String rules(@RequestParam(defaultValue = "") String version, @RequestParam(defaultValue = "") String document,
            @RequestParam(defaultValue = "") String url, @RequestParam(defaultValue = "") String adoptedOn,
            Principal principal, Model model, Locale locale, HttpServletResponse response) {
        try {
            forum.recordRules(version, document, url, adoptedOn, principal.getName());
            return "redirect:/staff/forum?rules";
        } catch (InputRefusedException e) {
            refused(e, model, locale, response);
            return page(model);
        }
    }

    private void refused(InputRefusedException e, Model model, Locale locale, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("errors", e.problems().stream().map(p -> texts.labelled(p, "forum.field.", locale))
                .toList());
    }
}
