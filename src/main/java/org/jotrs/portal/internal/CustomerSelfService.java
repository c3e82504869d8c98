package org.jotrs.portal.internal;

import static org.jotrs.platform.Messages.t;

import java.util.Locale;
import java.util.Optional;

import org.jotrs.access.PasswordHashing;
import org.jotrs.customer.CustomerAccount;
import org.jotrs.customer.CustomerAccounts;
import org.jotrs.platform.InvalidInput;
import org.jotrs.platform.MailAddressSyntax;
import org.jotrs.platform.NoSuchEntry;
import org.jotrs.portal.PortalSelfService;
import org.jotrs.portal.internal.PortalTokens.Purpose;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Password resets and sign-ups through mailed links. A request first passes the rate limit (counted
 * alike for every login and address, across the cluster, and committed before the work starts), then
 * does its work and returns the same way whether an account was found or not; the token and its mail
 * are written in one transaction.
 */
@Service
class CustomerSelfService implements PortalSelfService {

    private static final Logger log = LoggerFactory.getLogger(CustomerSelfService.class);

    private final CustomerAccounts accounts;
    private final PasswordHashing hashes;
    private final PasswordRules passwordRules;
    private final PortalTokens tokens;
    private final PortalSessions sessions;
    private final PortalMails mails;
    private final MailRequestLimits limits;
    private final PortalSettings settings;
    private final PortalProperties properties;
    private final TransactionTemplate transactions;

    CustomerSelfService(CustomerAccounts accounts, PasswordHashing hashes, PasswordRules passwordRules, PortalTokens tokens,
            PortalSessions sessions, PortalMails mails, MailRequestLimits limits, PortalSettings settings,
            PortalProperties properties, TransactionTemplate transactions) {
        this.accounts = accounts;
        this.hashes = hashes;
        this.passwordRules = passwordRules;
        this.tokens = tokens;
        this.sessions = sessions;
        this.mails = mails;
        this.limits = limits;
        this.settings = settings;
        this.properties = properties;
        this.transactions = transactions;
    }

    /** Not {@code @Transactional}: the rate limit commits its count first, then the work runs in its own transaction. */
    @Override
    public void requestPasswordReset(String loginOrEmail, String address) {
        String wanted = loginOrEmail == null ? "" : loginOrEmail.strip();
        if (wanted.isEmpty() || wanted.length() > 200 || wanted.indexOf('\0') >= 0) {
            throw InvalidInput.of("loginOrEmail", t("portal.reset.login-missing"));
        }
        throttle(wanted, address);
        transactions.executeWithoutResult(status -> mailResetLink(wanted, address));
    }

    private void mailResetLink(String wanted, String address) {
        Optional<CustomerAccount> account = accounts.account(wanted).filter(CustomerAccount::valid)
                .or(() -> accounts.accountByEmail(wanted));
        if (account.isEmpty() || !MailAddressSyntax.isAddress(account.get().email())) {
            log.info("Password reset asked for no account address={}", address);
            return;
        }
        CustomerAccount customer = account.get();
        String token = tokens.issue(Purpose.RESET, customer.login(), null, null, properties.resetLinkLifetime());
        mails.resetLink(customer.email().strip(), customer.fullName(), customer.login(), token,
                properties.resetLinkLifetime().toMinutes());
        log.info("Password reset link mailed customer={} address={}", customer.login(), address);
    }

    @Override
    public boolean passwordResetOpen(String token) {
        return tokens.open(Purpose.RESET, token).isPresent();
    }

    @Override
    @Transactional
    public void resetPassword(String token, String newPassword, String repeatedPassword) {
        if (tokens.open(Purpose.RESET, token).isEmpty()) {
            throw new LinkNotValid();
        }
        InvalidInput.Collector errors = new InvalidInput.Collector();
        passwordRules.check(errors, newPassword, repeatedPassword);
        errors.throwIfAny();
        String login = tokens.use(Purpose.RESET, token).map(PortalTokens.Open::login).orElseThrow(LinkNotValid::new);
        CustomerAccount customer = accounts.account(login).filter(CustomerAccount::valid).orElseThrow(LinkNotValid::new);
        accounts.setPasswordHash(customer.login(), hashes.hash(newPassword));
        tokens.useAllOf(Purpose.RESET, customer.login());
        sessions.closeAllOf(customer.login(), null);
        log.info("Customer set a new password from a mailed link customer={}", customer.login());
    }

    @Override
    public boolean signUpEnabled() {
        return settings.signUpEnabled();
    }

    /** Not {@code @Transactional}: the rate limit commits its count first, then the work runs in its own transaction. */
    @Override
    public void signUp(SignUp form, String address) {
        if (!settings.signUpEnabled()) {
            throw new NoSuchEntry("not-found.sign-up");
        }
        InvalidInput.Collector errors = new InvalidInput.Collector();
        String first = errors.required("firstName", form.firstName(), 100, t("portal.sign-up.first-name-missing"));
        String last = errors.required("lastName", form.lastName(), 100, t("portal.sign-up.last-name-missing"));
        String email = InvalidInput.clean(form.email());
        if (email == null || email.length() > 150 || !MailAddressSyntax.isAddress(email)) {
            errors.add("email", t("portal.sign-up.email-invalid"));
        }
        errors.throwIfAny();
        throttle(email, address);
        transactions.executeWithoutResult(status -> mailSignUpLink(email, first, last, address));
    }

    private void mailSignUpLink(String email, String first, String last, String address) {
        if (accounts.addressTaken(email)) {
            // Told to the address's owner, never to whoever typed it: the page answers as for a new address.
            mails.addressTaken(email);
            log.info("Sign-up with an address in use; its owner was told address={}", address);
            return;
        }
        String token = tokens.issue(Purpose.SIGN_UP, email.toLowerCase(Locale.ROOT), first, last,
                properties.signUpLinkLifetime());
        mails.signUpLink(email, (first + " " + last).strip(), token, properties.signUpLinkLifetime().toHours());
        log.info("Sign-up confirmation mailed address={}", address);
    }

    @Override
    public Optional<String> signUpOpen(String token) {
        return tokens.open(Purpose.SIGN_UP, token).map(PortalTokens.Open::login);
    }

    @Override
    @Transactional
    public void confirmSignUp(String token, String newPassword, String repeatedPassword) {
        if (tokens.open(Purpose.SIGN_UP, token).isEmpty()) {
            throw new LinkNotValid();
        }
        InvalidInput.Collector errors = new InvalidInput.Collector();
        passwordRules.check(errors, newPassword, repeatedPassword);
        errors.throwIfAny();
        PortalTokens.Open open = tokens.use(Purpose.SIGN_UP, token).orElseThrow(LinkNotValid::new);
        String email = open.login();
        if (accounts.addressTaken(email)) {
            throw new LinkNotValid();
        }
        String company = settings.signUpCompany();
        // Without a configured company a new customer is their own, as OTRS's CreateAccount makes them.
        accounts.createAccount(email, company.isEmpty() ? email : company, open.firstName(), open.lastName(),
                hashes.hash(newPassword));
        tokens.useAllOf(Purpose.SIGN_UP, email);
        log.info("Customer signed up customer={}", email);
    }

    private void throttle(String loginOrEmail, String address) {
        long wait = limits.minutesToWait(loginOrEmail, address);
        if (wait > 0) {
            throw new TooManyRequests(wait);
        }
    }
}
