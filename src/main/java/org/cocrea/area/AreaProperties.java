package org.cocrea.area;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the list of government areas comes from.
 *
 * @param file Spring resource location of a CSV with header
 *             {@code area_id,name_es,name_en,candidate_group,axes} (format of {@code shared/data/areas.csv})
 */
@ConfigurationProperties("cocrea.areas")
public record AreaProperties(@DefaultValue("classpath:reference/areas.csv") String file) {
}
