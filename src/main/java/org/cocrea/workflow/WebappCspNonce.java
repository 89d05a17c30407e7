package org.cocrea.workflow;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.webapp.impl.security.filter.headersec.provider.impl.ContentSecurityPolicyProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the Content-Security-Policy nonce of the Camunda webapps (Tasklist, Cockpit, Admin, Welcome) per request.
 *
 * <p>Camunda 7.24's header security filter makes a new nonce for every {@code /camunda} answer, puts it into the
 * policy header and hands it to the page through a <em>servlet-context-wide</em> attribute,
 * {@value ContentSecurityPolicyProvider#ATTR_CSP_FILTER_NONCE}
 * ({@code ContentSecurityPolicyProvider.getHeaderValue(ServletContext)}); the index page is written later in the same
 * request with whatever nonce that attribute holds then ({@code ProcessEnginesFilter}). Two requests at once (the
 * Tasklist loading its page while its scripts call the REST API, or two users) swap nonces: the page's
 * {@code <script nonce>} no longer matches its own policy, the browser blocks every script, and the webapp stays on
 * its loading spinner. The feature came with camunda-bpm-platform pull request 1891 (CAM-14139); no fix upstream is
 * known, and 7.24 is the last Community release.
 *
 * <p>This filter runs before Camunda's filters on {@code /camunda/*} and gives each request a view of the servlet
 * context in which that one attribute is a request attribute, so the nonce written into the header is the one read
 * for the page. Everything else reaches the real servlet context. Nothing changes in the policy itself.
 */
@Configuration(proxyBeanMethods = false)
public class WebappCspNonce {

    /** The servlet context attribute Camunda passes the nonce through, kept per request here. */
    static final String NONCE_ATTRIBUTE = ContentSecurityPolicyProvider.ATTR_CSP_FILTER_NONCE;

    /**
     * Registers the filter first of all on the webapps' paths, so Camunda's header filter and index page see the
     * per-request view.
     *
     * @return the registration of the filter on {@code /camunda/*}
     */
    @Bean
    public FilterRegistrationBean<NonceFilter> webappCspNonceFilter() {
        FilterRegistrationBean<NonceFilter> registration = new FilterRegistrationBean<>(new NonceFilter());
        registration.addUrlPatterns("/camunda/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setName("cocreaWebappCspNonce");
        return registration;
    }

    /** Wraps each webapp request so that its servlet context keeps the nonce attribute in the request. */
    static class NonceFilter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            chain.doFilter(new PerRequestNonce(request), response);
        }
    }

    /** A request whose {@link #getServletContext()} keeps the nonce attribute in the request's own attributes. */
    static class PerRequestNonce extends HttpServletRequestWrapper {

        private final ServletContext context;

        PerRequestNonce(HttpServletRequest request) {
            super(request);
            ServletContext real = request.getServletContext();
            this.context = (ServletContext) Proxy.newProxyInstance(ServletContext.class.getClassLoader(),
                    new Class<?>[] {ServletContext.class},
                    (proxy, method, args) -> invoke(request, real, method, args));
        }

        @Override
        public ServletContext getServletContext() {
            return context;
        }

        private static Object invoke(HttpServletRequest request, ServletContext real, Method method, Object[] args)
                throws Throwable {
            if (args != null && args.length > 0 && NONCE_ATTRIBUTE.equals(args[0])) {
                switch (method.getName()) {
                    case "getAttribute":
                        return request.getAttribute(NONCE_ATTRIBUTE);
                    case "setAttribute":
                        request.setAttribute(NONCE_ATTRIBUTE, args[1]);
                        return null;
                    case "removeAttribute":
                        request.removeAttribute(NONCE_ATTRIBUTE);
                        return null;
                    default:
                        break;
                }
            }
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
