package org.cocrea.participant;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Directory settings ({@code cocrea.directory.*}).
 *
 * @param topics the topics people can subscribe to (ids; names in {@code messages*.properties} as
 *               {@code topic.<id>}), e.g. forums about data reuse and community building
 */
@ConfigurationProperties("cocrea.directory")
public record DirectoryProperties(
        @DefaultValue({"reutilizacion-datos", "construccion-comunidad"}) List<String> topics) {
}
