package org.cocrea.following;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.cocrea.CocreaApplication;
import org.cocrea.kernel.FieldProblem;
import org.cocrea.kernel.InputRefusedException;
import org.cocrea.kernel.InputText;
import org.cocrea.kernel.InsertIfAbsent;
import org.cocrea.kernel.PrivateTokens;
import org.cocrea.notification.EmailAddresses;
import org.cocrea.notification.MailOutbox;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Following pages by e-mail, the one public entry to {@code following}: the follow form with double opt-in, the
 * confirmation, one-click unsubscribe (RFC 8058), the mails of each change and the weekly digest. Each public method
 * is one transaction (joining the caller's when there is one). Consent follows the directory's habit (participant/):
 * when it was given (at confirmation, by the owner of the address) and the version of the text shown, no IP address
 * (Ley 25.326: only the data the purpose needs).
 */
@Service
public class Followers {

    /** Version of the consent text the form shows ({@code following.form.consent}); stored with each follow. */
    public static final String CONSENT_VERSION = "following-consent-v1";
    /** Longest e-mail address accepted, in characters (RFC 5321; {@code follow.email}). */
    public static final int MAX_EMAIL = 254;

    private final FollowRepository follows;
    private final FollowChangeRepository changes;
    private final FollowTargets targets;
    private final FollowMails mails;
    private final Clock clock;
    private final MailOutbox outbox;
    private final InsertIfAbsent insertIfAbsent;

    Followers(FollowRepository follows, FollowChangeRepository changes, FollowTargets targets, FollowMails mails,
            Clock clock, MailOutbox outbox, InsertIfAbsent insertIfAbsent) {
        this.outbox = outbox;
        this.insertIfAbsent = insertIfAbsent;
        this.follows = follows;
        this.changes = changes;
        this.targets = targets;
        this.mails = mails;
        this.clock = clock;
    }

    /**
     * The follow form: checks everything, then stores the request (not yet active) and mails the confirmation link
     * to the address. Nothing else is mailed before the owner confirms; an existing follow of the same address and
     * page is not changed until then (the link carries the frequency chosen). At most
     * {@code cocrea.limits.confirmation-mail.follow-confirm} links per address are queued; beyond that nothing is
     * mailed and the form answers the same, so the page says nothing about the address. Idempotent: the same request
     * twice, even at the same moment, stores one follow ({@link InsertIfAbsent}).
     *
     * @param target    {@code proposal}, {@code draft} or {@code commitment}
     * @param key       tracking code, draft id or commitment code
     * @param email     the address to mail
     * @param consent   whether the consent box was ticked (required)
     * @param frequency {@code each} (one mail per change) or {@code weekly} (digest)
     * @param locale    the page's language, for the mails
     * @throws InputRefusedException listing every problem (fields {@code target}, {@code email} (missing, over
     *                               {@value #MAX_EMAIL} characters, control characters, not an address),
     *                               {@code consent}, {@code frequency}; codes {@code following.error.*}); nothing is
     *                               stored
     */
    @Transactional
    public void request(String target, String key, String email, boolean consent, String frequency, Locale locale) {
        List<FieldProblem> problems = new ArrayList<>();
        Optional<FollowTargets.Resolved> resolved = FollowTarget.fromCode(target).flatMap(t -> targets.resolve(t, key));
        if (resolved.isEmpty()) {
            problems.add(FieldProblem.of("target", "following.error.target"));
        }
        String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (address.isEmpty()) {
            problems.add(FieldProblem.of("email", "following.error.emailRequired"));
        } else if (InputText.hasForbiddenCharacters(address)) {
            problems.add(FieldProblem.of("email", "following.error.emailCharacters"));
        } else if (InputText.exceeds(address, MAX_EMAIL)) {
            problems.add(FieldProblem.of("email", "following.error.emailTooLong", MAX_EMAIL));
        } else if (!EmailAddresses.isValid(address)) {
            problems.add(FieldProblem.of("email", "following.error.email"));
        }
        if (!consent) {
            problems.add(FieldProblem.of("consent", "following.error.consent"));
        }
        Optional<Frequency> chosen = Frequency.fromCode(frequency);
        if (chosen.isEmpty()) {
            problems.add(FieldProblem.of("frequency", "following.error.frequency"));
        }
        if (!problems.isEmpty()) {
            throw new InputRefusedException(problems);
        }
        FollowTargets.Resolved r = resolved.get();
        String language = "en".equals(locale.getLanguage()) ? "en" : "es";
        Follow follow = follows.findByEmailAndTargetTypeAndTargetKey(address, r.type(), r.key()).orElseGet(() -> {
            // Two identical requests at the same moment (a double click, two tabs) both get here: the unique key
            // (email, target_type, target_key) lets one insert and the other find that row, neither fails.
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("email", address);
            row.put("target_type", r.type().name());
            row.put("target_key", r.key());
            row.put("proposal_id", r.proposalId());
            row.put("commitment_id", r.commitmentId());
            row.put("frequency", chosen.get().name());
            row.put("language", language);
            row.put("token", PrivateTokens.next());
            row.put("requested_at", Timestamp.from(clock.instant()));
            insertIfAbsent.insert("follow", "email, target_type, target_key", row);
            return follows.findByEmailAndTargetTypeAndTargetKey(address, r.type(), r.key()).orElseThrow();
        });
        mails.confirmation(follow, chosen.get(), targets.label(follow));
    }

    /**
     * @param token a follow's private token (from a mail)
     * @return the follow, if the token is known
     */
    @Transactional(readOnly = true)
    public Optional<Follow> byToken(String token) {
        return !PrivateTokens.wellFormed(token) ? Optional.empty() : follows.findByToken(token);
    }

    /**
     * The owner of the address confirmed (the POST of the page the mailed link opens): the follow is active from now
     * with the frequency the link carries, and the consent is recorded now with {@link #CONSENT_VERSION}.
     *
     * @param token     the follow's private token
     * @param frequency {@code each} or {@code weekly}; anything else keeps the frequency stored
     * @return whether the token was known
     */
    @Transactional
    public boolean confirm(String token, String frequency) {
        Optional<Follow> found = byToken(token);
        found.ifPresent(f -> f.confirm(Frequency.fromCode(frequency).orElse(f.getFrequency()), CONSENT_VERSION,
                clock.instant()));
        return found.isPresent();
    }

    /**
     * One-click unsubscribe (RFC 8058): no login, no further confirmation. Idempotent.
     *
     * @param token the follow's private token
     * @param all   also every other follow of the same address (the weekly digest's header)
     * @return how many follows were active and are not any more, or -1 if the token is unknown
     */
    @Transactional
    public int unsubscribe(String token, boolean all) {
        Optional<Follow> found = byToken(token);
        if (found.isEmpty()) {
            return -1;
        }
        Instant now = clock.instant();
        List<Follow> affected = all ? follows.findByEmailOrderByIdAsc(found.get().getEmail()) : List.of(found.get());
        int count = 0;
        for (Follow f : affected) {
            if (f.isActive()) {
                count++;
            }
            f.unsubscribe(now);
        }
        return count;
    }

    /**
     * Erases an address from following (right of erasure, Ley 25.326 art. 16): every follow of the address of the
     * token, with its pending digest changes, and the mails written to the address (as the directory's erasure does).
     *
     * @param token a follow's private token
     * @return how many follows were deleted, or -1 if the token is unknown
     */
    @Transactional
    public int forget(String token) {
        Optional<Follow> found = byToken(token);
        if (found.isEmpty()) {
            return -1;
        }
        String email = found.get().getEmail();
        outbox.forgetRecipient(email);
        return forgetAddress(email);
    }

    /**
     * Deletes every follow of an address and its pending changes (the directory erased the person).
     *
     * @param email the address, any case
     * @return how many follows were deleted
     */
    @Transactional
    public int forgetAddress(String email) {
        List<Follow> all = follows.findByEmailOrderByIdAsc(email.strip().toLowerCase(Locale.ROOT));
        for (Follow f : all) {
            changes.deleteByFollowId(f.getId());
        }
        follows.deleteAll(all);
        return all.size();
    }

    /**
     * @param token a follow's private token
     * @return how the followed page is named (e.g. {@code CC-7K3M9P2Q «Corredores verdes»}), and its path
     */
    @Transactional(readOnly = true)
    public Optional<String[]> described(String token) {
        return byToken(token).map(f -> new String[] {targets.label(f), f.getTargetType().page(f.getTargetKey())});
    }

    /**
     * Tells the active followers of a change, in the caller's transaction: a mail now to those who chose one per
     * change, a pending row for those who chose the weekly digest. An address that follows the change's subject twice
     * (the draft and the published commitment) hears of it once.
     *
     * @param followers the follows concerned (inactive ones are skipped)
     * @param kind      {@code following.change.<kind>}
     * @param label     the label of the followed thing in a language ({@code es} or {@code en}); null: each
     *                  follow's own label
     * @param link      the page showing the change
     * @return how many followers were told (mailed or queued for the digest)
     */
    @Transactional
    int notify(Collection<Follow> followers, String kind, Function<String, String> label,
            String link) {
        Set<String> told = new LinkedHashSet<>();
        for (Follow f : followers) {
            if (!f.isActive() || !told.add(f.getEmail())) {
                continue;
            }
            String text = label == null ? targets.label(f) : label.apply(f.getLanguage());
            if (f.getFrequency() == Frequency.EACH) {
                mails.change(f, new FollowMails.Change(kind, text, link));
            } else {
                changes.save(new FollowChange(f.getId(), kind, text, link, clock.instant()));
            }
        }
        return told.size();
    }

    /**
     * The weekly digest (cron {@code cocrea.following.digest-cron}, Mondays 8:00 Buenos Aires time by default; off in
     * tests, which call it): one mail per address listing every pending change of its active follows, oldest first;
     * the changes are then marked as sent, so a second run mails nothing. Changes of follows that were unsubscribed
     * meanwhile are dropped.
     *
     * @return how many digest mails were written to the outbox
     */
    @Scheduled(cron = "${cocrea.following.digest-cron:0 0 8 * * MON}", zone = CocreaApplication.ZONE)
    @Transactional
    public int sendWeeklyDigests() {
        Instant now = clock.instant();
        Map<String, List<Map<String, String>>> byAddress = new LinkedHashMap<>();
        Map<String, Follow> firstOf = new LinkedHashMap<>();
        Map<Long, Follow> cache = new LinkedHashMap<>();
        for (FollowChange c : changes.findByDigestedAtIsNullOrderByFollowIdAscIdAsc()) {
            c.digested(now);
            Follow f = cache.computeIfAbsent(c.getFollowId(), id -> follows.findById(id).orElse(null));
            if (f == null || !f.isActive()) {
                continue;
            }
            firstOf.putIfAbsent(f.getEmail(), f);
            Map<String, String> item = new LinkedHashMap<>();
            item.put("kind", c.getKind());
            item.put("label", c.getLabel());
            item.put("link", mails.absolute(c.getLink()));
            item.put("unsubscribeLink", mails.unsubscribeLink(f, false));
            byAddress.computeIfAbsent(f.getEmail(), e -> new ArrayList<>()).add(item);
        }
        byAddress.forEach((email, items) -> mails.digest(firstOf.get(email), items));
        return byAddress.size();
    }

}
