package org.cocrea.kernel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;

/**
 * Keeps, in this node's memory, the bytes of the public representations that {@link HttpCaching} validates, under
 * their {@code ETag} and query string, so that the next anonymous reader of the same version gets them without the
 * page being read from the database and rendered again: the ETag already says everything the representation depends
 * on (this application's start, the path, the data version, the language and whatever else the controller passes), so
 * a change of the data is a new ETag, and the old bytes are simply never asked for again (they leave the cache when
 * it is full, least recently used first).
 *
 * <p>How: this filter wraps every response; {@link HttpCaching#notModified} looks the ETag up here after it has
 * found that the client's copy is not current, writes the stored bytes (status 200 with the stored
 * {@code Content-Type}, {@code Content-Language} and {@code Content-Disposition}) and tells the controller the
 * response is complete; on a miss it marks the request, and this filter stores what the controller rendered when the
 * response ends. Stored: only a {@code GET} answered 200, not over {@link Settings#maxEntry()}, that set no cookie
 * and carried no flash attributes (a message after a redirect); nothing of a logged-in user or of a {@code ?lang=}
 * request ({@link HttpCaching#cacheable}). The capture copies the bytes as they go to the client; it never delays
 * them. Each node has its own cache, which is correct with several nodes: the ETag comes from the shared database.
 */
@Component
public class RenderedResponses extends OncePerRequestFilter {

    /** Request attribute: this filter, for {@link HttpCaching}. */
    static final String ATTRIBUTE = RenderedResponses.class.getName();
    /** Request attribute: the key to store the response under, set on a miss. */
    private static final String STORE = RenderedResponses.class.getName() + ".store";

    /**
     * Size of the cache of rendered public responses ({@code cocrea.http.rendered-responses}).
     *
     * @param maxSize  bytes kept in all (default 64 MB); 0 turns the cache off
     * @param maxEntry largest single response kept (default 16 MB: the whole proposal list as open data is about
     *                 13 MB at 10,000 proposals); larger ones are rendered every time
     */
    @ConfigurationProperties("cocrea.http.rendered-responses")
    public record Settings(@DefaultValue("64MB") DataSize maxSize, @DefaultValue("16MB") DataSize maxEntry) {
    }

    /** A stored representation: the body and the headers that rendering set. */
    record Stored(byte[] body, String contentType, String contentLanguage, String contentDisposition) {
    }

    private final Cache<String, Stored> cache;
    private final long maxEntry;

    /**
     * @param settings the sizes
     */
    public RenderedResponses(Settings settings) {
        this.maxEntry = Math.min(settings.maxEntry().toBytes(), settings.maxSize().toBytes());
        this.cache = Caffeine.newBuilder().maximumWeight(Math.max(0, settings.maxSize().toBytes()))
                .<String, Stored>weigher((key, stored) -> key.length() + stored.body().length).build();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (maxEntry <= 0 || !HttpCaching.cacheable(request)) {
            chain.doFilter(request, response);
            return;
        }
        request.setAttribute(ATTRIBUTE, this);
        Capture capture = new Capture(response, request);
        chain.doFilter(request, capture);
        Object key = request.getAttribute(STORE);
        byte[] body = capture.captured();
        if (key != null && body != null && "GET".equals(request.getMethod())
                && capture.getStatus() == HttpServletResponse.SC_OK
                && !capture.containsHeader("Set-Cookie") && !hasFlash(request)) {
            cache.put((String) key, new Stored(body, capture.getContentType(), capture.getHeader("Content-Language"),
                    capture.getHeader("Content-Disposition")));
        }
    }

