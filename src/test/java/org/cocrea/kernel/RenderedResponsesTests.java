package org.cocrea.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

/**
 * The kept renderings of {@link RenderedResponses}, without the application: a page that {@link HttpCaching} marked
 * is kept under its ETag and given to the next reader without running the handler; what a reset discarded is not in
 * the copy; not kept: a response that set a cookie, one not 200, one bigger than the largest entry, one of a request
 * no {@link HttpCaching} call marked, a HEAD.
 */
class RenderedResponsesTests {

    private final AtomicInteger renderings = new AtomicInteger();

    /** A handler as the pages are: validators first, then (unless complete) rendering through the writer. */
    private final class Page extends HttpServlet {
        private final String version;
        private final int status;
        private final boolean cookie;
        private final String body;

        Page(String version, int status, boolean cookie, String body) {
            this.version = version;
            this.status = status;
            this.cookie = cookie;
            this.body = body;
        }

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response)
                throws java.io.IOException {
            if (HttpCaching.notModified(request, response, version)) {
                return;
            }
            renderings.incrementAndGet();
            response.setStatus(status);
            response.setContentType("text/html;charset=UTF-8");
            if (cookie) {
                response.addCookie(new Cookie("session", "x"));
            }
            response.getWriter().write("discarded by the reset");
            response.resetBuffer();
            response.getWriter().write(body);
        }
    }

    private MockHttpServletResponse get(RenderedResponses filter, HttpServlet page, String method) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/page");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain(page));
        return response;
    }

    private static RenderedResponses filter(String maxEntry) {
        return new RenderedResponses(new RenderedResponses.Settings(DataSize.parse("1MB"), DataSize.parse(maxEntry)));
    }

    @Test
    void theNextReaderOfTheSameVersionGetsTheKeptBytes() throws Exception {
        RenderedResponses filter = filter("1MB");
        Page page = new Page("v1", 200, false, "página ñ");
        MockHttpServletResponse first = get(filter, page, "GET");
        assertThat(first.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("página ñ");
        MockHttpServletResponse second = get(filter, page, "GET");
        assertThat(renderings).hasValue(1);
        assertThat(second.getStatus()).isEqualTo(200);
        assertThat(second.getContentAsByteArray()).isEqualTo("página ñ".getBytes(StandardCharsets.UTF_8));
        assertThat(second.getContentType()).isEqualTo("text/html;charset=UTF-8");
        assertThat(second.getHeader("ETag")).isEqualTo(first.getHeader("ETag"));
        MockHttpServletResponse head = get(filter, page, "HEAD");
        assertThat(head.getContentAsByteArray()).isEmpty();
        assertThat(head.getContentLength()).isEqualTo(second.getContentAsByteArray().length);

        // a new version is a new rendering
        get(filter, new Page("v2", 200, false, "otra"), "GET");
        assertThat(renderings).hasValue(2);
        assertThat(filter.size()).isEqualTo(2);
    }

    @Test
    void whatCannotBeSharedIsNotKept() throws Exception {
        RenderedResponses filter = filter("1MB");
        for (Page page : new Page[] {new Page("c", 200, true, "con cookie"), new Page("e", 404, false, "no"),
                new Page("h", 200, false, "head")}) {
            get(filter, page, page.version.equals("h") ? "HEAD" : "GET");
        }
        assertThat(filter.size()).isZero();

        RenderedResponses small = filter("10B");
        Page big = new Page("big", 200, false, "más de diez bytes");
        get(small, big, "GET");
        assertThat(get(small, big, "GET").getContentAsString(StandardCharsets.UTF_8)).isEqualTo("más de diez bytes");
        assertThat(small.size()).isZero();

        // a handler that never asked HttpCaching: passed through, not kept
        HttpServlet plain = new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response)
                    throws java.io.IOException {
                response.getOutputStream().write("sin validador".getBytes(StandardCharsets.UTF_8));
            }
        };
        assertThat(get(filter, plain, "GET").getContentAsString()).isEqualTo("sin validador");
        assertThat(filter.size()).isZero();
    }
}
