package org.cocrea.implementation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.cocrea.commitment.ActionPlan;
import org.cocrea.implementation.MinimumRequirements.Finding;
import org.cocrea.implementation.MinimumRequirements.Flag;
import org.cocrea.implementation.MinimumRequirements.Rule;
import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.TestFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/**
 * The three OGP minimum-requirement flags on PostgreSQL, checked with fixed instants (Buenos Aires): the forum not met
 * within six months, fewer than two implementation meetings in the last year, and a public repository not updated
 * for three months. Each flag is raised and mailed to the open-government team once, not again the next day, mailed
 * again only a month later while still raised, and cleared when a meeting is held (minutes recorded) or a follow-up
 * report is accepted. Meetings of the past and follow-up reports are inserted with SQL, as the other features would
 * have written them.
 */
@CocreaIntegrationTest
class MinimumRequirementsTests {

    private static final ZoneId BUENOS_AIRES = ZoneId.of("America/Argentina/Buenos_Aires");
    private static final String PLAN = "ARBA-2021-2023";
    private static final String TEAM_MAIL = "equipo-implementacion@example.org";
    /** Monday 2 June 2025, 07:00 in Buenos Aires: the daily check. */
    private static final ZonedDateTime NOW = ZonedDateTime.of(2025, 6, 2, 7, 0, 0, 0, BUENOS_AIRES);

    /** The installation date these tests assume: years before {@link #NOW}. */
    static final LocalDate INSTALLED = LocalDate.of(2020, 1, 1);

    @Autowired
    MinimumRequirements requirements;
    @Autowired
    Meetings meetings;
    @Autowired
    ActionPlan plan;
    @Autowired
    TestFixtures fixtures;

    @BeforeEach
    void setUp() throws Exception {
        fixtures.reset();
        // the rules count from the installation date (V74 writes the day the schema was migrated): long before "now"
        fixtures.jdbc().update("update cocrea_installation set installed_on = ? where id = 1", Date.valueOf(INSTALLED));
        fixtures.user("equipo-implementacion", TEAM_MAIL, "og-team");
        try (InputStream in = new ClassPathResource("data/ba-2021-2023-commitments.json").getInputStream()) {
            plan.importPublished(in, PLAN);
        }
        // the plan was published a month before "now": the repository is fresh unless a test says otherwise
        fixtures.jdbc().update("update commitment set published_at = ?", ts(NOW.minusMonths(1)));
    }

    private static Timestamp ts(ZonedDateTime t) {
        return Timestamp.from(t.toInstant());
    }

    private long meeting(MeetingKind kind, ZonedDateTime startsAt, boolean held) {
        Map<String, Object> row = fixtures.jdbc().queryForMap("""
                insert into implementation_meeting (action_plan, kind, title, starts_at, duration_minutes, meeting_link,
                    status, ical_uid, ical_sequence, minutes, attendance, created_by, created_at)
                values (?, ?, ?, ?, 120, 'https://meet.example.org/x', ?, ?, 0, ?, ?, 'equipo', ?) returning id""",
                PLAN, kind.name(), kind + " " + startsAt, ts(startsAt), held ? "HELD" : "SCHEDULED",
                UUID.randomUUID() + "@cocrea", held ? "Acta" : null, held ? 15 : null, ts(startsAt.minusDays(20)));
        return ((Number) row.get("id")).longValue();
    }

    private long teamMails() {
        return fixtures.jdbc().queryForObject("select count(*) from mail_outbox where recipient = ? and kind = "
                + "'implementation-flag'", Long.class, TEAM_MAIL);
    }

    private long teamMails(Rule rule) {
        return fixtures.jdbc().queryForObject("select count(*) from mail_outbox where recipient = ? and kind = "
                + "'implementation-flag' and reference = ?", Long.class, TEAM_MAIL, rule.name());
    }

    private static Finding finding(List<Finding> findings, Rule rule) {
        return findings.stream().filter(f -> f.rule() == rule).findFirst().orElseThrow();
    }

    private Flag flag(Rule rule) {
        return requirements.flags().stream().filter(f -> f.rule() == rule).findFirst().orElseThrow();
    }

