package org.cocrea.following;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cocrea.notification.MailOutbox;
import org.cocrea.notification.OutgoingMail;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The mails of following, all written to the outbox in the caller's transaction: the confirmation link (double
 * opt-in, capped per address), one mail per change and the weekly digest, the last two with the one-click
 * unsubscribe header (RFC 8058) and the same link in the text.
 */
@Component
class FollowMails {

    /** Outbox kind of the confirmation mail; {@code cocrea.limits.confirmation-mail.follow-confirm} caps it. */
    static final String CONFIRM_KIND = "follow-confirm";

    private final MailOutbox outbox;
    private final String baseUrl;

    FollowMails(MailOutbox outbox, @Value("${cocrea.public-base-url}") String baseUrl) {
        this.outbox = outbox;
        this.baseUrl = baseUrl;
    }

    void confirmation(Follow follow, Frequency frequency, String label) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("link", confirmLink(follow, frequency));
        model.put("label", label);
        model.put("weekly", frequency == Frequency.WEEKLY);
        outbox.enqueueConfirmation(new OutgoingMail(follow.getEmail(), locale(follow.getLanguage()),
                "mail/following-confirm", "following.mail.confirm.subject", new Object[] {label}, model,
                CONFIRM_KIND, follow.getTargetType().page(follow.getTargetKey())));
    }

    void change(Follow follow, Change change) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("kind", change.kind());
        model.put("label", change.label());
        model.put("link", baseUrl + change.link());
        String unsubscribe = unsubscribeLink(follow, false);
        model.put("unsubscribeLink", unsubscribe);
        outbox.enqueue(new OutgoingMail(follow.getEmail(), locale(follow.getLanguage()), "mail/following-change",
                "following.mail.subject." + change.kind(), new Object[] {change.label()}, model, "follow-change",
                follow.getTargetType().page(follow.getTargetKey()), unsubscribe));
    }

    /**
     * One digest for one address.
     *
     * @param first   the address's first follow (its language and the token of the header's "unsubscribe from all")
     * @param items   the changes, each a map of {@code kind}, {@code label}, {@code link} (absolute) and
     *                {@code unsubscribeLink} of its follow
     */
    void digest(Follow first, List<Map<String, String>> items) {
        String unsubscribeAll = unsubscribeLink(first, true);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("items", items);
        model.put("unsubscribeLink", unsubscribeAll);
        outbox.enqueue(new OutgoingMail(first.getEmail(), locale(first.getLanguage()), "mail/following-digest",
                "following.mail.digest.subject", new Object[] {items.size()}, model, "follow-digest", null,
                unsubscribeAll));
    }

    String absolute(String path) {
        return baseUrl + path;
    }

    String confirmLink(Follow follow, Frequency frequency) {
        return baseUrl + "/follow/confirm/" + follow.getToken() + "?frequency="
                + frequency.name().toLowerCase(Locale.ROOT);
    }

    /** @return the one-click unsubscribe address of a follow, or of every follow of its address with {@code all} */
    String unsubscribeLink(Follow follow, boolean all) {
        return baseUrl + "/follow/unsubscribe/" + follow.getToken() + (all ? "?all=true" : "");
    }

    static Locale locale(String language) {
        return "en".equals(language) ? Locale.ENGLISH : Locale.forLanguageTag("es");
    }

    /**
     * A change to tell followers about.
     *
     * @param kind  message key suffix of {@code following.change.<kind>}, e.g. {@code reasonedResponse}
     * @param label how the followed thing is named, in the follower's language
     * @param link  path of the page that shows the change, e.g. {@code /proposals/CC-7K3M9P2Q}
     */
    record Change(String kind, String label, String link) {
    }
}
