package org.cocrea.proposal;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.cocrea.limits.AbuseLimits;
import org.cocrea.limits.PublicAction;
import org.cocrea.web.LocaleConfiguration;
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

    ProposalApiController(Proposals proposals, PublicProposals publicProposals, AbuseLimits limits) {
        this.limits = limits;
        this.proposals = proposals;
        this.publicProposals = publicProposals;
    }

    @PostMapping("/api/proposals")
    ResponseEntity<Map<String, String>> submit(@RequestBody ProposalRequest request, Locale locale,
            HttpServletRequest http) {
        limits.admit(PublicAction.PROPOSAL, http, request == null ? null : request.email());
        if (request == null) {
            throw new InvalidProposalException(java.util.List.of(FieldProblem.of("body", "required")));
        }
        String language = request.language() != null ? LocaleConfiguration.supported(Locale.forLanguageTag(request.language())).getLanguage()
                : LocaleConfiguration.supported(locale).getLanguage();
        Proposal p = proposals.submit(new ProposalInput(request.title(), request.description(), request.axis(),
                request.submitterType(), request.organization(), request.name(), request.email(), request.consent(),
                language, null), Channel.API);
        return ResponseEntity.status(HttpStatus.CREATED).header("Location", "/api/proposals/" + p.getTrackingCode())
                .body(Map.of("trackingCode", p.getTrackingCode()));
    }

    @GetMapping("/api/proposals/{trackingCode}")
    ResponseEntity<?> status(@PathVariable String trackingCode, Locale locale) {
        return publicProposals.view(trackingCode, LocaleConfiguration.supported(locale))
                .<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .body(ApiError.of("trackingCode", "notFound", "unknown tracking code")));
    }
}
