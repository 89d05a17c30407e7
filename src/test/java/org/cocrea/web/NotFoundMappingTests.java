package org.cocrea.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.cocrea.kernel.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.mvc.annotation.ResponseStatusExceptionResolver;

/**
 * {@link NotFoundException} is mapped once, by its {@code @ResponseStatus}: a controller that throws it answers 404
 * through the error page, where a page gets the translated 404 text ({@code error.html} shows {@code error.notFound}
 * for status 404 and no API error list) and {@code /api/**} gets {@link ApiErrorAttributes}' {@code notFound} entry.
 * Runs without the application context.
 */
class NotFoundMappingTests {

    private final ResourceBundleMessageSource messages = messages();

    @Test
    void aNotFoundFromAPageOrTheApiIsA404() {
        for (String path : List.of("/my-data/unknown", "/api/proposals/unknown")) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
            MockHttpServletResponse response = new MockHttpServletResponse();
            Object handled = new ResponseStatusExceptionResolver().resolveException(request, response, null,
                    new NotFoundException("proposal", 42L));
            assertThat(handled).as(path).isNotNull();
            assertThat(response.getStatus()).as(path).isEqualTo(404);
            assertThat(response.getErrorMessage()).as(path).isNull(); // no reason of its own: the error page's text
        }
    }

    @Test
    void aPageGetsTheTranslated404PageAndNoApiErrorList() {
        Map<String, Object> attributes = errorAttributes("/my-data/unknown", Locale.ENGLISH);
        assertThat(attributes).containsEntry("status", 404).doesNotContainKey("errors");
        // error.html: status 404 shows error.notFound, in the reader's language
        assertThat(messages.getMessage("error.notFound", null, Locale.ENGLISH))
                .isEqualTo("We could not find what you are looking for.");
        assertThat(messages.getMessage("error.notFound", null, Locale.forLanguageTag("es")))
                .isEqualTo("No encontramos lo que buscás.");
    }

    @Test
    void theApiGetsItsNotFoundEntry() {
        assertThat(errorAttributes("/api/proposals/unknown", Locale.forLanguageTag("es"))).containsEntry("errors",
                List.of(Map.of("field", "body", "code", "notFound", "reason", "No existe esa dirección de la API.")));
        assertThat(errorAttributes("/api/proposals/unknown", Locale.ENGLISH).get("errors")).asList()
                .singleElement().asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("code", "notFound").containsEntry("field", "body");
    }

    /** The attributes the error page is rendered with after a controller threw a {@link NotFoundException}. */
    private Map<String, Object> errorAttributes(String path, Locale locale) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.addPreferredLocale(locale);
        MockHttpServletResponse response = new MockHttpServletResponse();
        NotFoundException notFound = new NotFoundException("proposal", 42L);
        new ResponseStatusExceptionResolver().resolveException(request, response, null, notFound);
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, response.getStatus());
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, path);
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, notFound);
        return new ApiErrorAttributes(messages).getErrorAttributes(new ServletWebRequest(request),
                ErrorAttributeOptions.defaults());
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
