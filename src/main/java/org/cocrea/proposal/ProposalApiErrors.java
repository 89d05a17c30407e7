package org.cocrea.proposal;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonMappingException;

import org.cocrea.kernel.FieldProblem;
import org.cocrea.kernel.InputRefusedException;
import org.cocrea.kernel.ProblemTexts;
import org.cocrea.kernel.Languages;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns refusals of the public API into 400/409 JSON bodies that name each bad field and why. */
@RestControllerAdvice(assignableTypes = ProposalApiController.class)
class ProposalApiErrors {

    private static final String VALIDATION = "validation.";

    private final MessageSource messages;
    private final ProblemTexts texts;

    ProposalApiErrors(MessageSource messages) {
        this.messages = messages;
        this.texts = new ProblemTexts(messages);
    }

    /**
     * A refused submission: one entry per problem; its {@code code} is the message key without the
     * {@code validation.} prefix ({@code required}, {@code tooLong}...), as the API has always answered.
     */
    @ExceptionHandler(InputRefusedException.class)
    ResponseEntity<ApiError> invalid(InputRefusedException e, Locale locale) {
        Locale l = Languages.supported(locale);
        return ResponseEntity.badRequest().body(new ApiError(e.problems().stream()
                .map(p -> new ApiError.Entry(p.field(), apiCode(p), texts.text(p, l)))
                .toList()));
    }

    private static String apiCode(FieldProblem problem) {
        String code = problem.code();
        return code.startsWith(VALIDATION) ? code.substring(VALIDATION.length()) : code;
    }

    @ExceptionHandler(NoOpenCallException.class)
    ResponseEntity<ApiError> noCall(Locale locale) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(ApiError.of("call", "noOpenCall",
                messages.getMessage("proposal.noOpenCall", null, Languages.supported(locale))));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e, Locale locale) {
        String field = "body";
        if (e.getCause() instanceof JsonMappingException m && !m.getPath().isEmpty()
                && m.getPath().get(0).getFieldName() != null) {
            field = m.getPath().get(0).getFieldName();
        }
        return ResponseEntity.badRequest().body(ApiError.of(field, "malformed",
                messages.getMessage("validation.malformed", null, Languages.supported(locale))));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(Locale locale) {
        return ResponseEntity.badRequest().body(ApiError.of("body", "contentType",
                messages.getMessage("validation.contentType", null, Languages.supported(locale))));
    }
}
