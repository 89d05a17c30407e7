package org.cocrea.proposal;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.cocrea.kernel.InputRefusedException;
import org.cocrea.kernel.Languages;
import org.cocrea.limits.AbuseLimits;
import org.cocrea.limits.PublicAction;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public JSON API: {@code POST /api/proposals} (201 with the tracking code; 400 naming each bad field; 409 when no
 * call is open) and {@code GET /api/proposals/{trackingCode}} (status and, once sent, the reasoned response; never
 * personal data). Errors are handled by {@link ProposalApiErrors}; a submission over the abuse limits
 * ({@code cocrea.limits}) gets 429 with {@code Retry-After}.
 */
@RestController
class ProposalApiController {

    private final Proposals proposals;
    private final PublicProposals publicProposals;
    private final AbuseLimits limits;
    private final MessageSource messages;

    ProposalApiController(Proposals proposals, PublicProposals publicProposals, AbuseLimits limits,
            MessageSource messages) {
        this.limits = limits;
        this.messages = messages;
        this.proposals = proposals;
        this.publicProposals = publicProposals;
    }

    @PostMapping("/api/proposals")
    @ApiResponse(responseCode = "201",
            description = "Received: the tracking code; Location is its status")
    ResponseEntity<Map<String, String>> submit(@RequestBody ProposalRequest request, Locale locale,
            HttpServletRequest http) {
        limits.admit(PublicAction.PROPOSAL, http, request == null ? null : request.email());
        if (request == null) {
            throw InputRefusedException.of("body", "validation.required");
        }
        String language = request.language() != null ? Languages.supported(Locale.forLanguageTag(request.language())).getLanguage()
                : Languages.supported(locale).getLanguage();
        Proposal p = proposals.submit(new ProposalInput(request.title(), request.description(), request.axis(),
                request.submitterType(), request.organization(), request.name(), request.email(), request.consent(),
                language, null), Channel.API);
        return ResponseEntity.status(HttpStatus.CREATED).header("Location", "/api/proposals/" + p.getTrackingCode())
                .body(Map.of("trackingCode", p.getTrackingCode()));
    }

    /**
     * The public status of a proposal, labels in the request's language: {@code ?lang=} first, then the request's
     * {@code Accept-Language} (its first of Spanish or English), then the site's language cookie, else Spanish. The
     * answer says which in {@code Content-Language}. An unknown code answers 404 with the error list, its message
     * ({@code validation.unknownTrackingCode}) in that language.
     */
    @GetMapping("/api/proposals/{trackingCode}")
    ResponseEntity<?> status(@PathVariable String trackingCode, Locale locale, HttpServletRequest request) {
        Locale language = requestLanguage(request, locale);
        return publicProposals.view(trackingCode, language)
                .<ResponseEntity<?>>map(view -> ResponseEntity.ok().header("Content-Language", language.getLanguage())
                        .header("Vary", "Accept-Language, Cookie").body(view))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .body(ApiError.of("trackingCode", "notFound",
                                messages.getMessage("validation.unknownTrackingCode", null, language))));
    }

    /**
     * An API client says its language in the request; the site's cookie (set by the language link of the pages)
     * only decides when the request says nothing.
     */
    private static Locale requestLanguage(HttpServletRequest request, Locale resolved) {
        String lang = request.getParameter("lang");
        if (lang != null && !lang.isBlank()) {
            return Languages.supported(Locale.forLanguageTag(lang.trim()));
        }
        if (request.getHeader("Accept-Language") != null) {
            for (Locale l : Collections.list(request.getLocales())) {
                if ("es".equals(l.getLanguage()) || "en".equals(l.getLanguage())) {
                    return Languages.supported(l);
                }
            }
        }
        return Languages.supported(resolved);
    }
}
