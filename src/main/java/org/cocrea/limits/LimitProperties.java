package org.cocrea.limits;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Abuse limits ({@code cocrea.limits.*}; defaults in {@code application.yaml}). A kind left out is not limited. Every
 * limit is counted in memory on each node: with two nodes behind a balancer a client gets up to twice the allowance.
 *
 * @param enabled           false turns every limit off (and leaves Camunda's login delay off too)
 * @param maxTrackedKeys    how many client addresses, e-mail addresses or accounts each limit remembers at most; beyond
 *                          that the least used are forgotten (their allowance starts over)
 * @param client            per client address ({@code request.getRemoteAddr()}, IPv6 grouped by /64) and kind of
 *                          public request: how many requests, accepted or refused
 * @param recipient         per e-mail address typed into the form (case and {@code +tag} ignored) and kind of public
 *                          request, from any client
 * @param confirmationMail  per recipient address and outbox kind ({@code proposal-received}, {@code subscription-confirm},
 *                          {@code round-table-registration}): how many confirmations a public form may queue; the
 *                          excess is not queued and the visitor gets the usual answer
 * @param login             failed logins
 */
@ConfigurationProperties("cocrea.limits")
public record LimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("20000") int maxTrackedKeys,
        Map<PublicAction, Rate> client, Map<PublicAction, Rate> recipient, Map<String, Rate> confirmationMail,
        Login login) {

    /**
     * Failed logins at {@code /login} (the one login of the staff pages and the Camunda webapps) and HTTP Basic on
     * {@code /engine-rest}. An
     * attempt is counted when it starts and given back when it succeeds, so parallel guesses cannot overrun the limit.
     *
     * @param client  failed logins per client address, whatever the account
     * @param account failed logins per account (user id, case ignored), from every client together; OWASP ASVS 2.2.1
     *                asks for at most 100 an hour
     */
    public record Login(Rate client, Rate account) {
    }

    /**
     * @throws IllegalArgumentException when {@code maxTrackedKeys} is below 100
     */
    public LimitProperties {
        if (maxTrackedKeys < 100) {
            throw new IllegalArgumentException("cocrea.limits.max-tracked-keys must be at least 100, was " + maxTrackedKeys);
        }
        client = client == null ? Map.of() : Map.copyOf(client);
        recipient = recipient == null ? Map.of() : Map.copyOf(recipient);
        confirmationMail = confirmationMail == null ? Map.of() : Map.copyOf(confirmationMail);
        login = login == null ? new Login(null, null) : login;
    }
}
