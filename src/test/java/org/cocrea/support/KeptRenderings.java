package org.cocrea.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The check every cached public page shares ({@link org.cocrea.kernel.RenderedResponses}): an anonymous reader gets
 * a 200 with a strong ETag and public revalidation; the next reader gets the same bytes, content type,
 * {@code Content-Disposition} and ETag after a given number of SQL statements; a HEAD gets the headers and no body.
 */
public final class KeptRenderings {

    private KeptRenderings() {
    }

    /**
     * @param mvc        the application
     * @param url        a cacheable public URL
     * @param statements the statements the second read may run (the data version's: 1)
     * @return the first response
     * @throws Exception from MockMvc
     */
    public static MockHttpServletResponse secondReaderGetsTheSameBytes(MockMvc mvc, String url, int statements)
            throws Exception {
        MockHttpServletResponse first = mvc.perform(get(url)).andReturn().getResponse();
        assertThat(first.getStatus()).as(url).isEqualTo(200);
        assertThat(first.getHeader("ETag")).as(url).matches("\"[0-9a-f]{32}\"");
        assertThat(first.getHeader("Cache-Control")).as(url).isEqualTo("public, no-cache");
        SqlStatements.reset();
        MockHttpServletResponse second = mvc.perform(get(url)).andReturn().getResponse();
        assertThat(second.getStatus()).as(url).isEqualTo(200);
        assertThat(SqlStatements.count()).as(url + ": only the data version is read").isEqualTo(statements);
        assertThat(second.getContentAsByteArray()).as(url).isNotEmpty().isEqualTo(first.getContentAsByteArray());
        assertThat(second.getContentType()).as(url).isEqualTo(first.getContentType());
        assertThat(second.getHeader("Content-Disposition")).as(url).isEqualTo(first.getHeader("Content-Disposition"));
        assertThat(second.getHeader("ETag")).as(url).isEqualTo(first.getHeader("ETag"));
        assertThat(second.getContentLength()).as(url).isEqualTo(first.getContentAsByteArray().length);
        MockHttpServletResponse headers = mvc.perform(head(url)).andReturn().getResponse();
        assertThat(headers.getStatus()).as(url).isEqualTo(200);
        assertThat(headers.getContentAsByteArray()).as(url).isEmpty();
        return first;
    }
}
