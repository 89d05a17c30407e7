package org.cocrea.operations;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3 description of Cocrea's own JSON APIs, served by springdoc-openapi at {@code /v3/api-docs} (public,
 * like the public APIs it describes; it holds no data) and browsable with Swagger UI at {@code /swagger-ui.html}
 * (staff only). Which paths are described is set by {@code springdoc.paths-to-match} in {@code application.yaml}: the
 * public open data and proposal API ({@code /api/**}), a person's data export ({@code /my-data/{token}/export}) and the
 * staff JSON ({@code /staff/**.json}). Camunda's {@code /engine-rest} is not included: Camunda publishes its own
 * OpenAPI description.
 *
 * <p>The error format is documented once, as the component schema {@value #ERROR_SCHEMA}, and referenced by a
 * {@code 4XX} response of every operation (next to the 400/404/409 it describes itself): {@code {"errors":[{"field" (or
 * "parameter" on the dashboard), "code", "reason"}]}}, the reason in the request's language (Spanish or English). A
 * 4xx that Spring or the container answers before a controller runs (unknown path, wrong method, body too large)
 * carries Spring Boot's {@code timestamp}, {@code status}, {@code error}, {@code path} as well
 * ({@code org.cocrea.web.ApiErrorAttributes}). Public submissions over the abuse limits get 429 with
 * {@code Retry-After} in seconds ({@code org.cocrea.limits.TooManyRequestsAdvice}).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    /** Name of the shared error schema. */
    static final String ERROR_SCHEMA = "ErrorResponse";
    /** Name of the security scheme of the staff JSON (the login session cookie). */
    static final String STAFF_SESSION = "staffSession";

    @Bean
    OpenAPI cocreaOpenApi(@Value("${cocrea.public-base-url}") String publicBaseUrl) {
        return new OpenAPI()
                .info(new Info().title("Cocrea API").version("1")
                        .description("Open data and public participation of the Open Government Partnership action "
                                + "plan (public), a person's own data (private link) and staff exports (login of "
                                + "the open-government team). Dates are Buenos Aires calendar dates (yyyy-MM-dd); "
                                + "instants carry the Buenos Aires offset. Texts in Spanish or English: ?lang= or "
                                + "Accept-Language."))
                .servers(List.of(new Server().url(publicBaseUrl)))
                .components(new Components()
                        .addSecuritySchemes(STAFF_SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name("JSESSIONID")
                                .description("Session of the login at /login (groups og-team or camunda-admin)")));
    }

    /** Adds the shared error response, the 429 of public submissions and the staff login requirement. */
    @Bean
    OpenApiCustomizer errorResponses() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSchemas(ERROR_SCHEMA, errorSchema());
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                if (operation.getResponses() == null) {
                    return;
                }
                if (!operation.getResponses().containsKey("4XX")) {
                    operation.getResponses().addApiResponse("4XX", new ApiResponse()
                            .description("Refused: each problem with a code and a reason in the request's language")
                            .content(json(new Schema<>().$ref("#/components/schemas/" + ERROR_SCHEMA))));
                }
                if (path.startsWith("/api/") && method == PathItem.HttpMethod.POST) {
                    operation.getResponses().addApiResponse("429", new ApiResponse()
                            .description("Over the abuse limits (cocrea.limits); try again after Retry-After")
                            .addHeaderObject("Retry-After", new Header().description("Seconds to wait")
                                    .schema(new IntegerSchema()))
                            .content(json(new Schema<>().$ref("#/components/schemas/" + ERROR_SCHEMA))));
                }
                if (path.startsWith("/staff/")) {
                    staff(operation);
                }
            }));
        };
    }

    private static void staff(Operation operation) {
        operation.addSecurityItem(new SecurityRequirement().addList(STAFF_SESSION));
        operation.getResponses().addApiResponse("302", new ApiResponse().description("Not logged in: to /login"));
        operation.getResponses().addApiResponse("403",
                new ApiResponse().description("Logged in, but not in og-team or camunda-admin"));
    }

    private static Content json(Schema<?> schema) {
        return new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                new MediaType().schema(schema));
    }

    @SuppressWarnings("rawtypes")
    private static Schema errorSchema() {
        Schema<?> entry = new ObjectSchema()
                .addProperty("field", new StringSchema().description("The field as the client sent it; body for the "
                        + "request as a whole"))
                .addProperty("parameter", new StringSchema().description("The query parameter (dashboard)"))
                .addProperty("code", new StringSchema().description("Machine-readable reason, e.g. required, "
                        + "tooLong, malformed, notFound, method, tooLarge, contentType, tooManyRequests"))
                .addProperty("reason", new StringSchema().description("Human-readable reason, Spanish or English"));
        entry.setRequired(List.of("code", "reason"));
        Schema<?> body = new ObjectSchema()
                .addProperty("errors", new ArraySchema().items(entry).minItems(1))
                .addProperty("timestamp", new StringSchema().format("date-time")
                        .description("Only on errors answered before a controller ran"))
                .addProperty("status", new IntegerSchema().description("Only on errors answered before a controller ran"))
                .addProperty("error", new StringSchema().description("Only on errors answered before a controller ran"))
                .addProperty("path", new StringSchema().description("Only on errors answered before a controller ran"));
        body.setRequired(List.of("errors"));
        body.setDescription("Error body of Cocrea's JSON APIs");
        body.setExample(Map.of("errors", List.of(Map.of("field", "email", "code", "email",
                "reason", "No es una dirección de correo válida."))));
        return body;
    }
}
