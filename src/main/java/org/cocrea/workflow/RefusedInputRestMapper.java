package org.cocrea.workflow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Answers a refused input as a refusal, not as a crash, on both JAX-RS applications that expose the engine:
 * {@code /engine-rest} and the Camunda webapps' internal API ({@code /camunda/api/engine/...}, what Tasklist posts
 * its forms to). When a {@link RefusedInputException} is anywhere in the cause chain (the REST layer reports a
 * completion's failure as 500 "Cannot submit task form ...: ENGINE-03051 ..."), the answer is
 * <ul>
 * <li>404 for an {@link UnknownTaskException} (the task does not exist or was completed meanwhile), 400 otherwise;</li>
 * <li>a JSON body like Camunda's ({@code type}, {@code message}, {@code code}) whose {@code message} is only the
 * reason: no task id prefix, no ENGINE code, no class name;</li>
 * <li>in the language of the request's {@code Accept-Language} (Tasklist sends the browser's) when that is Spanish or
 * English and the refusal knows both texts; otherwise "Spanish / English", as before.</li>
 * </ul>
 * Nothing is logged here: {@link RefusedCommands} logged the refusal once at INFO. Every other error keeps Camunda's
 * standard mapping (and logging).
 */
final class RefusedInputRestMapper {

    private RefusedInputRestMapper() {
    }

    /**
     * @param exception what a resource threw
     * @param headers   the request's headers, may be null
     * @return the refusal's answer, or null when no refusal is in the cause chain
     */
    static Response refusal(Throwable exception, HttpHeaders headers) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RefusedInputException refused) {
                Locale locale = refused.isTranslated() ? language(headers) : null;
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("type", "InvalidRequestException");
                body.put("message", refused.message(locale));
                body.put("code", null);
                Response.ResponseBuilder response = Response
                        .status(refused instanceof UnknownTaskException ? Response.Status.NOT_FOUND
                                : Response.Status.BAD_REQUEST)
                        .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).entity(body);
                if (locale != null) {
                    response.language(locale);
                }
                return response.build();
            }
        }
        return null;
    }

    /**
     * @param headers the request's headers, may be null
     * @return Spanish or English, whichever the reader accepts first; null when neither is asked for (no header,
     *         {@code *}, or only other languages)
     */
    static Locale language(HttpHeaders headers) {
        List<Locale> acceptable;
        try {
            acceptable = headers == null ? List.of() : headers.getAcceptableLanguages();
        } catch (RuntimeException unreadable) { // a malformed header is no reason to fail the answer
            return null;
        }
        for (Locale l : acceptable) {
            if (RefusalTexts.SPANISH.getLanguage().equals(l.getLanguage())) {
                return RefusalTexts.SPANISH;
            }
            if (Locale.ENGLISH.getLanguage().equals(l.getLanguage())) {
                return Locale.ENGLISH;
            }
        }
        return null;
    }

    /**
     * What most resources throw: {@code RestException} (the task resource wraps every engine exception in one, with
     * status 500). Wins over Camunda's {@link RestExceptionHandler} by priority.
     */
    @Priority(1)
    static class RestRefusals implements ExceptionMapper<RestException> {

        private final RestExceptionHandler standard = new RestExceptionHandler();

        @Context
        private HttpHeaders headers;

        @Override
        public Response toResponse(RestException exception) {
            Response refusal = refusal(exception, headers);
            return refusal != null ? refusal : standard.toResponse(exception);
        }
    }

    /**
     * What the other resources let through: an engine exception itself (e.g. a variable update refused by
     * {@link OwnedVariablesGuard}). Wins over Camunda's {@link ProcessEngineExceptionHandler} by priority.
     */
    @Priority(1)
    static class EngineRefusals implements ExceptionMapper<ProcessEngineException> {

        private final ProcessEngineExceptionHandler standard = new ProcessEngineExceptionHandler();

        @Context
        private HttpHeaders headers;

        @Override
        public Response toResponse(ProcessEngineException exception) {
            Response refusal = refusal(exception, headers);
            return refusal != null ? refusal : standard.toResponse(exception);
        }
    }

    /** Registers both mappers on each application. */
    @Configuration(proxyBeanMethods = false)
    static class Registration {

        /** @return the customizer of {@code /engine-rest} (Spring Boot's Jersey application) */
        @Bean
        ResourceConfigCustomizer refusedInputOnEngineRest() {
            return config -> config.register(RestRefusals.class).register(EngineRefusals.class);
        }

        /**
         * The webapps' internal engine API, registered as the Camunda webapp starter would
         * ({@code CamundaBpmWebappInitializer}: a Jersey {@code ServletContainer} named "Engine Api" on
         * {@code <application-path>/api/engine/*} serving {@link EngineRestApplication}), plus the two mappers.
         * {@link EngineRestApplication} has no extension point for providers, and the starter leaves a servlet of that
         * name alone when one is registered already, so this one runs first (highest precedence) and takes its place.
         *
         * @param properties the Camunda properties ({@code camunda.bpm.webapp.application-path}, default
         *                   {@code /camunda})
         * @return the servlet registration
         */
        @Bean
        @ConditionalOnClass(EngineRestApplication.class)
        @ConditionalOnProperty(prefix = "camunda.bpm.webapp", name = "enabled", matchIfMissing = true)
        ServletRegistrationBean<ServletContainer> webappEngineApi(CamundaBpmProperties properties) {
            ResourceConfig config = ResourceConfig.forApplicationClass(EngineRestApplication.class)
                    .register(RestRefusals.class).register(EngineRefusals.class);
            ServletRegistrationBean<ServletContainer> registration = new ServletRegistrationBean<>(
                    new ServletContainer(config), properties.getWebapp().getApplicationPath() + "/api/engine/*");
            registration.setName("Engine Api");
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }
}
