package org.cocrea.commitment;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Stage 3 settings ({@code cocrea.commitment.*}).
 *
 * @param codePrefix   prefix of the identifiers given at publication, e.g. {@code ARBA} gives {@code ARBA0007}
 * @param codeDigits   digits of the number (zero-padded), e.g. 4
 * @param forumMembers e-mail addresses of the multi-stakeholder forum's members, who receive every circulated draft
 *                     (OGP Participation and Co-Creation Standards: the forum oversees co-creation)
 */
@ConfigurationProperties("cocrea.commitment")
public record CommitmentProperties(@DefaultValue("ARBA") String codePrefix, @DefaultValue("4") int codeDigits,
        @DefaultValue({}) List<String> forumMembers) {
}
