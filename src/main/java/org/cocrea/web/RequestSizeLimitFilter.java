package org.cocrea.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Caps public API bodies at 64 KiB (a proposal is at most a few KiB): a declared larger {@code Content-Length} gets
 * 400 with a JSON error before anything is read, and a body without one (chunked) is counted while it is read and
 * fails as unreadable (400) once past the cap. The path is matched after decoding, as Spring MVC matches it.
 */
@Component
class RequestSizeLimitFilter extends OncePerRequestFilter {

    static final long MAX_BYTES = 64 * 1024;
    private final UrlPathHelper paths = new UrlPathHelper();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !paths.getPathWithinApplication(request).startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BYTES) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"errors\":[{\"field\":\"body\",\"code\":\"tooLarge\",\"reason\":\"request body "
                    + "larger than " + MAX_BYTES + " bytes\"}]}");
            return;
        }
        chain.doFilter(new LimitedRequest(request), response);
    }

    /** A request whose body stream fails once more than {@link #MAX_BYTES} have been read. */
    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private ServletInputStream limited;

        LimitedRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                ServletInputStream in = super.getInputStream();
                limited = new ServletInputStream() {
                    private long count;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0 && ++count > MAX_BYTES) {
                            throw new IOException("request body larger than " + MAX_BYTES + " bytes");
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int off, int len) throws IOException {
                        int n = in.read(buffer, off, len);
                        if (n > 0 && (count += n) > MAX_BYTES) {
                            throw new IOException("request body larger than " + MAX_BYTES + " bytes");
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return limited;
        }
    }
}
