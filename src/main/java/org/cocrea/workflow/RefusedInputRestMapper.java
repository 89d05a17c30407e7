package org.cocrea.workflow;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * On {@code /engine-rest}, answers 400 (not 500) with Cocrea's own message when a task completion or start was refused
 * by server-side validation ({@link RefusedInputException} anywhere in the cause chain: the engine wraps exceptions
 * of task listeners as ENGINE-03051 and the REST layer reports those as 500). Every other error keeps Camunda's
 * standard mapping.
 */
@Priority(1)
class RefusedInputRestMapper implements ExceptionMapper<RestException> {

    private final RestExceptionHandler standard = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RefusedInputException refused) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("type", "InvalidRequestException");
                body.put("message", refused.getMessage());
                body.put("code", null);
                return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body)
                        .build();
            }
        }
        return standard.toResponse(exception);
    }

    /** Registers the mapper on Camunda's Jersey application. */
    @Component
    static class Registration implements ResourceConfigCustomizer {

        @Override
        public void customize(org.glassfish.jersey.server.ResourceConfig config) {
            config.register(RefusedInputRestMapper.class);
        }
    }
}
