package org.cocrea.implementation;

import java.time.Duration;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rules of the implementation checks ({@code cocrea.implementation.*}); periods are calendar periods counted back from
 * "now" in America/Argentina/Buenos_Aires. Defaults follow the OGP Participation and Co-Creation Standards (approved
 * 24 November 2021, in force from 1 January 2022,
 * <a href="https://www.opengovpartnership.org/ogp-participation-co-creation-standards">opengovpartnership.org</a>):
 * Standard 1 (the space for dialogue meets at least every six months), Standard 2 (a public repository kept up to
 * date) and Standard 5 (at least two meetings a year with civil society during implementation).
 *
 * @param forumInterval                 the multi-stakeholder forum must have met within this period (P6M)
 * @param implementationMeetingsPerYear how many implementation meetings with civil society the last year must hold (2)
 * @param repositoryStaleAfter          the public repository is stale when its last update (accepted follow-up report
 *                                      or published commitment) is older than this (P3M)
 * @param remindEvery                   a flag that stays raised is mailed again after this period (P1M); a flag is
 *                                      never mailed twice within it
 * @param defaultDuration               length of a meeting proposed by the scheduling service (PT2H)
 * @param checkCron                     when the daily check runs (Spring cron, Buenos Aires time; 07:00 every day)
 */
@ConfigurationProperties("cocrea.implementation")
public record ImplementationProperties(@DefaultValue("P6M") Period forumInterval,
        @DefaultValue("2") int implementationMeetingsPerYear, @DefaultValue("P3M") Period repositoryStaleAfter,
        @DefaultValue("P1M") Period remindEvery, @DefaultValue("PT2H") Duration defaultDuration,
        @DefaultValue("0 0 7 * * *") String checkCron) {
}
