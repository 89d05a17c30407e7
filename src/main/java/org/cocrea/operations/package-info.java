/**
 * Operators' conventions: the OpenAPI description of the JSON APIs ({@code /v3/api-docs}, Swagger UI for staff),
 * Prometheus metrics ({@code /actuator/prometheus}, HTTP Basic for the {@code metrics} group or staff), structured
 * JSON logs ({@code LOG_FORMAT=json}) and the small cache the gauges read their database counts through. The gauges
 * themselves live with the feature they measure (workflow, notification, followup). Backups: {@code ops/backup/}.
 */
package org.cocrea.operations;
