package org.cocrea.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.cocrea.kernel.Languages;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UrlPathHelper;

/**
 * Requests the application cannot even read get 400 with the field and the reason, never 500: a multipart body that
 * is malformed or cut short (Tomcat cannot parse it, so Spring throws {@link MultipartException} before any
 * controller runs), and a parameter that is not of its type (e.g. {@code consent=yes please}, {@code id=abc}). Paths
 * under {@code /api/} and ending in {@code .json} answer the public API's JSON
 * ({@code {"errors":[{"field","code","reason"}]}}); pages answer the error page with the field's label for people
 * ({@code field.<name>} in the bundles) and the reason, and a link back to the page the visitor came from. A feature's own handlers take precedence (this advice has the lowest order). A body
 * over the upload limit stays 413 (Spring's {@link MaxUploadSizeExceededException} handling).
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class MalformedRequestErrors {

    private final MessageSource messages;
    private final UrlPathHelper paths = new UrlPathHelper();

    MalformedRequestErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(MultipartException.class)
    Object multipart(MultipartException e, HttpServletRequest request, Locale locale) throws MultipartException {
        if (e instanceof MaxUploadSizeExceededException) {
            throw e; // 413 by DefaultHandlerExceptionResolver
        }
        return refuse(request, locale, "body", "multipart");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    Object typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request, Locale locale) {
        return refuse(request, locale, e.getName(), "invalid");
    }

    private Object refuse(HttpServletRequest request, Locale locale, String field, String code) {
        Locale l = Languages.supported(locale);
        String reason = messages.getMessage("validation." + code, null, code, l);
        if (ErrorResponses.answersJson(paths.getPathWithinApplication(request))) {
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("errors", List.of(Map.of("field", field, "code", code, "reason", reason))));
        }
        ModelAndView page = new ModelAndView("error", HttpStatus.BAD_REQUEST);
        page.addObject("status", HttpStatus.BAD_REQUEST.value());
        page.addObject("field", field);
        page.addObject("fieldLabel", ErrorResponses.fieldLabel(messages, field, l));
        page.addObject("reason", reason);
        page.addObject("back", ErrorResponses.backLink(request));
        return page;
    }
}
