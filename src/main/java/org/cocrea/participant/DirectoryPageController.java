package org.cocrea.participant;

import java.io.IOException;
import java.security.Principal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.cocrea.kernel.InputRefusedException;
import org.cocrea.kernel.Languages;
import org.cocrea.kernel.NotFoundException;
import org.cocrea.limits.AbuseLimits;
import org.cocrea.limits.PublicAction;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Public pages of the directory (subscribe to calls and topics; a person's unsubscribe, data export and erasure
 * through their private token) and the staff contact import (upload, progress page, refused rows as CSV; the rows are
 * stored by {@link ContactImportJob}). Subscribing, confirming and the data pages are subject to
 * the abuse limits ({@code cocrea.limits}: 429 page); one-click unsubscribe is not.
 */
@Controller
class DirectoryPageController {

    private static final int SHOWN_REFUSALS = 500;

    private final Contacts contacts;
    private final ContactCsvImport csvImport;
    private final Clock clock;
    private final AbuseLimits limits;

    DirectoryPageController(Contacts contacts, ContactCsvImport csvImport, Clock clock, AbuseLimits limits) {
        this.limits = limits;
        this.contacts = contacts;
        this.csvImport = csvImport;
        this.clock = clock;
    }

    @GetMapping("/subscribe")
    String subscribeForm(Model model) {
        model.addAttribute("topics", contacts.topics());
        model.addAttribute("types", OrganizationType.values());
        return "directory/subscribe";
    }

    @PostMapping("/subscribe")
    String subscribe(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String organization,
            @RequestParam(defaultValue = "") String organizationType,
            @RequestParam(name = "topics", required = false) List<String> topics,
            @RequestParam(name = "consent", defaultValue = "false") boolean consent, Model model, Locale locale,
            HttpServletRequest request) {
        limits.admit(PublicAction.SUBSCRIPTION, request, email);
        model.addAttribute("topics", contacts.topics());
        model.addAttribute("types", OrganizationType.values());
        model.addAttribute("email", email);
        model.addAttribute("name", name);
        model.addAttribute("organization", organization);
        model.addAttribute("organizationType", organizationType);
        Set<String> chosen = topics == null ? Set.of() : new LinkedHashSet<>(topics);
        ContactInput input = new ContactInput(email, name, organization, organizationType, Set.of(), chosen,
                Languages.supported(locale).getLanguage(), clock.instant(),
                "Convocatorias de gobierno abierto y temas elegidos (formulario de suscripción)");
        model.addAttribute("chosenTopics", chosen);
        if (!consent) {
            // every reason at once: the consent and whatever else the data lacks
            List<String> errors = new ArrayList<>(contacts.problems(input));
            errors.add("consent: consent");
            model.addAttribute("errors", errors);
            return "directory/subscribe";
        }
        try {
            contacts.requestSubscription(input, Languages.supported(locale));
        } catch (InputRefusedException e) {
            model.addAttribute("errors", ContactProblems.shown(e));
            return "directory/subscribe";
        }
        model.addAttribute("subscribed", true);
        return "directory/subscribe";
    }

    @GetMapping("/subscribe/confirm/{token}")
    String confirmPage(@PathVariable String token, @RequestParam(defaultValue = "") String topics, Model model) {
        contacts.byToken(token).orElseThrow(() -> new NotFoundException("contact token", null));
        model.addAttribute("token", token);
        model.addAttribute("chosenTopics", topics);
        return "directory/confirm";
    }

    @PostMapping("/subscribe/confirm/{token}")
    String confirm(@PathVariable String token, @RequestParam(defaultValue = "") String topics, Model model,
            HttpServletRequest request) {
        limits.admit(PublicAction.MY_DATA, request, null);
        Contact contact = contacts.byToken(token).orElseThrow(() -> new NotFoundException("contact token", null));
        if (contact.getErasedAt() != null) {
            model.addAttribute("erased", true);
            return "directory/my-data";
        }
        contacts.confirmSubscription(token, Arrays.asList(topics.split(",")));
        model.addAttribute("confirmed", true);
        return "directory/confirm";
    }

    @GetMapping("/unsubscribe/{token}")
    String unsubscribePage(@PathVariable String token, Model model) {
        Contact contact = contacts.byToken(token).orElseThrow(() -> new NotFoundException("contact token", null));
        if (contact.getErasedAt() != null) {
            model.addAttribute("erased", true);
            return "directory/my-data";
        }
        model.addAttribute("contact", contact);
        model.addAttribute("token", token);
        return "directory/unsubscribe";
    }

