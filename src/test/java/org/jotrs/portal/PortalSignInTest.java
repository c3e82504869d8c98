package org.jotrs.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumMap;
import java.util.Map;

import org.apache.commons.codec.digest.DigestUtils;
import org.jooq.DSLContext;
import org.jotrs.access.PasswordHashing;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.AgentHttp;
import org.jotrs.testing.AppPerDatabase;
import org.jotrs.testing.Customers;
import org.jotrs.testing.PortalCustomers;
import org.jotrs.testing.OnEveryDatabase;
import org.jotrs.testing.RunningJotrs;
import org.junit.jupiter.api.AfterAll;

/**
 * The portal's own sign-in over HTTP: OTRS hashes and their upgrade, its own cookie beside the
 * agents', throttling, CSRF, session timeout, sign-out, preferences and the password.
 */
class PortalSignInTest {

    private static final AppPerDatabase APPS = new AppPerDatabase("--jotrs.security.max-failed-logins=3");
    private static final Map<DatabaseKind, String> ADMIN_PASSWORDS = new EnumMap<>(DatabaseKind.class);

    /** The application of the database a test runs on; the methods run one after another. */
    private static RunningJotrs jotrs;
    private static DSLContext db;
    private static String adminPassword;

    private static void on(DatabaseKind kind) {
        jotrs = APPS.on(kind);
        db = jotrs.bean(DSLContext.class);
        adminPassword = ADMIN_PASSWORDS.computeIfAbsent(kind, k -> jotrs.firstStartPassword().orElseThrow());
    }

    @AfterAll
    static void stop() {
        APPS.close();
    }

    private static String storedPassword(String login) {
        return db.fetchValue("SELECT pw FROM customer_user WHERE login = ?", login).toString();
    }

    private static int sessions(String login) {
        return db.fetchCount(db.selectFrom("jotrs_portal_session").where("customer_login = ?", login));
    }

    @OnEveryDatabase
    void anOtrsSha256PasswordSignsInAndIsRehashedToBcrypt(DatabaseKind kind) {
        on(kind);
        Customers.aCustomerUser("sha2user").ofCompany("SHA").email("sha2user@example.com").storedPassword(DigestUtils.sha256Hex("secret-one")).in(db);
        AgentHttp customer = PortalCustomers.signedIn(jotrs, "sha2user", "secret-one");
        assertThat(storedPassword("sha2user")).startsWith("BCRYPT:");
        HttpResponse<String> tickets = customer.get("/customer/tickets");
        assertThat(tickets.statusCode()).isEqualTo(200);
        assertThat(tickets.body()).contains("My tickets").contains("Sign out");
        // The cookie is the portal's: HttpOnly, SameSite, only sent below /customer; the token is stored hashed.
        String setCookie = PortalCustomers.signIn(jotrs.agent(), "sha2user", "secret-one").headers().allValues("Set-Cookie")
                .stream().filter(c -> c.startsWith("JOTRS_CUSTOMER=")).findFirst().orElseThrow();
        assertThat(setCookie).contains("Path=/customer").contains("HttpOnly").contains("SameSite=Lax");
        String token = PortalCustomers.sessionCookie(customer);
        assertThat(db.fetchCount(db.selectFrom("jotrs_portal_session").where("token_hash = ?", token))).isZero();
        assertThat(PortalCustomers.signedIn(jotrs, "SHA2USER", "secret-one")).isNotNull();
    }

