package org.cocrea.operations;

import java.util.Locale;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code LOG_FORMAT=json} (environment variable, system property or command-line argument) writes the console log as
 * one JSON object per line in Elastic Common Schema (Spring Boot's {@code logging.structured.format.console=ecs}),
 * for a log collector; unset or {@code text}, the usual text lines. An explicit
 * {@code logging.structured.format.console} in any configuration source wins. Any other value is refused at start-up
 * with an {@link IllegalArgumentException} naming the accepted ones, so a typo does not silently give text logs.
 *
 * <p>Runs before the logging system is initialised (environment post-processors run before Spring Boot's
 * {@code LoggingApplicationListener}); registered in {@code META-INF/spring.factories}.
 */
public class StructuredLogging implements EnvironmentPostProcessor {

    /** The switch. */
    public static final String SWITCH = "LOG_FORMAT";
    /** Spring Boot's property it sets. */
    public static final String CONSOLE_FORMAT = "logging.structured.format.console";
    /** Name of the property source this class adds (last in precedence). */
    public static final String SOURCE = "cocreaStructuredLogging";

    /**
     * Maps {@code LOG_FORMAT} to {@code logging.structured.format.console}.
     *
     * @param environment the environment being prepared
     * @param application the application (unused)
     * @throws IllegalArgumentException when {@code LOG_FORMAT} is neither {@code json} nor {@code text}
     */
    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String format = consoleFormat(environment.getProperty(SWITCH));
        if (format != null && !environment.containsProperty(CONSOLE_FORMAT)) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE, Map.of(CONSOLE_FORMAT, format)));
        }
    }

    /**
     * @param logFormat the value of {@code LOG_FORMAT}, may be null
     * @return {@code ecs} for {@code json} (any case, trimmed), null for null, blank or {@code text}
     * @throws IllegalArgumentException for any other value
     */
    static String consoleFormat(String logFormat) {
        if (logFormat == null || logFormat.isBlank()) {
            return null;
        }
        return switch (logFormat.trim().toLowerCase(Locale.ROOT)) {
            case "json" -> "ecs";
            case "text" -> null;
            default -> throw new IllegalArgumentException(
                    SWITCH + " must be json or text (or unset), not: " + logFormat);
        };
    }
}
