package org.jotrs.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jotrs.platform.db.schema.Tables.USERS;

import java.net.http.HttpResponse;

import org.jooq.DSLContext;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.OnEveryDatabase;
import org.jotrs.platform.DatabaseSchema;
import org.jotrs.testing.AgentHttp;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;

/** First start, sign-in, sign-out and restart (sessions survive it), end to end over HTTP, on every database. */
class AgentSignInTest {

    @OnEveryDatabase
    void firstStartIssuesAnAdminPasswordOnceAndTheAdminCanSignIn(DatabaseKind kind) {
        try (TestDatabase database = TestDatabase.empty(kind)) {
            String password;
            AgentHttp keptOpen;
            try (RunningJotrs jotrs = RunningJotrs.start(database)) {
                assertThat(jotrs.bean(DatabaseSchema.class).origin()).isEqualTo(DatabaseSchema.Origin.INSTALLED);
                password = jotrs.firstStartPassword().orElseThrow(() -> new AssertionError(
                        "no admin password printed on first start:\n" + jotrs.consoleOutput()));
                assertThat(password).hasSize(20);
                assertThat(jotrs.bean(DSLContext.class).select(USERS.PW).from(USERS)
                        .where(USERS.LOGIN.eq("root@localhost")).fetchOne(USERS.PW))
                        .startsWith("BCRYPT:12:")
                        .doesNotContain(password);

                AgentHttp agent = jotrs.agent();
                assertThat(agent.get("/").statusCode()).isEqualTo(302);
                assertThat(agent.get("/").headers().firstValue("Location")).hasValueSatisfying(
                        location -> assertThat(location).endsWith("/login"));

                HttpResponse<String> wrong = agent.signIn("root@localhost", password + "x");
                assertThat(wrong.headers().firstValue("Location")).hasValueSatisfying(
                        location -> assertThat(location).endsWith("/login?error"));
                assertThat(agent.get("/login?error").body()).contains("Login failed!");
                assertThat(agent.get("/").statusCode()).isEqualTo(302);

                HttpResponse<String> signedIn = agent.signIn("root@localhost", password);
                assertThat(signedIn.statusCode()).isEqualTo(302);
                assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(
                        location -> assertThat(java.net.URI.create(location).getPath()).isEqualTo("/"));
                HttpResponse<String> home = agent.get("/");
                assertThat(home.statusCode()).isEqualTo(200);
                assertThat(home.body()).contains("Welcome, Admin OTRS").contains("<td>admin</td>").contains(">rw<");

                HttpResponse<String> signedOut = agent.submit("/", "/logout", java.util.Map.of());
                assertThat(signedOut.headers().firstValue("Location")).hasValueSatisfying(
                        location -> assertThat(location).endsWith("/login?logout"));
                assertThat(agent.get("/").statusCode()).isEqualTo(302);

                keptOpen = jotrs.agent();
                keptOpen.signIn("root@localhost", password);
                assertThat(keptOpen.get("/").statusCode()).isEqualTo(200);
            }
            try (RunningJotrs again = RunningJotrs.start(database)) {
                assertThat(again.bean(DatabaseSchema.class).origin()).isEqualTo(DatabaseSchema.Origin.EXISTING);
                assertThat(again.firstStartPassword()).as("password shown on first start only").isEmpty();
                assertThat(again.agent(keptOpen).get("/").statusCode())
                        .as("sessions live in the database and survive a restart").isEqualTo(200);
                AgentHttp agent = again.agent();
                agent.signIn("root@localhost", password);
                assertThat(agent.get("/").statusCode()).isEqualTo(200);
            }
        }
    }
}
