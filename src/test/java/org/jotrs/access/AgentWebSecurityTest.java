package org.jotrs.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.util.Map;

import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.AgentHttp;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CSRF, throttling, cookies, headers and the operator endpoints, on the embedded database. */
class AgentWebSecurityTest {

    private static TestDatabase database;
    private static RunningJotrs jotrs;
    private static String adminPassword;

    @BeforeAll
    static void start() {
        database = TestDatabase.create(DatabaseKind.H2);
        jotrs = RunningJotrs.start(database, "--jotrs.security.max-failed-logins=3");
        adminPassword = jotrs.firstStartPassword().orElseThrow();
    }

    @AfterAll
    static void stop() {
        jotrs.close();
        database.close();
    }

    @Test
    void signInWithoutCsrfTokenIsRefused() {
        AgentHttp agent = jotrs.agent();
        agent.get("/login");
        HttpResponse<String> response = agent.postForm("/login",
                Map.of("username", "root@localhost", "password", adminPassword));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(agent.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void signOutWithoutCsrfTokenDoesNotSignOut() {
        AgentHttp agent = jotrs.agent();
        agent.signIn("root@localhost", adminPassword);
        assertThat(agent.postForm("/logout", Map.of()).statusCode()).isEqualTo(403);
        assertThat(agent.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void repeatedFailuresLockTheLoginEvenForTheRightPassword() {
        jotrs.bean(org.jooq.DSLContext.class).execute(
                "INSERT INTO users (login, pw, first_name, last_name, valid_id, create_time, create_by, change_time, change_by) "
                        + "VALUES ('throttled', '" + org.apache.commons.codec.digest.DigestUtils.sha256Hex("right")
                        + "', 'T', 'H', 1, CURRENT_TIMESTAMP, 1, CURRENT_TIMESTAMP, 1)");
        AgentHttp agent = jotrs.agent();
        for (int i = 0; i < 3; i++) {
            assertThat(agent.signIn("throttled", "wrong" + i).headers().firstValue("Location").orElseThrow())
                    .endsWith("/login?error");
        }
        HttpResponse<String> locked = agent.signIn("throttled", "right");
        assertThat(locked.headers().firstValue("Location").orElseThrow()).contains("/login?throttled=15");
        assertThat(agent.get("/login?throttled=15").body()).contains("Too many failed sign-ins. Try again in 15 minutes.");
        assertThat(agent.get("/").statusCode()).isEqualTo(302);

        // Another login from the same address is not locked by these three failures.
        AgentHttp admin = jotrs.agent();
        admin.signIn("root@localhost", adminPassword);
        assertThat(admin.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void invalidAgentsCannotSignIn() {
        jotrs.bean(org.jooq.DSLContext.class).execute(
                "INSERT INTO users (login, pw, first_name, last_name, valid_id, create_time, create_by, change_time, change_by) "
                        + "VALUES ('gone', 'plainsecret', 'G', 'One', 2, CURRENT_TIMESTAMP, 1, CURRENT_TIMESTAMP, 1)");
        AgentHttp agent = jotrs.agent();
        assertThat(agent.signIn("gone", "plainsecret").headers().firstValue("Location").orElseThrow())
                .endsWith("/login?error");
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSite() {
        AgentHttp agent = jotrs.agent();
        HttpResponse<String> response = agent.signIn("root@localhost", adminPassword);
        String setCookie = response.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("JOTRS_AGENT=")).findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
        assertThat(agent.cookies().getCookieStore().getCookies()).extracting(HttpCookie::getName).contains("JOTRS_AGENT");
    }

    @Test
    void pagesCarryProtectiveHeaders() {
        HttpResponse<String> login = jotrs.agent().get("/login");
        assertThat(login.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'"));
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    }

    @Test
    void healthProbesAreOpenAndMetricsAreServedToLocalhost() {
        AgentHttp anonymous = jotrs.agent();
        HttpResponse<String> liveness = anonymous.get("/actuator/health/liveness");
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).contains("\"UP\"");
        assertThat(anonymous.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        HttpResponse<String> metrics = anonymous.get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
    }

    @Test
    void staticAssetsAndHtmxAreServed() {
        AgentHttp anonymous = jotrs.agent();
        assertThat(anonymous.get("/css/jotrs.css").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/webjars/htmx.org/dist/htmx.min.js").statusCode()).isEqualTo(200);
    }
}