    @OnEveryDatabase
    void wrongPasswordsUnknownLoginsAndInvalidAccountsAreRefusedAlike(DatabaseKind kind) {
        on(kind);
        Customers.aCustomerUser("wrongpw").ofCompany("WP").email("wrongpw@example.com").storedPassword(jotrs.bean(PasswordHashing.class).hash("right-one")).in(db);
        Customers.aCustomerUser("gone").ofCompany("WP").email("gone@example.com").storedPassword(jotrs.bean(PasswordHashing.class).hash("right-one")).in(db);
        db.execute("UPDATE customer_user SET valid_id = 2 WHERE login = 'gone'");
        for (String[] attempt : new String[][] {{"wrongpw", "wrong-one"}, {"nobody", "right-one"}, {"gone", "right-one"}}) {
            HttpResponse<String> refused = PortalCustomers.signIn(jotrs.agent(), attempt[0], attempt[1]);
            assertThat(refused.statusCode()).as(attempt[0]).isEqualTo(401);
            assertThat(refused.body()).contains("Login failed! Your user name or password was entered incorrectly.");
            assertThat(refused.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JOTRS_CUSTOMER=") && !c.startsWith("JOTRS_CUSTOMER=;"));
        }
        assertThat(sessions("wrongpw") + sessions("gone")).isZero();
    }

    @OnEveryDatabase
    void repeatedFailuresThrottleTheCustomerButNotAnAgent(DatabaseKind kind) {
        on(kind);
        Customers.aCustomerUser("guessed").ofCompany("TH").email("guessed@example.com").storedPassword(DigestUtils.sha256Hex("right-pass")).in(db);
        for (int i = 0; i < 3; i++) {
            assertThat(PortalCustomers.signIn(jotrs.agent(), "guessed", "wrong" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = PortalCustomers.signIn(jotrs.agent(), "guessed", "right-pass");
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.body()).contains("Too many failed sign-ins. Try again in 15 minutes.");
        assertThat(sessions("guessed")).isZero();
        assertThat(storedPassword("guessed")).isEqualTo(DigestUtils.sha256Hex("right-pass"));
        // Customers' failures are counted apart from agents': the agent at the same address signs in.
        AgentHttp agent = jotrs.agent();
        agent.signIn("root@localhost", adminPassword);
        assertThat(agent.get("/").statusCode()).isEqualTo(200);
    }

    @OnEveryDatabase
    void oneBrowserHoldsBothSessionsAndNeitherCookieWorksOnTheOtherSide(DatabaseKind kind) throws Exception {
        on(kind);
        Customers.aCustomerUser("both").ofCompany("BOTH").email("both@example.com").storedPassword(jotrs.bean(PasswordHashing.class).hash("both-pass")).in(db);
        AgentHttp browser = jotrs.agent();
        browser.signIn("root@localhost", adminPassword);
        assertThat(PortalCustomers.signIn(browser, "both", "both-pass").statusCode()).isEqualTo(302);
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        assertThat(browser.get("/customer/tickets").statusCode()).isEqualTo(200);

        String agentCookie = browser.cookies().getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JOTRS_AGENT")).findFirst().orElseThrow().getValue();
        String customerCookie = PortalCustomers.sessionCookie(browser);
        HttpClient plain = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        // The agent's cookie on portal pages: not signed in.
        HttpResponse<String> portalWithAgentCookie = plain.send(HttpRequest.newBuilder(URI.create(jotrs.baseUrl() + "/customer/tickets"))
                .header("Cookie", "JOTRS_AGENT=" + agentCookie).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(portalWithAgentCookie.statusCode()).isEqualTo(302);
        assertThat(portalWithAgentCookie.headers().firstValue("Location").orElseThrow()).endsWith("/customer/login");
        // The customer's cookie, even sent to agent pages on purpose (and under the agent's name): not signed in.
        for (String cookie : new String[] {"JOTRS_CUSTOMER=" + customerCookie, "JOTRS_AGENT=" + customerCookie}) {
            HttpResponse<String> agentWithCustomerCookie = plain.send(HttpRequest.newBuilder(URI.create(jotrs.baseUrl() + "/"))
                    .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(agentWithCustomerCookie.statusCode()).as(cookie).isEqualTo(302);
            assertThat(agentWithCustomerCookie.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        }
        // Nor the agent's session id under the customer's cookie name.
        HttpResponse<String> swapped = plain.send(HttpRequest.newBuilder(URI.create(jotrs.baseUrl() + "/customer/tickets"))
                .header("Cookie", "JOTRS_CUSTOMER=" + agentCookie).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(swapped.statusCode()).isEqualTo(302);
    }

    @OnEveryDatabase
    void postsWithoutCsrfTokenAreRefusedAndChangeNothing(DatabaseKind kind) {
        on(kind);
        Customers.aCustomerUser("nocsrf").ofCompany("NC").email("nocsrf@example.com").storedPassword(jotrs.bean(PasswordHashing.class).hash("csrf-pass")).in(db);
        AgentHttp anonymous = jotrs.agent();
        anonymous.get("/customer/login");
        assertThat(anonymous.postForm("/customer/login", Map.of("login", "nocsrf", "password", "csrf-pass")).statusCode())
                .isEqualTo(403);
        assertThat(sessions("nocsrf")).isZero();

        AgentHttp customer = PortalCustomers.signedIn(jotrs, "nocsrf", "csrf-pass");
        HttpResponse<String> refused = customer.postForm("/customer/preferences", Map.of("language", "de", "timeZone", ""));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("The form has expired or did not come from this site, so nothing was changed.");
        assertThat(customer.postForm("/customer/logout", Map.of()).statusCode()).isEqualTo(403);
        assertThat(db.fetchCount(db.selectFrom("customer_preferences").where("user_id = 'nocsrf'"))).isZero();
        assertThat(customer.get("/customer/tickets").statusCode()).isEqualTo(200);
    }

    @OnEveryDatabase
    void anIdleSessionEndsAndSignOutEndsTheSession(DatabaseKind kind) {
        on(kind);
        Customers.aCustomerUser("idle").ofCompany("ID").email("idle@example.com").storedPassword(jotrs.bean(PasswordHashing.class).hash("idle-pass")).in(db);
        AgentHttp customer = PortalCustomers.signedIn(jotrs, "idle", "idle-pass");
        assertThat(customer.get("/customer/tickets").statusCode()).isEqualTo(200);
        db.execute("UPDATE jotrs_portal_session SET last_access_time = ? WHERE customer_login = 'idle'",
                java.time.LocalDateTime.now().minusHours(3));
        HttpResponse<String> expired = customer.get("/customer/tickets");
        assertThat(expired.statusCode()).isEqualTo(302);
        assertThat(expired.headers().firstValue("Location").orElseThrow()).endsWith("/customer/login?expired");
        assertThat(customer.get("/customer/login?expired").body()).contains("Your session has ended. Please sign in again.");
        assertThat(sessions("idle")).isZero();

        AgentHttp again = PortalCustomers.signedIn(jotrs, "idle", "idle-pass");
        String token = PortalCustomers.sessionCookie(again);
        HttpResponse<String> out = again.submit("/customer/tickets", "/customer/logout", Map.of());
        assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/customer/login?logout");
        assertThat(sessions("idle")).isZero();
        assertThat(token).isNotNull();
        AgentHttp replay = jotrs.agent();
        replay.cookies().getCookieStore().add(URI.create(jotrs.baseUrl()), cookie(token));
        assertThat(replay.get("/customer/tickets").statusCode()).isEqualTo(302);
    }

    private static java.net.HttpCookie cookie(String token) {
        java.net.HttpCookie cookie = new java.net.HttpCookie("JOTRS_CUSTOMER", token);
        cookie.setPath("/customer");
        cookie.setVersion(0);
        return cookie;
    }

    @OnEveryDatabase
    void preferencesSetTheLanguageAndZoneAndRefuseUnknownValues(DatabaseKind kind) {
        on(kind);
        Customers.aCustomerUser("prefs").ofCompany("PR").email("prefs@example.com").storedPassword(jotrs.bean(PasswordHashing.class).hash("prefs-pass")).in(db);
        AgentHttp customer = PortalCustomers.signedIn(jotrs, "prefs", "prefs-pass");
        HttpResponse<String> unknown = customer.submit("/customer/preferences", "/customer/preferences",
                Map.of("language", "xx", "timeZone", "Mars/Base"));
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("Choose one of the offered languages.").contains("Choose one of the offered time zones.");
        assertThat(db.fetchCount(db.selectFrom("customer_preferences").where("user_id = 'prefs'"))).isZero();

        HttpResponse<String> saved = customer.submit("/customer/preferences", "/customer/preferences",
                Map.of("language", "de", "timeZone", "Europe/Berlin"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(db.fetchValue("SELECT preferences_value FROM customer_preferences WHERE user_id = 'prefs'"
                + " AND preferences_key = 'UserLanguage'")).isEqualTo("de");
        String page = customer.get("/customer/preferences?saved=settings").body();
        assertThat(page).contains("lang=\"de\"").contains("Meine Tickets").contains("<option value=\"Europe/Berlin\" selected>");
    }

    @OnEveryDatabase
    void thePasswordChangesOnlyWithTheCurrentOneAndEndsOtherSessions(DatabaseKind kind) {
        on(kind);
        Customers.aCustomerUser("changer").ofCompany("CH").email("changer@example.com").storedPassword(DigestUtils.sha256Hex("old-password")).in(db);
        AgentHttp phone = PortalCustomers.signedIn(jotrs, "changer", "old-password");
        AgentHttp laptop = PortalCustomers.signedIn(jotrs, "changer", "old-password");
        String before = storedPassword("changer");
        HttpResponse<String> wrong = phone.submit("/customer/preferences", "/customer/preferences/password",
                Map.of("currentPassword", "not-it", "newPassword", "short", "repeatedPassword", "other"));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("That is not your current password.").contains("The new password needs at least 8 characters.");
        assertThat(storedPassword("changer")).isEqualTo(before);
        HttpResponse<String> differ = phone.submit("/customer/preferences", "/customer/preferences/password",
                Map.of("currentPassword", "old-password", "newPassword", "new-password-1", "repeatedPassword", "new-password-2"));
        assertThat(differ.body()).contains("The two new passwords differ.");
        assertThat(storedPassword("changer")).isEqualTo(before);

        HttpResponse<String> changed = phone.submit("/customer/preferences", "/customer/preferences/password",
                Map.of("currentPassword", "old-password", "newPassword", "new-password-1", "repeatedPassword", "new-password-1"));
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(storedPassword("changer")).startsWith("BCRYPT:");
        assertThat(phone.get("/customer/tickets").statusCode()).isEqualTo(200);
        assertThat(laptop.get("/customer/tickets").statusCode()).isEqualTo(302);
        assertThat(PortalCustomers.signIn(jotrs.agent(), "changer", "old-password").statusCode()).isEqualTo(401);
        PortalCustomers.signedIn(jotrs, "changer", "new-password-1");
    }
}
