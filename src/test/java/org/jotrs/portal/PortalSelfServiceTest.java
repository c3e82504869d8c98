package org.jotrs.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;

import org.apache.commons.codec.digest.DigestUtils;
import org.jooq.DSLContext;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.platform.Settings;
import org.jotrs.testing.AgentHttp;
import org.jotrs.testing.AppPerDatabase;
import org.jotrs.testing.MailServer;
import org.jotrs.testing.OnEveryDatabase;
import org.jotrs.testing.Customers;
import org.jotrs.testing.PortalCustomers;
import org.jotrs.testing.RunningJotrs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Forgotten passwords and self-registration end to end: the forms over HTTP, the mails through the
 * outbox to a real SMTP server (GreenMail), the links in them used once; nothing tells whether an
 * account exists. On all three databases; every database's customers have their own addresses.
 */
class PortalSelfServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Pattern RESET_LINK = Pattern.compile("https?://\\S+(/customer/password/reset\\?token=([A-Za-z0-9_-]{43}))");
    private static final Pattern SIGN_UP_LINK = Pattern.compile("https?://\\S+(/customer/sign-up/confirm\\?token=([A-Za-z0-9_-]{43}))");

    private static MailServer smtp;
    private static AppPerDatabase apps;

    @BeforeAll
    static void start() {
        smtp = MailServer.start("smtp");
        apps = new AppPerDatabase("--jotrs.mail.smtp.host=127.0.0.1", "--jotrs.mail.smtp.port=" + smtp.smtpPort(),
                "--jotrs.mail.outbox.poll-interval=100ms", "--jotrs.portal.mails-per-hour=3",
                "--jotrs.portal.mails-per-hour-per-client=1000", "--jotrs.portal.public-url=https://help.example.com/");
    }

    @AfterAll
    static void stop() {
        try {
            apps.close();
        } finally {
            smtp.close();
        }
    }

    @OnEveryDatabase
    void aForgottenPasswordIsSetThroughTheMailedLinkExactlyOnce(DatabaseKind kind) throws Exception {
        RunningJotrs jotrs = apps.on(kind);
        DSLContext db = jotrs.bean(DSLContext.class);
        String login = "forgetful-" + tag(kind);
        String address = login + "@example.com";
        Customers.aCustomerUser(login).ofCompany("FG").email(address).storedPassword(DigestUtils.sha256Hex("old-password")).in(db);
        AgentHttp phone = PortalCustomers.signedIn(jotrs, login, "old-password");

        AgentHttp anonymous = jotrs.agent();
        assertThat(anonymous.get("/customer/login").body()).contains("href=\"/customer/password/forgot\"");
        HttpResponse<String> known = anonymous.submit("/customer/password/forgot", "/customer/password/forgot",
                Map.of("loginOrEmail", login));
        HttpResponse<String> unknown = anonymous.submit("/customer/password/forgot", "/customer/password/forgot",
                Map.of("loginOrEmail", "nobody-" + tag(kind)));
        HttpResponse<String> byAddress = anonymous.submit("/customer/password/forgot", "/customer/password/forgot",
                Map.of("loginOrEmail", address.toUpperCase(Locale.ROOT)));
        // The same answer whether the account exists or not.
        for (HttpResponse<String> answer : List.of(known, unknown, byAddress)) {
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("If an account with this login or mail address exists");
        }
        assertThat(withoutCsrf(unknown.body())).isEqualTo(withoutCsrf(known.body()));

        List<MimeMessage> mails = awaitMails(address, 2);
        MimeMessage mail = mails.getFirst();
        assertThat(mail.getSubject()).isEqualTo("A new password for the customer portal");
        assertThat(mail.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        assertThat(mail.getFrom()[0].toString()).contains("jotrs@");
        String body = mail.getContent().toString();
        assertThat(body).contains("Hello Forgetful-" + tag(kind) + " Customer").contains("your account " + login)
                .contains("within 60 minutes").contains("https://help.example.com/customer/password/reset?token=");
        Matcher link = RESET_LINK.matcher(body);
        assertThat(link.find()).isTrue();
        String path = link.group(1);
        String token = link.group(2);
        // Only the token's hash is stored.
        assertThat(db.fetchCount(db.selectFrom("jotrs_portal_token").where("token_hash = ?", DigestUtils.sha256Hex(token))))
                .isEqualTo(1);
        assertThat(db.fetchCount(db.selectFrom("jotrs_portal_token").where("token_hash = ?", token))).isZero();

        String before = storedPassword(db, login);
        HttpResponse<String> form = anonymous.get(path);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Set a new password").contains("<label for=\"newPassword\">");
        HttpResponse<String> tooShort = anonymous.submit(path, "/customer/password/reset",
                Map.of("token", token, "newPassword", "short", "repeatedPassword", "short"));
        assertThat(tooShort.statusCode()).isEqualTo(422);
        assertThat(tooShort.body()).contains("The new password needs at least 8 characters.");
        assertThat(storedPassword(db, login)).isEqualTo(before);
        assertThat(anonymous.postForm("/customer/password/reset",
                Map.of("token", token, "newPassword", "csrf-less-1", "repeatedPassword", "csrf-less-1")).statusCode())
                .isEqualTo(403);
        assertThat(storedPassword(db, login)).isEqualTo(before);

        HttpResponse<String> set = anonymous.submit(path, "/customer/password/reset",
                Map.of("token", token, "newPassword", "brand-new-pass", "repeatedPassword", "brand-new-pass"));
        assertThat(set.statusCode()).isEqualTo(302);
        assertThat(set.headers().firstValue("Location").orElseThrow()).endsWith("/customer/login?reset");
        assertThat(storedPassword(db, login)).startsWith("BCRYPT:");
        // Every session of the customer ended; the old password is gone, the new one signs in.
        assertThat(phone.get("/customer/tickets").statusCode()).isEqualTo(302);
        assertThat(PortalCustomers.signIn(jotrs.agent(), login, "old-password").statusCode()).isEqualTo(401);
        PortalCustomers.signedIn(jotrs, login, "brand-new-pass");

        // The link works once; the second mailed link died with the reset too.
        String after = storedPassword(db, login);
        HttpResponse<String> reused = anonymous.submit("/customer/password/forgot", "/customer/password/reset",
                Map.of("token", token, "newPassword", "another-pass-1", "repeatedPassword", "another-pass-1"));
        assertThat(reused.statusCode()).isEqualTo(410);
        assertThat(reused.body()).contains("This link has expired or was used already, so nothing was changed.");
        assertThat(anonymous.get(path).statusCode()).isEqualTo(410);
        Matcher second = RESET_LINK.matcher(mails.get(1).getContent().toString());
        assertThat(second.find()).isTrue();
        assertThat(anonymous.get(second.group(1)).statusCode()).isEqualTo(410);
        assertThat(storedPassword(db, login)).isEqualTo(after);

        // An expired link changes nothing either.
        anonymous.submit("/customer/password/forgot", "/customer/password/forgot", Map.of("loginOrEmail", login));
        Matcher third = RESET_LINK.matcher(awaitMails(address, 3).get(2).getContent().toString());
        assertThat(third.find()).isTrue();
        db.execute("UPDATE jotrs_portal_token SET expire_time = ? WHERE token_hash = ?", LocalDateTime.now().minusMinutes(1),
                DigestUtils.sha256Hex(third.group(2)));
        assertThat(anonymous.get(third.group(1)).statusCode()).isEqualTo(410);
        assertThat(anonymous.submit("/customer/password/forgot", "/customer/password/reset", Map.of("token", third.group(2),
                "newPassword", "expired-pass-1", "repeatedPassword", "expired-pass-1")).statusCode()).isEqualTo(410);
        assertThat(storedPassword(db, login)).isEqualTo(after);
        // Nothing was ever mailed for the unknown login.
        assertThat(smtp.received()).noneMatch(m -> recipients(m).contains("nobody-" + tag(kind)));
    }

    @OnEveryDatabase
    void requestsAreLimitedPerLoginAlikeForKnownAndUnknownAccounts(DatabaseKind kind) {
        RunningJotrs jotrs = apps.on(kind);
        DSLContext db = jotrs.bean(DSLContext.class);
        String login = "limited-" + tag(kind);
        Customers.aCustomerUser(login).ofCompany("LM").email(login + "@example.com").storedPassword(DigestUtils.sha256Hex("limited-pass")).in(db);
        AgentHttp anonymous = jotrs.agent();
        for (String name : List.of(login, "ghost-" + tag(kind))) {
            for (int i = 0; i < 3; i++) {
                assertThat(anonymous.submit("/customer/password/forgot", "/customer/password/forgot",
                        Map.of("loginOrEmail", name)).statusCode()).as("%s request %d", name, i).isEqualTo(200);
            }
            HttpResponse<String> limited = anonymous.submit("/customer/password/forgot", "/customer/password/forgot",
                    Map.of("loginOrEmail", name));
            assertThat(limited.statusCode()).as(name).isEqualTo(429);
            assertThat(limited.body()).contains("Too many requests. Please try again in");
            assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        }
        awaitMails(login + "@example.com", 3);
        assertThat(db.fetchCount(db.selectFrom("jotrs_portal_token").where("customer_login = ?", login))).isEqualTo(3);
        HttpResponse<String> blank = anonymous.submit("/customer/password/forgot", "/customer/password/forgot",
                Map.of("loginOrEmail", " "));
        assertThat(blank.statusCode()).isEqualTo(422);
        assertThat(blank.body()).contains("Please enter your login or mail address.");
    }

    @OnEveryDatabase
    void signingUpIsOffByDefaultAndMakesTheAccountOnlyOnceTheAddressIsConfirmed(DatabaseKind kind) throws Exception {
        RunningJotrs jotrs = apps.on(kind);
        DSLContext db = jotrs.bean(DSLContext.class);
        AgentHttp anonymous = jotrs.agent();
        String address = "nora-" + tag(kind) + "@example.com";
        assertThat(anonymous.get("/customer/login").body()).doesNotContain("/customer/sign-up");
        assertThat(anonymous.get("/customer/sign-up").statusCode()).isEqualTo(404);
        assertThat(anonymous.submit("/customer/login", "/customer/sign-up",
                Map.of("firstName", "Nora", "lastName", "Neu", "email", address)).statusCode()).isEqualTo(404);
        assertThat(tokensFor(db, address)).isZero();

        Settings settings = jotrs.bean(Settings.class);
        settings.change(1, "portal.sign-up.enabled", "true", settings.state(1, "portal.sign-up.enabled").version());
        try {
            assertThat(anonymous.get("/customer/login").body()).contains("href=\"/customer/sign-up\"");
            HttpResponse<String> bad = anonymous.submit("/customer/sign-up", "/customer/sign-up",
                    Map.of("firstName", " ", "lastName", "", "email", "not an address"));
            assertThat(bad.statusCode()).isEqualTo(422);
            assertThat(bad.body()).contains("Please give your first name.").contains("Please give your last name.")
                    .contains("Please give one mail address, such as name@example.com.");
            assertThat(anonymous.postForm("/customer/sign-up", Map.of("firstName", "Nora", "lastName", "Neu", "email", address))
                    .statusCode()).isEqualTo(403);
            assertThat(tokensFor(db, address)).isZero();

            HttpResponse<String> sent = anonymous.submit("/customer/sign-up", "/customer/sign-up",
                    Map.of("firstName", "Nora", "lastName", "Neu", "email", address));
            assertThat(sent.statusCode()).isEqualTo(200);
            assertThat(sent.body()).contains("We sent a mail to " + address);
            assertThat(customers(db, address)).isZero();
            MimeMessage mail = awaitMails(address, 1).getFirst();
            assertThat(mail.getSubject()).isEqualTo("Confirm your address for the customer portal");
            Matcher link = SIGN_UP_LINK.matcher(mail.getContent().toString());
            assertThat(link.find()).isTrue();
            String path = link.group(1);
            String token = link.group(2);
            HttpResponse<String> form = anonymous.get(path);
            assertThat(form.statusCode()).isEqualTo(200);
            assertThat(form.body()).contains("Your account for " + address + " is made when you save a password.");
            assertThat(anonymous.submit(path, "/customer/sign-up/confirm",
                    Map.of("token", token, "newPassword", "nora-pass-1", "repeatedPassword", "nora-pass-2")).statusCode())
                    .isEqualTo(422);
            assertThat(customers(db, address)).isZero();

            HttpResponse<String> confirmed = anonymous.submit(path, "/customer/sign-up/confirm",
                    Map.of("token", token, "newPassword", "nora-pass-1", "repeatedPassword", "nora-pass-1"));
            assertThat(confirmed.statusCode()).isEqualTo(302);
            assertThat(confirmed.headers().firstValue("Location").orElseThrow()).endsWith("/customer/login?signed-up");
            var row = db.fetchOne("SELECT login, email, customer_id, first_name, last_name, pw, valid_id FROM customer_user"
                    + " WHERE login = ?", address);
            assertThat(row).isNotNull();
            assertThat(row.get(1)).isEqualTo(address);
            assertThat(row.get(2)).isEqualTo(address);
            assertThat(row.get(3)).isEqualTo("Nora");
            assertThat(row.get(4)).isEqualTo("Neu");
            assertThat(row.get(5).toString()).startsWith("BCRYPT:");
            assertThat(((Number) row.get(6)).intValue()).isEqualTo(1);
            assertThat(PortalCustomers.signedIn(jotrs, address, "nora-pass-1").get("/customer/tickets").statusCode())
                    .isEqualTo(200);
            assertThat(anonymous.get(path).statusCode()).isEqualTo(410);
            assertThat(anonymous.submit("/customer/login", "/customer/sign-up/confirm",
                    Map.of("token", token, "newPassword", "nora-pass-3", "repeatedPassword", "nora-pass-3")).statusCode())
                    .isEqualTo(410);

            // Signing up again with the address in use: the same answer, no second account, and the owner is told.
            HttpResponse<String> again = anonymous.submit("/customer/sign-up", "/customer/sign-up",
                    Map.of("firstName", "Mallory", "lastName", "Other", "email", address.toUpperCase(Locale.ROOT)));
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(again.body()).contains("We sent a mail to " + address.toUpperCase(Locale.ROOT));
            MimeMessage told = awaitMails(address, 2).get(1);
            assertThat(told.getSubject()).isEqualTo("Your account in the customer portal");
            assertThat(told.getContent().toString()).contains("already belongs to an account")
                    .contains("https://help.example.com/customer/password/forgot").doesNotContain("token=");
            assertThat(customers(db, address)).isEqualTo(1);
            assertThat(tokensFor(db, address)).isEqualTo(1);
        } finally {
            settings.change(1, "portal.sign-up.enabled", "false", settings.state(1, "portal.sign-up.enabled").version());
        }
    }

    private static String tag(DatabaseKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static String storedPassword(DSLContext db, String login) {
        return db.fetchValue("SELECT pw FROM customer_user WHERE login = ?", login).toString();
    }

    private static int tokensFor(DSLContext db, String login) {
        return db.fetchCount(db.selectFrom("jotrs_portal_token").where("customer_login = ?", login));
    }

    private static int customers(DSLContext db, String address) {
        return db.fetchCount(db.selectFrom("customer_user").where("LOWER(email) = ?", address.toLowerCase(Locale.ROOT)));
    }

    /** The page without its per-response CSRF tokens, for comparing two answers. */
    private static String withoutCsrf(String html) {
        return html.replaceAll("(name=\"_csrf\" value=\"|name=\"csrf-token\" content=\")[^\"]*", "$1");
    }

    private static List<MimeMessage> awaitMails(String to, int count) {
        MailServer.await(() -> mailsTo(to).size() >= count, WAIT,
                () -> count + " mails to " + to + ", got " + mailsTo(to).size());
        return mailsTo(to);
    }

    private static List<MimeMessage> mailsTo(String to) {
        return smtp.received().stream().filter(m -> recipients(m).contains(to.toLowerCase(Locale.ROOT))).toList();
    }

    private static String recipients(MimeMessage message) {
        try {
            var to = message.getRecipients(RecipientType.TO);
            return to == null ? "" : java.util.Arrays.toString(to).toLowerCase(Locale.ROOT);
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }
}