    /** One-click unsubscribe (RFC 8058): mail clients POST here; the confirmation page posts here too. */
    @PostMapping("/unsubscribe/{token}")
    String unsubscribe(@PathVariable String token, Model model) {
        if (!contacts.unsubscribe(token)) {
            throw new NotFoundException("contact token", null);
        }
        model.addAttribute("done", true);
        model.addAttribute("token", token);
        return "directory/unsubscribe";
    }

    @GetMapping("/my-data/{token}")
    String myData(@PathVariable String token, Model model, HttpServletRequest request) {
        limits.admit(PublicAction.MY_DATA, request, null);
        Contact contact = contacts.byToken(token).orElseThrow(() -> new NotFoundException("contact token", null));
        model.addAttribute("contact", contact);
        model.addAttribute("organizationName", contacts.organizationName(contact));
        model.addAttribute("token", token);
        model.addAttribute("erased", contact.getErasedAt() != null);
        return "directory/my-data";
    }

    @GetMapping(path = "/my-data/{token}/export", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, Object>> export(@PathVariable String token, HttpServletRequest request) {
        limits.admit(PublicAction.MY_DATA, request, null);
        return contacts.export(token).map(data -> ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"mis-datos.json\"").body(data))
                .orElseThrow(() -> new NotFoundException("contact token", null));
    }

    @PostMapping("/my-data/{token}/erase")
    String erase(@PathVariable String token, Model model, HttpServletRequest request) {
        limits.admit(PublicAction.MY_DATA, request, null);
        if (!contacts.erase(token)) {
            throw new NotFoundException("contact token", null);
        }
        model.addAttribute("erased", true);
        return "directory/my-data";
    }

    @GetMapping("/staff/contacts")
    String list(Model model) {
        long[] counts = contacts.counts();
        model.addAttribute("total", counts[0]);
        model.addAttribute("mailable", counts[1]);
        model.addAttribute("contacts", contacts.latest());
        return "staff/contacts";
    }

    @GetMapping("/staff/contacts/import")
    String importForm(Model model) {
        model.addAttribute("columns", ContactCsvImport.COLUMNS);
        model.addAttribute("maxRows", ContactCsvImport.MAX_ROWS);
        model.addAttribute("imports", csvImport.recent());
        return "staff/contacts-import";
    }

    /**
     * Queues an upload and answers 303 to its progress page at once; a refused file (none, too large, not UTF-8,
     * missing columns, too many rows) answers 400 with the form and the reason.
     */
    @PostMapping("/staff/contacts/import")
    ModelAndView importCsv(@RequestParam(name = "file", required = false) MultipartFile file, Model model,
            Principal principal, HttpServletResponse response) throws IOException {
        String error = null;
        Object[] args = {};
        ContactCsvImport.Upload upload = null;
        if (file == null || file.isEmpty()) {
            error = "import.noFile";
        } else if (file.getSize() > ContactCsvImport.MAX_BYTES) {
            error = "directory.import.tooLarge";
            args = new Object[] {ContactCsvImport.MAX_BYTES / (1024 * 1024)};
        } else {
            upload = csvImport.submit(file.getBytes(), file.getOriginalFilename(), principal.getName());
            if (upload.fileError() != null) {
                error = "import.fileError";
                args = new Object[] {upload.fileError()};
            }
        }
        if (error != null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", error);
            model.addAttribute("errorArgs", args);
            return new ModelAndView(importForm(model));
        }
        RedirectView progress = new RedirectView("/staff/contacts/imports/" + upload.id(), true);
        progress.setStatusCode(HttpStatus.SEE_OTHER);
        return new ModelAndView(progress);
    }

    /** An import's progress and, by line, its refused rows (the first 500; all in the CSV); refreshes while it runs. */
    @GetMapping("/staff/contacts/imports/{id}")
    String importStatus(@PathVariable long id, Model model) {
        ContactCsvImport.Status status = csvImport.status(id)
                .orElseThrow(() -> new NotFoundException("contact import", id));
        model.addAttribute("job", status);
        model.addAttribute("refusals", csvImport.refusals(id, SHOWN_REFUSALS));
        model.addAttribute("shownRefusals", SHOWN_REFUSALS);
        return "staff/contacts-import-status";
    }

    @GetMapping(path = "/staff/contacts/imports/{id}/refusals.csv", produces = "text/csv")
    void refusalsCsv(@PathVariable long id, HttpServletResponse response) throws IOException {
        csvImport.status(id).orElseThrow(() -> new NotFoundException("contact import", id));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"import-" + id + "-rechazos.csv\"");
        csvImport.writeRefusals(id, response.getWriter());
    }
}
