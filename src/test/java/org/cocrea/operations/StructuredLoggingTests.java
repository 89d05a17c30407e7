package org.cocrea.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code LOG_FORMAT=json} gives one ECS JSON object per console line; unset or {@code text} keeps text lines; an
 * unknown value is refused; an explicit {@code logging.structured.format.console} wins.
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLoggingTests {

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }

    @Test
    void logFormatJsonWritesEcsJsonLines(CapturedOutput output) throws Exception {
        // A context already started in this JVM (the cached test context) has initialised logging; let it start anew.
        LoggingSystem.get(getClass().getClassLoader()).cleanUp();
        try (ConfigurableApplicationContext context = start("--LOG_FORMAT=json")) {
            LoggerFactory.getLogger(StructuredLoggingTests.class).info("línea de prueba {}", 42);
        } finally {
            start().close(); // back to text lines for the tests that follow in this JVM
        }
        String line = output.getOut().lines().filter(l -> l.contains("línea de prueba 42")).findFirst().orElseThrow();
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.path("message").asText()).isEqualTo("línea de prueba 42");
        assertThat(json.has("@timestamp")).isTrue();
        assertThat(json.path("log").path("level").asText()).isEqualTo("INFO");
        assertThat(json.path("service").path("name").asText()).isEqualTo("cocrea");
    }

    @Test
    void mapping() {
        assertThat(StructuredLogging.consoleFormat("json")).isEqualTo("ecs");
        assertThat(StructuredLogging.consoleFormat(" JSON ")).isEqualTo("ecs");
        assertThat(StructuredLogging.consoleFormat("text")).isNull();
        assertThat(StructuredLogging.consoleFormat(null)).isNull();
        assertThat(StructuredLogging.consoleFormat("")).isNull();
        assertThatThrownBy(() -> StructuredLogging.consoleFormat("jsno")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("json or text");
    }

    @Test
    void explicitPropertyWins() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test",
                Map.of("LOG_FORMAT", "json", StructuredLogging.CONSOLE_FORMAT, "logstash")));
        new StructuredLogging().postProcessEnvironment(environment, null);
        assertThat(environment.getProperty(StructuredLogging.CONSOLE_FORMAT)).isEqualTo("logstash");

        StandardEnvironment plain = new StandardEnvironment();
        plain.getPropertySources().addFirst(new MapPropertySource("test", Map.of("LOG_FORMAT", "json")));
        new StructuredLogging().postProcessEnvironment(plain, null);
        assertThat(plain.getProperty(StructuredLogging.CONSOLE_FORMAT)).isEqualTo("ecs");
    }

    private static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(Empty.class).web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off", "spring.profiles.active=test").run(args);
    }
}
