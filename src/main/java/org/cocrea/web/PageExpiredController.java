package org.cocrea.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.cocrea.kernel.InputText;
import org.cocrea.kernel.Languages;
import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The answer to a form sent from a page that expired: its session ended (or it was opened long ago in another tab), so
 * its CSRF token is no longer valid and Spring Security refuses the POST. Instead of "no permission" and the typed text
 * lost, the visitor reads that the page expired, sees what they typed (free texts in text areas they can still edit,
 * the other fields kept hidden) and sends it again with one button, which now carries a valid token. HTTP 403, as the
 * refusal is; nothing was stored. Reached only by the forward of {@code SecurityConfiguration}'s access-denied
 * handler for CSRF refusals of site pages (never {@code /api/**} or the engine's paths).
 */
@Controller
class PageExpiredController {

    /** Where the access-denied handler forwards a refused form. */
    static final String PATH = "/page-expired";

    /** Never written back into the page: the token itself, and credentials. */
    private static final Set<String> NOT_KEPT = Set.of("_csrf", "password", "username", "lang");
    /** Fields shown as editable text (the rest stay hidden): what people type at length. */
    private static final Set<String> TEXTS = Set.of("body", "reason", "description", "text", "comment", "outcome",
            "title", "name", "organization", "email");
    /** Longest value kept, in characters; the form's own limits are lower, so nothing valid is cut. */
    private static final int MAX_VALUE = 20_000;

    private final MessageSource messages;

    PageExpiredController(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * One field of the refused form.
     *
     * @param name  the parameter's name as sent
     * @param label its label for people ({@code field.<name>}, else the name)
     * @param value the value sent, without control characters, cut to {@value #MAX_VALUE} characters
     * @param text  whether it is shown as an editable text area (else a hidden field)
     */
    record Field(String name, String label, String value, boolean text) {
    }

    @RequestMapping(PATH)
    String expired(HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        Object uri = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        String action = uri instanceof String u && u.startsWith(request.getContextPath() + "/")
                ? u.substring(request.getContextPath().length()) : null;
        if (action != null && (action.startsWith("//") || action.equals(PATH))) {
            action = null;
        }
        Locale l = Languages.supported(locale);
        List<Field> fields = new ArrayList<>();
        for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
            String name = p.getKey();
            if (NOT_KEPT.contains(name) || InputText.hasForbiddenCharacters(name) || name.length() > 60) {
                continue;
            }
            for (String v : p.getValue()) {
                String value = InputText.cut(withoutForbiddenCharacters(v), MAX_VALUE);
                fields.add(new Field(name, ErrorResponses.fieldLabel(messages, name, l), value,
                        TEXTS.contains(name) || value.length() > 80 || value.contains("\n")));
            }
        }
        // The new token is made now, while the response can still set the session cookie.
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            token.getToken();
        }
        model.addAttribute("action", action);
        model.addAttribute("fields", fields);
        return "page-expired";
    }

    /** {@link InputText#withoutForbiddenCharacters}, line by line: a comment keeps its line breaks. */
    private static String withoutForbiddenCharacters(String value) {
        return String.join("\n", Arrays.stream(value.split("\r?\n", -1))
                .map(InputText::withoutForbiddenCharacters).toList());
    }
}