    /**
     * Answers from the cache, or marks the request so that its response is stored. Called by
     * {@link HttpCaching#notModified} after the validators were set and found not current.
     *
     * @return true when the stored bytes were written: the response is complete
     */
    boolean answer(HttpServletRequest request, HttpServletResponse response, String etag) throws IOException {
        String key = key(request, etag);
        Stored stored = hasFlash(request) ? null : cache.getIfPresent(key);
        if (stored == null) {
            request.setAttribute(STORE, key);
            return false;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(stored.contentType());
        if (stored.contentLanguage() != null) {
            response.setHeader("Content-Language", stored.contentLanguage());
        }
        if (stored.contentDisposition() != null) {
            response.setHeader("Content-Disposition", stored.contentDisposition());
        }
        response.setContentLength(stored.body().length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(stored.body());
        }
        response.flushBuffer();
        return true;
    }

    /** @return whether a rendering of this request's query under this ETag is kept (and may be answered) */
    boolean has(HttpServletRequest request, String etag) {
        return !hasFlash(request) && cache.getIfPresent(key(request, etag)) != null;
    }

    private static String key(HttpServletRequest request, String etag) {
        String query = request.getQueryString();
        return query == null ? etag : etag + '?' + query; // "?null" is not the plain page
    }

    /** @return how many responses are stored now (for tests and diagnostics) */
    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    /** Forgets every stored response (tests; a node never needs it: new data is a new ETag). */
    public void clear() {
        cache.invalidateAll();
    }

    private static boolean hasFlash(HttpServletRequest request) {
        return request.getAttribute(DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE) instanceof FlashMap flash
                && !flash.isEmpty()
                || request.getAttribute(DispatcherServlet.OUTPUT_FLASH_MAP_ATTRIBUTE) instanceof Map<?, ?> out
                && !out.isEmpty();
    }

    /**
     * The response as the controller sees it: what it writes goes on to the client at once (through the container's
     * own stream or writer, with no buffer of this class in between, so flushing, {@code reset()} and the end of the
     * response behave as without it), and is copied while the request is marked for storing and the copy stays
     * within {@link #maxEntry}.
     */
    private final class Capture extends HttpServletResponseWrapper {

        private final HttpServletRequest request;
        private ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private StringBuilder chars = new StringBuilder();
        private boolean overflow;
        private ServletOutputStream stream;
        private PrintWriter writer;

        Capture(HttpServletResponse response, HttpServletRequest request) {
            super(response);
            this.request = request;
        }

        /** @return the bytes written, or null when they were not all copied */
        byte[] captured() {
            if (overflow) {
                return null;
            }
            if (chars.isEmpty()) {
                return bytes.toByteArray();
            }
            if (bytes.size() > 0) {
                return null; // both a stream and a writer: not a response this class keeps
            }
            byte[] encoded = chars.toString().getBytes(Charset.forName(getCharacterEncoding()));
            return encoded.length > maxEntry ? null : encoded;
        }

        /** @return whether this much more may be copied; false stops the copy for good */
        private boolean room(long more) {
            if (overflow || request.getAttribute(STORE) == null
                    || bytes.size() + (long) chars.length() + more > maxEntry) {
                // written before the request was marked (not a page of HttpCaching), or too big: not stored
                overflow = true;
                bytes = new ByteArrayOutputStream(0);
                chars = new StringBuilder(0);
                return false;
            }
            return true;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                ServletOutputStream target = super.getOutputStream();
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        target.write(b);
                        if (room(1)) {
                            bytes.write(b);
                        }
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        target.write(b, off, len);
                        if (room(len)) {
                            bytes.write(b, off, len);
                        }
                    }

                    @Override
                    public void flush() throws IOException {
                        target.flush();
                    }

                    @Override
                    public void close() throws IOException {
                        target.close();
                    }

                    @Override
                    public boolean isReady() {
                        return target.isReady();
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        target.setWriteListener(listener);
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                PrintWriter target = super.getWriter();
                writer = new PrintWriter(new Writer() {
                    @Override
                    public void write(char[] c, int off, int len) {
                        target.write(c, off, len);
                        if (room(len)) {
                            chars.append(c, off, len);
                        }
                    }

                    @Override
                    public void flush() {
                        target.flush();
                    }

                    @Override
                    public void close() {
                        target.close();
                    }
                });
            }
            return writer;
        }

        @Override
        public void reset() {
            super.reset();
            forget();
        }

        @Override
        public void resetBuffer() {
            super.resetBuffer();
            forget();
        }

        /** After a reset what was written is gone from the response: gone from the copy too. */
        private void forget() {
            if (!overflow) {
                bytes.reset();
                chars.setLength(0);
            }
        }
    }
}
