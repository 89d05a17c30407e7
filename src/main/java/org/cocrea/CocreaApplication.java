package org.cocrea;

import java.nio.charset.StandardCharsets;
import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Boots Cocrea: the Spring context, the embedded Camunda 7 engine and the public web pages.
 *
 * <p>The application pins its own default time zone to {@value #ZONE} (every date shown or
 * scheduled is Buenos Aires local time, including Camunda timers and cron expressions) and
 * checks that the JVM runs with UTF-8, so that behaviour does not depend on the machine.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CocreaApplication {

    /** The time zone of the City of Buenos Aires, used for every date in the system. */
    public static final String ZONE = "America/Argentina/Buenos_Aires";

    /**
     * Starts the application.
     *
     * @param args Spring Boot command-line arguments (e.g. {@code --spring.profiles.active=postgres})
     */
    public static void main(String[] args) {
        useBuenosAiresDefaults();
        SpringApplication.run(CocreaApplication.class, args);
    }

    /**
     * Sets the JVM default time zone to {@value #ZONE} and the default encoding properties to UTF-8.
     * Called before the Spring context starts; tests call it too.
     */
    public static void useBuenosAiresDefaults() {
        TimeZone.setDefault(TimeZone.getTimeZone(ZONE));
        System.setProperty("user.timezone", ZONE);
        System.setProperty("file.encoding", StandardCharsets.UTF_8.name());
        System.setProperty("sun.jnu.encoding", StandardCharsets.UTF_8.name());
    }
}
