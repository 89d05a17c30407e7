package org.cocrea.web;

import java.util.Arrays;
import java.util.LinkedHashMap;

import org.cocrea.kernel.Groups;
import org.cocrea.workflow.EngineUserAuthenticationProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may see what. Public: the home page, the proposal form and status pages, {@code /api/proposals}, health, static
 * files, the directory's subscribe page and each person's unsubscribe and data pages (reached through a private
 * token; one-click unsubscribe from mail clients is a POST without CSRF token, RFC 8058). One login serves the
 * staff pages and Camunda's webapps: the form at {@code /login} (users, passwords and groups of the engine's identity
 * service); the webapps ({@code /camunda/app/**}, {@code /camunda/api/**}) need it, take its user
 * ({@code org.cocrea.workflow.WebappSingleLogin}) and keep their own CSRF protection, and logging out of either ends
 * both. {@code /engine-rest/**} keeps HTTP Basic (Modeler, scripts). Staff pages ({@code /staff/**}) need the
 * open-government team or an administrator, except the migration pages ({@code /staff/migrations/**}), which need
 * a process owner or an administrator; everything else needs a login. A session follows the user's current
 * account at every request ({@link CurrentAccountFilter}): deleting the user logs them out, group changes apply at once.
 *
 * <p>Every page of the application's own (all but {@code /camunda/**}, whose webapps send their own nonce-based policy)
 * carries {@link #CONTENT_SECURITY_POLICY}: the pages use no script, no inline style and nothing from another origin,
 * so the policy allows only same-origin styles, images and fonts (OWASP ASVS 4.0.3, V14.4.3); Swagger UI (staff only)
 * gets {@link #SWAGGER_UI_POLICY}. {@code /v3/api-docs} is public. {@code /actuator/prometheus}:
 * {@link MetricsSecurityConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String STAFF = Groups.authority(Groups.OPEN_GOVERNMENT_TEAM);
    static final String ADMIN = Groups.authority(Groups.ADMINS);
    static final String PROCESS_OWNERS = Groups.authority(Groups.PROCESS_OWNERS);

    /** Content-Security-Policy of the application's own pages. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'none'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'self'";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, EngineUserAuthenticationProvider provider)
            throws Exception {
        http.authenticationProvider(provider)
                .addFilterBefore(new CurrentAccountFilter(provider), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/", "/error", "/login", "/css/**", "/favicon.ico", "/favicon.svg").permitAll()
                        // where a form sent from an expired page is forwarded (its CSRF token refused), text kept
                        .requestMatchers(PageExpiredController.PATH).permitAll()
                        .requestMatchers(HttpMethod.GET, "/proposals/new", "/proposals/*").permitAll()
                        .requestMatchers(HttpMethod.POST, "/proposals/new").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/proposals/*").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/proposals").permitAll()
                        // the public list of every proposal and its open data (issue 11)
                        .requestMatchers(HttpMethod.GET, "/proposals", "/proposals.csv", "/api/proposals",
                                "/api/proposals.csv").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/proposals", "/proposals.csv", "/api/proposals",
                                "/api/proposals.csv").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/subscribe", "/subscribe/confirm/*", "/unsubscribe/*", "/my-data/*", "/my-data/*/export",
                                "/my-data/*/erase").permitAll()
                        // Following pages by e-mail (org.cocrea.following): the form, its confirmation, unsubscribe
                        .requestMatchers("/follow", "/follow/confirm/*", "/follow/unsubscribe/*", "/follow/forget/*").permitAll()
                        .requestMatchers(HttpMethod.GET, "/round-tables", "/round-tables/*").permitAll()
                        .requestMatchers(HttpMethod.GET, "/co-creation", "/co-creation/*", "/co-creation/*/figures.json")
                                .permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/co-creation", "/co-creation/*", "/co-creation/*/figures.json")
                                .permitAll()
                        .requestMatchers(HttpMethod.GET, "/forum", "/forum/meetings/*").permitAll()
                        .requestMatchers(HttpMethod.GET, "/communities", "/communities/*", "/communities/*/events/*",
                                "/communities/*/events/*/calendar.ics", "/communities/registrations/*").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/communities", "/communities/*", "/communities/*/events/*")
                                .permitAll()
                        .requestMatchers(HttpMethod.POST, "/communities/*/events/*/register",
                                "/communities/registrations/*/withdraw").permitAll()
                        .requestMatchers(HttpMethod.GET, "/action-plan", "/action-plan.pdf", "/api/action-plan",
                                "/api/action-plan.csv", "/drafts", "/drafts/*", "/dashboard", "/dashboard/**", "/api/dashboard",
                                "/api/dashboard.csv", "/self-assessment", "/self-assessment.pdf").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/", "/proposals/new", "/proposals/*", "/api/proposals/*",
                                "/round-tables", "/round-tables/*", "/action-plan", "/action-plan.pdf",
                                "/api/action-plan", "/api/action-plan.csv", "/drafts", "/drafts/*", "/dashboard", "/dashboard/**",
                                "/api/dashboard", "/api/dashboard.csv", "/self-assessment", "/self-assessment.pdf").permitAll()
                        .requestMatchers(HttpMethod.POST, "/round-tables/*/register", "/drafts/*/comments").permitAll()
                        // Moderation (issue 11): anyone may report; a commenter's private link edits or withdraws
                        .requestMatchers(HttpMethod.POST, "/moderation/reports", "/drafts/comments/*",
                                "/drafts/comments/*/withdraw").permitAll()
                        .requestMatchers(HttpMethod.GET, "/drafts/comments/*").permitAll()
                        // One login (issue 10): the webapps trust the Spring Security login
                        // (org.cocrea.workflow.WebappSingleLogin); their own login form is closed.
                        .requestMatchers(HttpMethod.POST, WEBAPP_LOGIN).denyAll()
                        .requestMatchers("/camunda/app/**", "/camunda/api/**").authenticated()
                        .requestMatchers("/camunda/**", "/engine-rest/**").permitAll()
                        // OpenAPI description public (it describes public APIs, holds no data); Swagger UI staff only
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**").permitAll()
                        .requestMatchers(SWAGGER_UI).hasAnyAuthority(STAFF, ADMIN)
                        // Migrating running instances to a new model version is the process owners' (issue 13)
                        .requestMatchers("/staff/migrations", "/staff/migrations/**")
                        .hasAnyAuthority(PROCESS_OWNERS, ADMIN)
                        .requestMatchers("/staff/**").hasAnyAuthority(STAFF, ADMIN)
                        .anyRequest().authenticated())
                // POST /follow: the form sits in publicly cached pages (no session token); a forged request can only mail a
                // confirmation link (double opt-in). /follow/unsubscribe/*: one-click unsubscribe (RFC 8058).
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**", "/camunda/**", "/engine-rest/**", "/unsubscribe/*",
                        "/follow", "/follow/unsubscribe/*"))
                .headers(h -> h.frameOptions(HeadersConfigurer.FrameOptionsConfig::sameOrigin)
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(new OrRequestMatcher(
                                        PathPatternRequestMatcher.withDefaults().matcher("/camunda/**"),
                                        PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**"),
                                        swaggerUi())),
                                new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(swaggerUi(),
                                new ContentSecurityPolicyHeaderWriter(SWAGGER_UI_POLICY))))
                .formLogin(form -> form.loginPage("/login").successHandler(landingPage()).permitAll())
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint()).accessDeniedHandler(accessDenied()))
                .logout(logout -> logout
                        .logoutRequestMatcher(new OrRequestMatcher(
                                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/logout"),
                                WEBAPP_LOGOUT))
                        .defaultLogoutSuccessHandlerFor(
                                new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT), WEBAPP_LOGOUT)
                        .logoutSuccessUrl("/"));
        return http.build();
    }

    /** Swagger UI (springdoc-openapi), staff only. */
    static final String[] SWAGGER_UI = {"/swagger-ui.html", "/swagger-ui/**"};

    /**
     * Swagger UI is a script application: its path alone (staff only) may run same-origin scripts (springdoc serves
     * them from the webjar, none inline) and use inline styles, which its components set.
     */
    static final String SWAGGER_UI_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'self'";

    private static RequestMatcher swaggerUi() {
        return new OrRequestMatcher(Arrays.stream(SWAGGER_UI)
                .map(p -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(p)).toList());
    }

    /** The Camunda webapps' own login form, closed: {@code /login} is the only login of the webapps. */
    static final String WEBAPP_LOGIN = "/camunda/api/admin/auth/user/*/login/*";

    /**
     * The webapps' logout ({@code POST /camunda/api/admin/auth/user/{engine}/logout}, sent by their "Log out" menu)
     * ends the whole session, the staff pages' login included, and answers 204 as Camunda does. (A forged one, without
     * the webapps' CSRF token, could only end the session too: Camunda's CSRF filter invalidates the session of any
     * request to the webapps that lacks the token; and the SameSite=Lax session cookie is not sent on another site's
     * POST.)
     */
    static final RequestMatcher WEBAPP_LOGOUT =
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/*/logout");

    /**
     * Anonymous requests: the webapps' internal API ({@code /camunda/api/**}) answers 401, which the webapps handle;
     * everything else (pages, including {@code /camunda/app/**}) goes to {@code /login} and, after it, back to the page
     * asked for.
     */
    private static AuthenticationEntryPoint entryPoint() {
        var entryPoints = new LinkedHashMap<RequestMatcher, AuthenticationEntryPoint>();
        entryPoints.put(PathPatternRequestMatcher.withDefaults().matcher("/camunda/api/**"),
                new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED));
        var delegating = new DelegatingAuthenticationEntryPoint(entryPoints);
        delegating.setDefaultEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"));
        return delegating;
    }

    /**
     * A POST of a site page refused for its CSRF token (the page expired: session ended, or opened long ago) is
     * forwarded to {@link PageExpiredController}, which says so and gives the typed text back with a valid token;
     * every other refusal (and any of {@code /api/**} or the engine's paths) is the usual 403.
     */
    private static AccessDeniedHandler accessDenied() {
        AccessDeniedHandlerImpl expired = new AccessDeniedHandlerImpl();
        expired.setErrorPage(PageExpiredController.PATH);
        AccessDeniedHandler refused = new AccessDeniedHandlerImpl();
        return (request, response, e) -> {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (e instanceof CsrfException && HttpMethod.POST.matches(request.getMethod())
                    && ErrorResponses.answersHtml(path)) {
                expired.handle(request, response, e);
            } else {
                refused.handle(request, response, e);
            }
        };
    }

    /** After login: back to the page that asked for it, else staff pages for the team, else the user's settings. */
    private static AuthenticationSuccessHandler landingPage() {
        var saved = new SavedRequestAwareAuthenticationSuccessHandler();
        return (request, response, authentication) -> {
            boolean staff = authentication.getAuthorities().stream()
                    .anyMatch(a -> STAFF.equals(a.getAuthority()) || ADMIN.equals(a.getAuthority()));
            saved.setDefaultTargetUrl(staff ? "/staff" : "/me/notifications");
            saved.onAuthenticationSuccess(request, response, authentication);
        };
    }
}
