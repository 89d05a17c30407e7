package org.cocrea.web;

import java.util.Locale;

import org.cocrea.kernel.Languages;

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

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("cocrea-lang");
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

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }
}
