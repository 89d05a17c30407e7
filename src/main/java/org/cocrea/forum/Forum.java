package org.cocrea.forum;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.cocrea.CocreaApplication;
import org.cocrea.kernel.FieldProblem;
import org.cocrea.kernel.InputRefusedException;
import org.cocrea.kernel.InputText;
import org.cocrea.kernel.NotFoundException;
import org.cocrea.notification.EmailAddresses;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The multi-stakeholder forum's membership and rules (OGP Participation and Co-Creation Standards, Standard 1: the
 * forum has government and civil-society members and rules on how it works, published). Days are on the calendar of
 * America/Argentina/Buenos_Aires; "current" means the term covers today.
 */
@Service
public class Forum {

    static final int ORGANISATION_MAX = 300;
    static final int NAME_MAX = 200;
    static final int VERSION_MAX = 50;
    static final int DOCUMENT_MAX = 20000;
    static final int URL_MAX = 500;
    /** The term start given to seeded members, whose real start is unknown. */
    public static final LocalDate SEED_TERM_START = LocalDate.of(2000, 1, 1);
    private static final ZoneId ZONE = ZoneId.of(CocreaApplication.ZONE);

    private final ForumMemberRepository members;
    private final ForumRulesRepository rules;
    private final Clock clock;

    Forum(ForumMemberRepository members, ForumRulesRepository rules, Clock clock) {
        this.members = members;
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * A member as a form sends it.
     *
     * @param organisation   1 to 300 characters
     * @param sector         a {@link ForumMember.Sector} name
     * @param type           {@code GOVERNMENT} or {@code CIVIL_SOCIETY}
     * @param representative the person, 1 to 200 characters
     * @param namePublic     whether the representative agreed to have the name published
     * @param email          the representative's address (forum mail only, never published)
     * @param termStart      ISO date, e.g. {@code 2025-03-01}
     * @param termEnd        ISO date on or after the start, or empty for an open term
     */
    public record MemberInput(String organisation, String sector, String type, String representative,
            boolean namePublic, String email, String termStart, String termEnd) {
    }

    /** The checked fields of a member. */
    record MemberFields(String organisation, ForumMember.Sector sector, ForumMember.Type type, String representative,
            boolean namePublic, String email, LocalDate termStart, LocalDate termEnd) {
    }

    /** @return today on the Buenos Aires calendar */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** @return every member, past ones included, government first then by organisation */
    @Transactional(readOnly = true)
    public List<ForumMember> all() {
        return members.findAllByOrderByTypeAscOrganisationAsc();
    }

    /** @return the members whose term covers today (Buenos Aires), government first then by organisation */
    @Transactional(readOnly = true)
    public List<ForumMember> currentMembers() {
        LocalDate today = today();
        return all().stream().filter(m -> m.currentOn(today)).toList();
    }

    /**
     * @param id member id
     * @return the member
     * @throws NotFoundException if there is none
     */
    @Transactional(readOnly = true)
    public ForumMember member(long id) {
        return members.findById(id).orElseThrow(() -> new NotFoundException("forum-member", id));
    }

    /**
     * Adds a member.
     *
     * @param input what staff entered
     * @param by    the staff user
     * @return the member
     * @throws InputRefusedException naming every refused field: organisation or representative empty or too long, an
     *                               unknown sector or type, an invalid e-mail, a start that is no date, an end that is
     *                               no date or before the start
     */
    @Transactional
    public ForumMember add(MemberInput input, String by) {
        MemberFields fields = check(input);
        ForumMember m = new ForumMember(by, clock.instant());
        m.set(fields, clock.instant());
        return members.save(m);
    }

    /**
     * Changes a member.
     *
     * @param id    member id
     * @param input what staff entered
     * @return the member
     * @throws InputRefusedException as {@link #add}
     * @throws NotFoundException     if there is no such member
     */
    @Transactional
    public ForumMember edit(long id, MemberInput input) {
        ForumMember m = member(id);
        m.set(check(input), clock.instant());
        return m;
    }

    /**
     * Ends a member's term: it closes yesterday (Buenos Aires), so the member is no longer current from today on.
     *
     * @param id member id
     * @return the member
     * @throws InputRefusedException on field {@code termEnd} when the term already ended before today or starts today
     *                               or later (edit it instead)
     * @throws NotFoundException     if there is no such member
     */
    @Transactional
    public ForumMember endTerm(long id) {
        ForumMember m = member(id);
        LocalDate yesterday = today().minusDays(1);
        if (m.getTermEnd() != null && m.getTermEnd().isBefore(today()) || m.getTermStart().isAfter(yesterday)) {
            throw InputRefusedException.of("termEnd", "forum.error.cannotEnd");
        }
        m.endTerm(yesterday, clock.instant());
        return m;
    }

    /**
     * Adds a member from an address alone (the first-run seed of {@code cocrea.commitment.forum-members}): the
     * organisation is the address's domain, sector {@code OTHER}, civil society, name not public, and an open term
     * from {@link #SEED_TERM_START} (the real start is unknown; staff correct it on {@code /staff/forum}).
     *
     * @param email a valid address
     */
    @Transactional
    public void seed(String email) {
        String address = email.strip().toLowerCase(Locale.ROOT);
        String domain = address.substring(address.indexOf('@') + 1);
        ForumMember m = new ForumMember("seed", clock.instant());
        m.set(new MemberFields(domain, ForumMember.Sector.OTHER, ForumMember.Type.CIVIL_SOCIETY, address, false,
                address, SEED_TERM_START, null), clock.instant());
        members.save(m);
    }

    /** @return whether no member was ever recorded */
    @Transactional(readOnly = true)
    public boolean empty() {
        return members.count() == 0;
    }

    /** @return the rules in force: the version adopted last, if any */
    @Transactional(readOnly = true)
    public Optional<ForumRules> rules() {
        return rules.findFirstByOrderByAdoptedOnDescIdDesc();
    }

    /**
     * Records a new version of the rules.
     *
     * @param version   1 to 50 characters, e.g. {@code 2.0}
     * @param document  the text, up to 20,000 characters, or empty
     * @param url       an http(s) link to the document, up to 500 characters, or empty; text or link is required
     * @param adoptedOn ISO date, not after today
     * @param by        the staff user
     * @return the rules
     * @throws InputRefusedException naming every refused field
     */
    @Transactional
    public ForumRules recordRules(String version, String document, String url, String adoptedOn, String by) {
        List<FieldProblem> problems = new ArrayList<>();
        String v = text(version, "version", VERSION_MAX, problems);
        String doc = document == null ? "" : document.strip();
        String link = url == null ? "" : url.strip();
        if (InputText.exceeds(doc, DOCUMENT_MAX) || InputText.hasForbiddenCharacters(doc)) {
            problems.add(FieldProblem.of("document", "forum.error.length", 0, DOCUMENT_MAX));
        }
        if (!link.isEmpty() && (InputText.exceeds(link, URL_MAX)
                || !(link.startsWith("https://") || link.startsWith("http://")))) {
            problems.add(FieldProblem.of("url", "forum.error.url"));
        }
        if (doc.isEmpty() && link.isEmpty()) {
            problems.add(FieldProblem.of("document", "forum.error.rulesEmpty"));
        }
        LocalDate adopted = date(adoptedOn, "adoptedOn", true, problems);
        if (adopted != null && adopted.isAfter(today())) {
            problems.add(FieldProblem.of("adoptedOn", "forum.error.future"));
        }
        if (!problems.isEmpty()) {
            throw new InputRefusedException(problems);
        }
        return rules.save(new ForumRules(v, doc.isEmpty() ? null : doc, link.isEmpty() ? null : link, adopted, by,
                clock.instant()));
    }

    private MemberFields check(MemberInput in) {
        List<FieldProblem> problems = new ArrayList<>();
        String organisation = text(in.organisation(), "organisation", ORGANISATION_MAX, problems);
        String representative = text(in.representative(), "representative", NAME_MAX, problems);
        ForumMember.Sector sector = null;
        try {
            sector = ForumMember.Sector.valueOf(in.sector() == null ? "" : in.sector().strip());
        } catch (IllegalArgumentException e) {
            problems.add(FieldProblem.of("sector", "forum.error.sector"));
        }
        ForumMember.Type type = null;
        try {
            type = ForumMember.Type.valueOf(in.type() == null ? "" : in.type().strip());
        } catch (IllegalArgumentException e) {
            problems.add(FieldProblem.of("type", "forum.error.type"));
        }
        String email = in.email() == null ? "" : in.email().strip().toLowerCase(Locale.ROOT);
        if (!EmailAddresses.isValid(email)) {
            problems.add(FieldProblem.of("email", "forum.error.email"));
        }
        LocalDate start = date(in.termStart(), "termStart", true, problems);
        LocalDate end = date(in.termEnd(), "termEnd", false, problems);
        if (start != null && end != null && end.isBefore(start)) {
            problems.add(FieldProblem.of("termEnd", "forum.error.endBeforeStart"));
        }
        if (!problems.isEmpty()) {
            throw new InputRefusedException(problems);
        }
        return new MemberFields(organisation, sector, type, representative, in.namePublic(), email, start, end);
    }

    private static String text(String value, String field, int max, List<FieldProblem> problems) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() || InputText.exceeds(v, max)) {
            problems.add(FieldProblem.of(field, "forum.error.length", 1, max));
        } else if (InputText.hasForbiddenCharacters(v)) {
            problems.add(FieldProblem.of(field, "forum.error.characters"));
        }
        return v;
    }

    private static LocalDate date(String value, String field, boolean required, List<FieldProblem> problems) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            if (required) {
                problems.add(FieldProblem.of(field, "forum.error.date"));
            }
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.of(field, "forum.error.date"));
            return null;
        }
    }
}
