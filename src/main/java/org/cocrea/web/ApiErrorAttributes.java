package org.cocrea.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cocrea.kernel.Languages;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;

/**
 * Errors the container or Spring answer before a controller of the public API runs (a body Tomcat cannot decode, an
 * unknown path, a wrong method) carry the API's error list too, so every 4xx of {@code /api/**} and of the open-data
 * files ({@code *.json}, e.g. {@code /co-creation/999/figures.json}) names a field and a reason:
 * {@code "errors":[{"field":"body","code":"malformed","reason":"..."}]} next to Spring Boot's usual attributes. The
 * error page of every path also gets {@code back}, the page of this site the visitor came from (for its link back;
 * {@link ErrorResponses#backLink}).
 */
@Component
class ApiErrorAttributes extends DefaultErrorAttributes {

    private final MessageSource messages;

    ApiErrorAttributes(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        Object path = request.getAttribute("jakarta.servlet.error.request_uri", RequestAttributes.SCOPE_REQUEST);
        if (request instanceof ServletWebRequest servlet && !(path instanceof String p0 && ErrorResponses.answersJson(p0))) {
            String back = ErrorResponses.backLink(servlet.getRequest());
            if (back != null) {
                attributes.put("back", back);
            }
        }
        if (path instanceof String p && ErrorResponses.answersJson(p) && attributes.get("status") instanceof Integer status
                && status >= 400 && status < 500) {
            String code = switch (status) {
                case 400 -> "malformed";
                case 404 -> "notFound";
                case 405 -> "method";
                case 413 -> "tooLarge";
                case 415 -> "contentType";
                default -> "invalid";
            };
            Locale locale = request.getLocale();
            String fallback = HttpStatus.resolve(status) == null ? code : HttpStatus.resolve(status).getReasonPhrase();
            attributes.put("errors", List.of(Map.of("field", "body", "code", code, "reason",
                    messages.getMessage("validation." + code, null, fallback, Languages.supported(locale)))));
        }
        return attributes;
    }
}
