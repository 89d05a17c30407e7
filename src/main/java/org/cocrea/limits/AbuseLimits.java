package org.cocrea.limits;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The abuse limits ({@link LimitProperties}, {@code cocrea.limits.*}) as the features ask for them: public controllers
 * call {@link #admit} first thing, the outbox asks {@link #allowConfirmation} before queueing a confirmation, and
 * {@link LoginThrottleFilter} wraps every login. Buckets are kept in memory (per node) by Bucket4j.
 */
@Service
public class AbuseLimits {

    private static final Logger log = LoggerFactory.getLogger(AbuseLimits.class);

    private final boolean enabled;
    private final Map<PublicAction, Limiter> byClient = new EnumMap<>(PublicAction.class);
    private final Map<PublicAction, Limiter> byRecipient = new EnumMap<>(PublicAction.class);
    private final Map<String, Limiter> confirmations = new HashMap<>();
    private final Limiter loginByClient;
    private final Limiter loginByAccount;

    AbuseLimits(LimitProperties properties) {
        this.enabled = properties.enabled();
        int max = properties.maxTrackedKeys();
        properties.client().forEach((action, rate) -> byClient.put(action,
                new Limiter("client/" + action.key(), rate, max)));
        properties.recipient().forEach((action, rate) -> byRecipient.put(action,
                new Limiter("recipient/" + action.key(), rate, max)));
        properties.confirmationMail().forEach((kind, rate) -> confirmations.put(kind,
                new Limiter("confirmation-mail/" + kind, rate, max)));
        LimitProperties.Login login = properties.login();
        this.loginByClient = login.client() == null ? null : new Limiter("login/client", login.client(), max);
        this.loginByAccount = login.account() == null ? null : new Limiter("login/account", login.account(), max);
    }

    /**
     * Counts one public request against the client's allowance for its kind and, when it names a deliverable
     * e-mail address, against that address's allowance (whoever sends it). Call it before reading or storing
     * anything: refused requests count too.
     *
     * @param action  what the request is
     * @param request the HTTP request (its client address, see {@link Keys#client})
     * @param email   the e-mail address typed into the form, or null when the form has none
     * @throws TooManyRequestsException when either allowance is used up; nothing was stored
     */
    public void admit(PublicAction action, HttpServletRequest request, String email) {
        if (!enabled) {
            return;
        }
        take(byClient.get(action), Keys.client(request));
        String recipient = Keys.recipient(email);
        if (recipient != null) {
            take(byRecipient.get(action), recipient);
        }
    }

    /**
     * Whether one more confirmation of a kind may be mailed to an address now
     * ({@code cocrea.limits.confirmation-mail.<kind>}); asking uses one from the allowance.
     *
     * @param kind      the outbox kind, e.g. {@code subscription-confirm}
     * @param recipient the address
     * @return true when allowed (or the kind is not limited)
     */
    public boolean allowConfirmation(String kind, String recipient) {
        Limiter limiter = confirmations.get(kind);
        if (!enabled || limiter == null || recipient == null) {
            return true;
        }
        String key = Keys.recipient(recipient);
        long wait = limiter.take(key == null ? recipient.strip().toLowerCase(Locale.ROOT) : key);
        if (wait > 0) {
            log.debug("Limit {} ({}) reached: confirmation not queued", limiter.name(), limiter.rate());
        }
        return wait == 0;
    }

    /**
     * Starts a login attempt: one failed login is taken from the client's and the account's allowance, and given
     * back by {@link LoginAttempt#succeeded()}. Taking first means a burst of parallel guesses cannot overrun the
     * limit.
     *
     * @param request the login request (its client address)
     * @param user    the login name sent, may be null
     * @return the attempt
     * @throws TooManyRequestsException when the client or the account has no failed logins left; the password must not
     *                                  be checked then
     */
    LoginAttempt startLogin(HttpServletRequest request, String user) {
        if (!enabled) {
            return new LoginAttempt(null, null);
        }
        String client = loginByClient == null ? null : Keys.client(request);
        if (client != null) {
            take(loginByClient, client);
        }
        String account = loginByAccount == null ? null : Keys.account(user);
        if (account != null) {
            long wait = loginByAccount.take(account);
            if (wait > 0) {
                if (client != null) {
                    loginByClient.giveBack(client); // no password was tried
                }
                log.debug("Limit {} ({}) reached", loginByAccount.name(), loginByAccount.rate());
                throw new TooManyRequestsException(loginByAccount.name(), wait);
            }
        }
        return new LoginAttempt(client, account);
    }

    /** A login under way; see {@link AbuseLimits#startLogin}. */
    final class LoginAttempt {

        private final String client;
        private final String account;

        private LoginAttempt(String client, String account) {
            this.client = client;
            this.account = account;
        }

        /** The login did not fail (accepted, or refused for another reason than the password): nothing is counted. */
        void succeeded() {
            if (client != null) {
                loginByClient.giveBack(client);
            }
            if (account != null) {
                loginByAccount.giveBack(account);
            }
        }
    }

    /** @return whether limits are on */
    boolean enabled() {
        return enabled;
    }

    /** Forgets every bucket, so each test starts with full allowances. */
    void clear() {
        byClient.values().forEach(Limiter::clear);
        byRecipient.values().forEach(Limiter::clear);
        confirmations.values().forEach(Limiter::clear);
        if (loginByClient != null) {
            loginByClient.clear();
        }
        if (loginByAccount != null) {
            loginByAccount.clear();
        }
    }

    private static void take(Limiter limiter, String key) {
        if (limiter == null) {
            return;
        }
        long wait = limiter.take(key);
        if (wait > 0) {
            log.debug("Limit {} ({}) reached", limiter.name(), limiter.rate());
            throw new TooManyRequestsException(limiter.name(), wait);
        }
    }
}
