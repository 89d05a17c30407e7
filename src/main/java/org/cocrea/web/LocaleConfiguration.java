package org.cocrea.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Language of the public pages: {@code ?lang=es|en} (remembered in a cookie), else the browser's
 * {@code Accept-Language} if it prefers English, else Spanish.
 */
@Configuration(proxyBeanMethods = false)
public class LocaleConfiguration implements WebMvcConfigurer {

    /** Spanish, the default language. */
    public static final Locale SPANISH = Locale.forLanguageTag("es");
    /** The languages every user-facing text exists in. */
    public static final List<Locale> SUPPORTED = List.of(SPANISH, Locale.ENGLISH);

    /**
     * @param requested a locale asked for, may be null
     * @return English when the request's language is English, Spanish otherwise
     */
    public static Locale supported(Locale requested) {
        return requested != null && "en".equals(requested.getLanguage()) ? Locale.ENGLISH : SPANISH;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("cocrea-lang");
        resolver.setDefaultLocaleFunction(request -> {
            if (request.getHeader("Accept-Language") == null) {
                return SPANISH;
            }
            var preferred = request.getLocales();
            while (preferred.hasMoreElements()) {
                Locale l = preferred.nextElement();
                if ("en".equals(l.getLanguage()) || "es".equals(l.getLanguage())) {
                    return supported(l);
                }
            }
            return SPANISH;
        });
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }
}
