package org.cocrea.web;

import java.util.Locale;
import java.util.TimeZone;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.cocrea.kernel.Languages;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleTimeZoneAwareLocaleContext;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Language of the public pages: {@code ?lang=es|en} (remembered in a cookie), else the browser's
 * {@code Accept-Language} if it prefers English, else Spanish; never a third language ({@link SupportedLocaleResolver}).
 */
@Configuration(proxyBeanMethods = false)
public class LocaleConfiguration implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new SupportedLocaleResolver();
        resolver.setDefaultLocaleFunction(request -> {
            if (request.getHeader("Accept-Language") == null) {
                return Languages.SPANISH;
            }
            var preferred = request.getLocales();
            while (preferred.hasMoreElements()) {
                Locale l = preferred.nextElement();
                if ("en".equals(l.getLanguage()) || "es".equals(l.getLanguage())) {
                    return Languages.supported(l);
                }
            }
            return Languages.SPANISH;
        });
        return resolver;
    }

    /**
     * The {@code cocrea-lang} cookie resolver answering only the two languages of {@link Languages#SUPPORTED}: a
     * cookie or {@code ?lang=} of any other language ({@code ru}, {@code en-GB}, {@code es-AR}) is read as
     * {@link Languages#supported} says (English for any English, else Spanish), and that is what the cookie then
     * stores. So a page is never rendered in a locale its texts do not exist in, and its {@code lang},
     * {@code Content-Language}, month names and cache key always agree: the key of a kept rendering
     * ({@code org.cocrea.kernel.RenderedResponses}) names the supported language, so a page rendered for a
     * {@code cocrea-lang=ru} cookie used to be served, Russian month names and all, to every later reader. A cookie
     * that is no locale at all is ignored ({@code rejectInvalidCookies} off: Spring's default answered it with a 500).
     */
    static final class SupportedLocaleResolver extends CookieLocaleResolver {

        SupportedLocaleResolver() {
            super("cocrea-lang");
            // Spring's default (true) answers a cookie that is no locale, e.g. "<x>", with an IllegalStateException: a 500
            setRejectInvalidCookies(false);
        }

        /** @return the request's language, es or en */
        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            return Languages.supported(super.resolveLocale(request));
        }

        /**
         * @return the request's language (es or en) and its time zone, if a cookie named one; read when asked, as
         *     Spring's own context is, so that a {@code ?lang=} the interceptor applies later in the same request
         *     is what the page is rendered in
         */
        @Override
        public LocaleContext resolveLocaleContext(HttpServletRequest request) {
            LocaleContext context = super.resolveLocaleContext(request);
            return new TimeZoneAwareLocaleContext() {
                @Override
                public Locale getLocale() {
                    return Languages.supported(context.getLocale());
                }

                @Override
                public TimeZone getTimeZone() {
                    return context instanceof TimeZoneAwareLocaleContext zoned ? zoned.getTimeZone() : null;
                }
            };
        }

        /** Stores es or en (the supported language of the one asked for); null removes the cookie. */
        @Override
        public void setLocaleContext(HttpServletRequest request, HttpServletResponse response,
                LocaleContext context) {
            if (context == null || context.getLocale() == null) {
                super.setLocaleContext(request, response, context);
                return;
            }
            super.setLocaleContext(request, response, new SimpleTimeZoneAwareLocaleContext(
                    Languages.supported(context.getLocale()),
                    context instanceof TimeZoneAwareLocaleContext zoned ? zoned.getTimeZone() : null));
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }
}
