package org.jotrs.portal.internal;

import static org.jotrs.platform.Messages.t;

import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jotrs.access.AgentPreferences;
import org.jotrs.access.PasswordHashing;
import org.jotrs.access.SignInThrottle;
import org.jotrs.customer.CustomerAccount;
import org.jotrs.customer.CustomerAccounts;
import org.jotrs.platform.InvalidInput;
import org.jotrs.portal.PortalAccounts;
import org.jotrs.portal.SignInRefused;
import org.jotrs.portal.SignedInCustomer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The portal's accounts: sign-in against {@code customer_user} as agents sign in against
 * {@code users} (every OTRS hash, bcrypt upgrade, throttling, a decoy hash for unknown logins so
 * the answer takes as long), sessions, preferences and the password.
 */
@Service
class CustomerSignIn implements PortalAccounts {

    private static final Logger log = LoggerFactory.getLogger(CustomerSignIn.class);
    /** Throttle keys of their own: customers' failures never lock agents out, nor the reverse. */
    private static final String THROTTLE_PREFIX = "customer:";

    private final CustomerAccounts accounts;
    private final PasswordHashing hashes;
    private final SignInThrottle throttle;
    private final PortalSessions sessions;
    private final PasswordRules passwordRules;
    private final String decoyHash;

    CustomerSignIn(CustomerAccounts accounts, PasswordHashing hashes, SignInThrottle throttle, PortalSessions sessions,
            PasswordRules passwordRules) {
        this.accounts = accounts;
        this.hashes = hashes;
        this.throttle = throttle;
        this.sessions = sessions;
        this.passwordRules = passwordRules;
        this.decoyHash = hashes.hash("decoy-" + System.nanoTime());
    }

    @Override
    @Transactional
    public String signIn(String login, String password, String address) {
        String name = login == null ? "" : login.strip();
        String secret = password == null ? "" : password;
        String throttleLogin = THROTTLE_PREFIX + name.replace('\0', '?');
        String throttleAddress = THROTTLE_PREFIX + address;
        Duration wait = throttle.waitBeforeTrying(throttleLogin, throttleAddress);
        if (!wait.isZero()) {
            throw new SignInRefused(Math.max(1, (wait.toSeconds() + 59) / 60));
        }
        CustomerAccount account = name.indexOf('\0') >= 0 || secret.indexOf('\0') >= 0 ? null
                : accounts.account(name).filter(CustomerAccount::valid).orElse(null);
        String stored = account == null || account.passwordHash() == null || account.passwordHash().isEmpty()
                ? null : account.passwordHash();
        boolean verified;
        if (stored == null) {
            hashes.verify(secret, decoyHash); // as long as for a known login: logins cannot be probed by timing
            verified = false;
        } else {
            verified = hashes.verify(secret, stored);
        }
        if (!verified || secret.isEmpty()) {
            throttle.recordFailure(throttleLogin, throttleAddress);
            log.info("Customer sign-in failed login={} address={}", name.replace('\0', '?'), address);
            throw new SignInRefused(0);
        }
        throttle.recordSuccess(throttleLogin, throttleAddress);
        if (hashes.shouldUpgrade(stored)) {
            accounts.setPasswordHash(account.login(), hashes.hash(secret));
            log.info("Rehashed customer password to bcrypt customer={}", account.login());
        }
        log.info("Customer signed in customer={} address={}", account.login(), address);
        return sessions.open(account.login());
    }

    @Override
    @Transactional
    public Optional<SignedInCustomer> session(String token) {
        return sessions.loginOf(token)
                .flatMap(accounts::account)
                .filter(CustomerAccount::valid)
                .map(a -> new SignedInCustomer(a.login(), a.customerId(), a.fullName(), a.email()));
    }

    @Override
    @Transactional
    public void signOut(String token) {
        sessions.close(token);
    }

    @Override
    public CustomerSettings settings(String login) {
        Map<String, String> stored = accounts.preferences(login);
        return new CustomerSettings(nonNull(stored.get(CustomerAccounts.LANGUAGE)), nonNull(stored.get(CustomerAccounts.TIME_ZONE)));
    }

    @Override
    @Transactional
    public void saveSettings(String login, CustomerSettings settings) {
        InvalidInput.Collector errors = new InvalidInput.Collector();
        String language = nonNull(settings.language()).strip();
        String zone = nonNull(settings.timeZone()).strip();
        if (!language.isEmpty() && !AgentPreferences.LANGUAGES.contains(language)) {
            errors.add("language", t("portal.preferences.unknown-language"));
        }
        if (!zone.isEmpty() && !validZone(zone)) {
            errors.add("timeZone", t("portal.preferences.unknown-time-zone"));
        }
        errors.throwIfAny();
        Map<String, String> values = new LinkedHashMap<>();
        values.put(CustomerAccounts.LANGUAGE, language);
        values.put(CustomerAccounts.TIME_ZONE, zone);
        accounts.setPreferences(login, values);
    }

    @Override
    @Transactional
    public void changePassword(String login, String currentPassword, String newPassword, String repeatedPassword,
            String keepToken) {
        InvalidInput.Collector errors = new InvalidInput.Collector();
        String stored = accounts.account(login).map(CustomerAccount::passwordHash).orElse(null);
        if (currentPassword == null || currentPassword.isEmpty() || stored == null || stored.isEmpty()
                || !hashes.verify(currentPassword, stored)) {
            errors.add("currentPassword", t("portal.preferences.wrong-current-password"));
        }
        passwordRules.check(errors, newPassword, repeatedPassword);
        errors.throwIfAny();
        accounts.setPasswordHash(login, hashes.hash(newPassword));
        sessions.closeAllOf(login, keepToken);
        log.info("Customer changed their password customer={}", login);
    }

    private static boolean validZone(String zone) {
        try {
            ZoneId.of(zone);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
