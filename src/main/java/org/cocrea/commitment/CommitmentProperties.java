package org.cocrea.commitment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Stage 3 settings ({@code cocrea.commitment.*}).
 *
 * @param codePrefix   prefix of the identifiers given at publication, e.g. {@code ARBA} gives {@code ARBA0007}
 * @param codeDigits   digits of the number (zero-padded), e.g. 4
 * The former {@code cocrea.commitment.forum-members} (e-mail addresses of the forum) is only the first-run seed of the
 * forum's members now (package {@code forum}, {@code ForumSeed}): drafts go to the forum's current members.
 */
@ConfigurationProperties("cocrea.commitment")
public record CommitmentProperties(@DefaultValue("ARBA") String codePrefix, @DefaultValue("4") int codeDigits) {
}