    @Test
    void forumThatHasNotMetForSixMonthsIsFlaggedOnceAndClearedWhenItMeets() {
        meeting(MeetingKind.IMPLEMENTATION, NOW.minusMonths(2), true);
        meeting(MeetingKind.IMPLEMENTATION, NOW.minusMonths(8), true);
        meeting(MeetingKind.FORUM, NOW.minusMonths(6).minusDays(1), true);
        // a scheduled (not held) forum meeting does not count
        long upcoming = meeting(MeetingKind.FORUM, NOW.minusDays(3), false);

        List<Finding> day1 = requirements.check(NOW.toInstant());

        assertThat(finding(day1, Rule.FORUM_MET).breached()).isTrue();
        assertThat(finding(day1, Rule.FORUM_MET).last()).isEqualTo(NOW.minusMonths(6).minusDays(1).toInstant());
        assertThat(finding(day1, Rule.IMPLEMENTATION_MEETINGS).breached()).isFalse();
        assertThat(finding(day1, Rule.REPOSITORY_UPDATED).breached()).isFalse();
        assertThat(teamMails()).isEqualTo(1);
        assertThat(teamMails(Rule.FORUM_MET)).isEqualTo(1);
        assertThat(flag(Rule.FORUM_MET).raisedAt()).isEqualTo(NOW.toInstant());
        String body = fixtures.jdbc().queryForObject("select body_html from mail_outbox where recipient = ?", String.class,
                TEAM_MAIL);
        assertThat(body).contains("El foro multiactor se reunió en los últimos seis meses").contains(PLAN);

        requirements.check(NOW.plusDays(1).toInstant());
        assertThat(teamMails()).as("not repeated the next day").isEqualTo(1);
        assertThat(flag(Rule.FORUM_MET).raisedAt()).isEqualTo(NOW.toInstant());

        meetings.recordMinutes(upcoming, "Reunión del foro: revisión semestral.", 18, "equipo");
        List<Finding> day3 = requirements.check(NOW.plusDays(2).toInstant());

        assertThat(finding(day3, Rule.FORUM_MET).breached()).isFalse();
        assertThat(flag(Rule.FORUM_MET).raisedAt()).isNull();
        assertThat(flag(Rule.FORUM_MET).clearedAt()).isEqualTo(NOW.plusDays(2).toInstant());
        assertThat(teamMails()).isEqualTo(1);

        // six months after that meeting without another one: raised again, a new mail
        List<Finding> later = requirements.check(NOW.minusDays(3).plusMonths(6).plusDays(1).toInstant());
        assertThat(finding(later, Rule.FORUM_MET).breached()).isTrue();
        assertThat(teamMails(Rule.FORUM_MET)).isEqualTo(2);
    }

    @Test
    void fewerThanTwoImplementationMeetingsInAYearIsFlaggedRemindedMonthlyAndClearedByTheSecondMeeting() {
        meeting(MeetingKind.FORUM, NOW.minusMonths(1), true);
        meeting(MeetingKind.IMPLEMENTATION, NOW.minusMonths(3), true);
        meeting(MeetingKind.IMPLEMENTATION, NOW.minusYears(1).minusDays(1), true); // just outside the year
        long pending = meeting(MeetingKind.IMPLEMENTATION, NOW.minusDays(10), false);

        Finding first = finding(requirements.check(NOW.toInstant()), Rule.IMPLEMENTATION_MEETINGS);

        assertThat(first.breached()).isTrue();
        assertThat(first.count()).isEqualTo(1);
        assertThat(first.required()).isEqualTo(2);
        assertThat(teamMails(Rule.IMPLEMENTATION_MEETINGS)).isEqualTo(1);
        assertThat(teamMails()).as("the other rules are met").isEqualTo(1);

        requirements.check(NOW.plusDays(1).toInstant());
        requirements.check(NOW.plusDays(29).toInstant());
        assertThat(teamMails(Rule.IMPLEMENTATION_MEETINGS)).as("once within the month").isEqualTo(1);

        requirements.check(NOW.plusMonths(1).toInstant());
        assertThat(teamMails(Rule.IMPLEMENTATION_MEETINGS)).as("a reminder a month later").isEqualTo(2);
        assertThat(flag(Rule.IMPLEMENTATION_MEETINGS).raisedAt()).as("raised since the first day")
                .isEqualTo(NOW.toInstant());
        requirements.check(NOW.plusMonths(1).plusDays(1).toInstant());
        assertThat(teamMails(Rule.IMPLEMENTATION_MEETINGS)).isEqualTo(2);

        meetings.recordMinutes(pending, "Seguimiento con organizaciones de la sociedad civil.", 31, "equipo");
        Finding cleared = finding(requirements.check(NOW.plusMonths(1).plusDays(2).toInstant()),
                Rule.IMPLEMENTATION_MEETINGS);

        assertThat(cleared.breached()).isFalse();
        assertThat(cleared.count()).isEqualTo(2);
        assertThat(flag(Rule.IMPLEMENTATION_MEETINGS).raisedAt()).isNull();
        assertThat(teamMails(Rule.IMPLEMENTATION_MEETINGS)).isEqualTo(2);
    }

