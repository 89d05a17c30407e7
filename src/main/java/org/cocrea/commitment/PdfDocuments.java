package org.cocrea.commitment;

import java.io.ByteArrayOutputStream;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * The one PDF renderer of Cocrea: processes a Thymeleaf XHTML template and renders it with openhtmltopdf (fast mode,
 * no base URL). Used by the action plan ({@link ActionPlan#pdf}) and by the self-assessment
 * ({@code implementation/SelfAssessments}); it lives in {@code commitment/} because {@code implementation/} already
 * depends on {@code commitment/} and nothing here depends back.
 */
@Component
public class PdfDocuments {

    private final SpringTemplateEngine templates;

    PdfDocuments(SpringTemplateEngine templates) {
        this.templates = templates;
    }

    /**
     * @param template the template name, e.g. {@code action-plan-pdf}
     * @param context  the template's variables and locale
     * @param what     what is rendered, for the error's message only (e.g. {@code the action plan})
     * @return the PDF bytes
     * @throws IllegalStateException naming {@code what} when rendering fails
     */
    public byte[] render(String template, Context context, String what) {
        String xhtml = templates.process(template, context);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot render " + what + " as PDF", e);
        }
    }
}
