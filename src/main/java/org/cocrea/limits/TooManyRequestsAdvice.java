package org.cocrea.limits;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.cocrea.kernel.Languages;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.json.MappingJackson2JsonView;
import org.springframework.web.util.UrlPathHelper;

/**
 * Answers {@link TooManyRequestsException} with 429 and {@code Retry-After} (seconds): under {@code /api/} the public
 * API's error body ({@code {"errors":[{"field":"body","code":"tooManyRequests","reason":"..."}]}}), elsewhere the page
 * {@code templates/error/429.html}, in the visitor's language.
 */
@ControllerAdvice
class TooManyRequestsAdvice {

    /** The page, also used by Spring Boot's error handling for a 429 sent by {@link LoginThrottleFilter}. */
    static final String PAGE = "error/429";

    private final MessageSource messages;
    private final ObjectMapper json;
    private final UrlPathHelper paths = new UrlPathHelper();

    TooManyRequestsAdvice(MessageSource messages, ObjectMapper json) {
        this.messages = messages;
        this.json = json;
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ModelAndView tooManyRequests(TooManyRequestsException e, HttpServletRequest request, HttpServletResponse response,
            Locale locale) {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        ModelAndView answer;
        if (paths.getPathWithinApplication(request).startsWith("/api/")) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("field", "body");
            entry.put("code", "tooManyRequests");
            entry.put("reason", messages.getMessage("limits.api", new Object[] {e.retryAfterSeconds()},
                    Languages.supported(locale)));
            answer = new ModelAndView(new MappingJackson2JsonView(json), Map.of("errors", List.of(entry)));
        } else {
            answer = new ModelAndView(PAGE, Map.of("retryAfterSeconds", e.retryAfterSeconds(), "retryAfterMinutes",
                    e.retryAfterMinutes()));
        }
        answer.setStatus(HttpStatus.TOO_MANY_REQUESTS);
        return answer;
    }
}