    @Test
    void repositoryNotUpdatedForThreeMonthsIsFlaggedAndClearedByAnAcceptedReport() {
        meeting(MeetingKind.FORUM, NOW.minusMonths(1), true);
        meeting(MeetingKind.IMPLEMENTATION, NOW.minusMonths(1), true);
        meeting(MeetingKind.IMPLEMENTATION, NOW.minusMonths(5), true);
        long commitment = fixtures.jdbc().queryForObject("select id from commitment where code = 'ARBA0001'",
                Long.class);
        fixtures.jdbc().update("update commitment set published_at = ?", ts(NOW.minusMonths(8)));
        report(commitment, "2025-01-01", "ACCEPTED", NOW.minusMonths(3).minusDays(1));
        // submitted but not accepted: not public, does not count
        report(commitment, "2025-04-01", "SUBMITTED", null);

        Finding stale = finding(requirements.check(NOW.toInstant()), Rule.REPOSITORY_UPDATED);

        assertThat(stale.breached()).isTrue();
        assertThat(stale.last()).isEqualTo(NOW.minusMonths(3).minusDays(1).toInstant());
        assertThat(teamMails(Rule.REPOSITORY_UPDATED)).isEqualTo(1);
        assertThat(teamMails()).isEqualTo(1);
        requirements.check(NOW.plusDays(1).toInstant());
        assertThat(teamMails(Rule.REPOSITORY_UPDATED)).isEqualTo(1);

        report(commitment, "2025-05-01", "ACCEPTED", NOW.plusDays(1).plusHours(3));
        Finding fresh = finding(requirements.check(NOW.plusDays(2).toInstant()), Rule.REPOSITORY_UPDATED);

        assertThat(fresh.breached()).isFalse();
        assertThat(fresh.last()).isEqualTo(NOW.plusDays(1).plusHours(3).toInstant());
        assertThat(flag(Rule.REPOSITORY_UPDATED).raisedAt()).isNull();
        assertThat(teamMails()).isEqualTo(1);
    }

    @Test
    void evaluatingChangesNothing() {
        List<Finding> findings = requirements.evaluate(NOW.toInstant());

        assertThat(findings).extracting(Finding::rule).containsExactly(Rule.values());
        assertThat(finding(findings, Rule.FORUM_MET).breached()).as("no forum meeting at all").isTrue();
        assertThat(finding(findings, Rule.FORUM_MET).last()).isNull();
        assertThat(requirements.flags()).isEmpty();
        assertThat(teamMails()).isZero();
    }

    private void report(long commitmentId, String period, String status, ZonedDateTime acceptedAt) {
        fixtures.jdbc().update("""
                insert into follow_up_report (commitment_id, period, status, due_date, accepted_at, reviewed_at)
                values (?, ?, ?, ?, ?, ?)""", commitmentId, Date.valueOf(period), status,
                Date.valueOf(LocalDate.parse(period).plusMonths(1).plusDays(9)),
                acceptedAt == null ? null : ts(acceptedAt), acceptedAt == null ? null : ts(acceptedAt));
    }
}
