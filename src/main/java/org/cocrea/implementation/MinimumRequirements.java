package org.cocrea.implementation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cocrea.CocreaApplication;
import org.cocrea.commitment.Commitment;
import org.cocrea.commitment.PublishedCommitments;
import org.cocrea.notification.MailOutbox;
import org.cocrea.notification.OutgoingMail;
import org.cocrea.kernel.Dates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The OGP minimum requirements on implementation that the system can see, checked against the meetings recorded here
 * and the public repository (the published action plan and the accepted follow-up reports). Source: OGP
 * Participation and Co-Creation Standards, approved by the OGP Steering Committee on 24 November 2021, in force from
 * 1 January 2022 (<a href="https://www.opengovpartnership.org/ogp-participation-co-creation-standards">text</a>,
 * <a href="https://www.opengovpartnership.org/glossary/minimum-requirements/">minimum requirements</a>):
 * <ul>
 * <li>{@link Rule#FORUM_MET}: Standard 1, a space for ongoing dialogue between government and civil society (the
 * multi-stakeholder forum) meets regularly, at least every six months;</li>
 * <li>{@link Rule#IMPLEMENTATION_MEETINGS}: Standard 5, during implementation the government holds at least two
 * meetings a year with civil society on the results of implementation;</li>
 * <li>{@link Rule#REPOSITORY_UPDATED}: Standard 2, a publicly available repository with the evidence of the OGP
 * process is kept up to date.</li>
 * </ul>
 * Periods come from {@link ImplementationProperties} and are counted back from "now" on the calendar of
 * America/Argentina/Buenos_Aires. No rule is breached before its whole period (six months for the forum, a year for
 * the implementation meetings, the staleness interval for the repository) has passed since the day the rules count
 * from: the later of the plan's start and the installation date (table {@code cocrea_installation}, the day the
 * schema was created or upgraded), so a new installation raises no flag on its first day. {@link #evaluate(Instant)} only reads; {@link #check(Instant)} also keeps one flag
 * row per rule and mails the open-government team when a flag is raised, and again only after
 * {@link ImplementationProperties#remindEvery()} while it stays raised; a flag clears when its rule is met again.
 */
@Service
public class MinimumRequirements {

    /** The rules checked. */
    public enum Rule {
        /** The multi-stakeholder forum held a meeting within the forum interval (Standard 1). */
        FORUM_MET,
        /** At least the configured number of implementation meetings were held in the last year (Standard 5). */
        IMPLEMENTATION_MEETINGS,
        /** The public repository was updated within the configured interval (Standard 2). */
        REPOSITORY_UPDATED
    }

    /**
     * The state of one rule at an instant.
     *
     * @param rule     the rule
     * @param breached true when the rule is not met (the flag is raised)
     * @param last     the last relevant instant: the forum's last held meeting, the last implementation meeting held,
     *                 or the repository's last update; null when there is none
     * @param count    implementation meetings held in the last year (the other rules: 0)
     * @param required what the rule asks: the number of meetings, or 0
     * @param countsFrom the day (Buenos Aires) the rule counts from: the later of the plan's start
     *                   ({@link ActionPlanSettings#startDate()}) and the installation date; a rule is not breached
     *                   before its whole period has passed since that day
     */
    public record Finding(Rule rule, boolean breached, Instant last, long count, long required, LocalDate countsFrom) {
    }

    /**
     * A stored flag.
     *
     * @param rule         the rule
     * @param raisedAt     since when it is raised, null when not raised
     * @param lastMailedAt when the team was last mailed about it, or null
     * @param clearedAt    when it was last cleared, or null
     * @param checkedAt    the last check
     */
    public record Flag(Rule rule, Instant raisedAt, Instant lastMailedAt, Instant clearedAt, Instant checkedAt) {
    }

    private static final Logger log = LoggerFactory.getLogger(MinimumRequirements.class);
    private static final ZoneId ZONE = ZoneId.of(CocreaApplication.ZONE);

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final PublishedCommitments published;
    private final ImplementationProperties properties;
    private final ActionPlanSettings plan;
    private final TeamMailboxes team;
    private final MailOutbox outbox;
    private final Dates dates;

    MinimumRequirements(JdbcTemplate jdbc, NamedParameterJdbcTemplate named, PublishedCommitments published,
            ImplementationProperties properties, ActionPlanSettings plan, TeamMailboxes team, MailOutbox outbox,
            Dates dates) {
        this.jdbc = jdbc;
        this.named = named;
        this.published = published;
        this.properties = properties;
        this.plan = plan;
        this.team = team;
        this.outbox = outbox;
        this.dates = dates;
    }

    /**
     * @return the latest acceptance (or review) of a follow-up report of the plan's commitments at or before
     *         {@code at}; follow-up reports exist for published commitments only ({@link PublishedCommitments})
     */
    private Instant lastAcceptedReport(Timestamp at) {
        List<Long> ids = published.ofPlan(plan.id()).stream().map(Commitment::getId).toList();
        if (ids.isEmpty()) {
            return null;
        }
        return instant(named.queryForObject("""
                select max(coalesce(r.accepted_at, r.reviewed_at)) from follow_up_report r
                where r.commitment_id in (:ids) and r.status = 'ACCEPTED'
                  and coalesce(r.accepted_at, r.reviewed_at) <= :at""",
                new MapSqlParameterSource("ids", ids).addValue("at", at), Timestamp.class));
    }

    private static Instant minus(Instant now, Period period) {
        return now.atZone(ZONE).minus(period).toInstant();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /**
     * Evaluates every rule for the configured action plan; changes nothing.
     *
     * @param now the instant to evaluate at
     * @return one finding per rule, in {@link Rule} order
     */
    @Transactional(readOnly = true)
    public List<Finding> evaluate(Instant now) {
        Timestamp at = Timestamp.from(now);
        Instant lastForum = instant(jdbc.queryForObject("""
                select max(starts_at) from implementation_meeting
                where action_plan = ? and kind = 'FORUM' and status = 'HELD' and starts_at <= ?""", Timestamp.class,
                plan.id(), at));
        Instant yearAgo = minus(now, Period.ofYears(1));
        long held = jdbc.queryForObject("""
                select count(*) from implementation_meeting
                where action_plan = ? and kind = 'IMPLEMENTATION' and status = 'HELD' and starts_at > ? and starts_at <= ?""",
                Long.class, plan.id(), Timestamp.from(yearAgo), at);
        Instant lastImplementation = instant(jdbc.queryForObject("""
                select max(starts_at) from implementation_meeting
                where action_plan = ? and kind = 'IMPLEMENTATION' and status = 'HELD' and starts_at <= ?""",
                Timestamp.class, plan.id(), at));
        Instant lastReport = lastAcceptedReport(at);
        Instant lastPublished = published.lastPublishedAt(plan.id(), now).orElse(null);
        Instant lastUpdate = lastReport == null ? lastPublished
                : lastPublished == null || lastReport.isAfter(lastPublished) ? lastReport : lastPublished;
        int required = properties.implementationMeetingsPerYear();
        LocalDate from = countsFrom();
        return List.of(
                new Finding(Rule.FORUM_MET, due(from, properties.forumInterval(), now)
                        && (lastForum == null || lastForum.isBefore(minus(now, properties.forumInterval()))),
                        lastForum, 0, 0, from),
                new Finding(Rule.IMPLEMENTATION_MEETINGS, due(from, Period.ofYears(1), now) && held < required,
                        lastImplementation, held, required, from),
                new Finding(Rule.REPOSITORY_UPDATED, due(from, properties.repositoryStaleAfter(), now)
                        && (lastUpdate == null || lastUpdate.isBefore(minus(now, properties.repositoryStaleAfter()))),
                        lastUpdate, 0, 0, from));
    }

    /**
     * @return the day the rules count from: the later of the plan's start date (when configured) and the
     *         installation date
     */
    @Transactional(readOnly = true)
    public LocalDate countsFrom() {
        List<LocalDate> installed = jdbc.query("select installed_on from cocrea_installation where id = 1",
                (rs, i) -> rs.getDate(1).toLocalDate());
        LocalDate from = installed.isEmpty() ? null : installed.get(0);
        LocalDate start = plan.startDate();
        if (from == null || start != null && start.isAfter(from)) {
            from = start;
        }
        return from;
    }

    /** @return whether the whole period has passed since the start of {@code from} (Buenos Aires); true without it */
    private static boolean due(LocalDate from, java.time.temporal.TemporalAmount period, Instant now) {
        return from == null || !now.isBefore(from.atStartOfDay(ZONE).plus(period).toInstant());
    }

    /**
     * The daily check: evaluates every rule, raises or clears its flag, and mails each member of the open-government
     * team about a flag when it is raised, or when it is still raised {@link ImplementationProperties#remindEvery()}
     * after the last mail; never twice within that period.
     *
     * @param now the instant to check at (the scheduled job passes the clock's instant)
     * @return the findings
     */
    @Transactional
    public List<Finding> check(Instant now) {
        List<Finding> findings = evaluate(now);
        List<String> recipients = null;
        for (Finding f : findings) {
            Flag flag = flag(f.rule());
            Instant raisedAt = flag == null ? null : flag.raisedAt();
            Instant mailedAt = flag == null ? null : flag.lastMailedAt();
            Instant clearedAt = flag == null ? null : flag.clearedAt();
            if (f.breached()) {
                boolean newlyRaised = raisedAt == null;
                if (newlyRaised) {
                    raisedAt = now;
                }
                if (newlyRaised || mailedAt == null || !now.isBefore(mailedAt.atZone(ZONE)
                        .plus(properties.remindEvery()).toInstant())) {
                    if (recipients == null) {
                        recipients = team.openGovernmentTeam();
                    }
                    mail(f, raisedAt, recipients);
                    mailedAt = now;
                    log.info("Implementation flag {} of {} raised since {}: team mailed", f.rule(), plan.id(), raisedAt);
                }
            } else if (raisedAt != null) {
                raisedAt = null;
                mailedAt = null;
                clearedAt = now;
                log.info("Implementation flag {} of {} cleared", f.rule(), plan.id());
            }
            save(f.rule(), flag != null, raisedAt, mailedAt, clearedAt, now);
        }
        return findings;
    }

    private void mail(Finding f, Instant raisedAt, List<String> recipients) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("rule", f.rule().name());
        model.put("actionPlan", plan.id());
        model.put("last", f.last() == null ? null : dates.format(f.last()));
        model.put("count", f.count());
        model.put("required", f.required());
        model.put("raisedAt", dates.format(raisedAt));
        model.put("countsFrom", f.countsFrom() == null ? "" : f.countsFrom().format(Dates.DAY));
        for (String to : recipients) {
            outbox.enqueue(new OutgoingMail(to, Locale.forLanguageTag("es"), "mail/implementation-flag",
                    "implementation.mail.flag.subject", new Object[] {plan.id()}, model,
                    "implementation-flag", f.rule().name()));
        }
    }

    private void save(Rule rule, boolean exists, Instant raisedAt, Instant mailedAt, Instant clearedAt, Instant now) {
        if (exists) {
            jdbc.update("""
                    update implementation_flag set raised_at = ?, last_mailed_at = ?, cleared_at = ?, checked_at = ?,
                    version = version + 1 where action_plan = ? and rule_id = ?""", ts(raisedAt), ts(mailedAt),
                    ts(clearedAt), ts(now), plan.id(), rule.name());
        } else {
            jdbc.update("""
                    insert into implementation_flag (action_plan, rule_id, raised_at, last_mailed_at, cleared_at,
                    checked_at, version) values (?, ?, ?, ?, ?, ?, 0)""", plan.id(), rule.name(), ts(raisedAt),
                    ts(mailedAt), ts(clearedAt), ts(now));
        }
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private Flag flag(Rule rule) {
        // The row lock makes two nodes checking at once take turns, so a flag is mailed once.
        List<Flag> rows = jdbc.query("""
                select raised_at, last_mailed_at, cleared_at, checked_at from implementation_flag
                where action_plan = ? and rule_id = ? for update""", (rs, i) -> new Flag(rule,
                instant(rs.getTimestamp(1)), instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3)),
                instant(rs.getTimestamp(4))), plan.id(), rule.name());
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** @return the stored flags of the configured plan, in {@link Rule} order; rules never checked are left out */
    @Transactional(readOnly = true)
    public List<Flag> flags() {
        List<Flag> out = new ArrayList<>();
        for (Rule r : Rule.values()) {
            jdbc.query("""
                    select raised_at, last_mailed_at, cleared_at, checked_at from implementation_flag
                    where action_plan = ? and rule_id = ?""", (rs, i) -> new Flag(r, instant(rs.getTimestamp(1)),
                    instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3)), instant(rs.getTimestamp(4))), plan.id(),
                    r.name()).forEach(out::add);
        }
        return out;
    }
}
