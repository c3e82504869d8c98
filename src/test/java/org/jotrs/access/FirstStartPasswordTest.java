package org.jotrs.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jotrs.platform.db.schema.Tables.USERS;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.jooq.DSLContext;
import org.jotrs.access.internal.OtrsPasswordHashes;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.AgentHttp;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * The first start sets the administrator's password before the web server accepts connections:
 * at the moment the port opens, {@code root@localhost} already has the hash of the password the
 * console shows afterwards, so a sign-in in the first second after start-up cannot find an
 * account without a password.
 */
class FirstStartPasswordTest {

    @Test
    void thePasswordIsSetBeforeThePortOpensAndASignInRightAfterStartWorks() {
        AtomicReference<String> hashWhenOpen = new AtomicReference<>();
        AtomicBoolean portAccepted = new AtomicBoolean();
        ApplicationListener<WebServerInitializedEvent> whenOpen = event -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", event.getWebServer().getPort()), 5_000);
                portAccepted.set(true);
            } catch (IOException e) {
                throw new AssertionError("the port does not accept connections once the server is up", e);
            }
            hashWhenOpen.set(event.getApplicationContext().getBean(DSLContext.class)
                    .select(USERS.PW).from(USERS).where(USERS.LOGIN.eq("root@localhost")).fetchSingle(USERS.PW));
        };
        try (TestDatabase database = TestDatabase.create(DatabaseKind.H2);
                RunningJotrs jotrs = RunningJotrs.start(database, List.of(whenOpen))) {
            String password = jotrs.firstStartPassword().orElseThrow();

            assertThat(portAccepted).isTrue();
            assertThat(hashWhenOpen.get()).as("root's password when the port opened").isNotEmpty();
            assertThat(new OtrsPasswordHashes().verify(password, hashWhenOpen.get())).isTrue();

            // no waiting: the first request after start-up signs in
            AgentHttp agent = jotrs.agent();
            HttpResponse<String> signedIn = agent.signIn("root@localhost", password);
            assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(java.net.URI.create(location).getPath()).isEqualTo("/"));
            assertThat(agent.get("/").statusCode()).isEqualTo(200);
        }
    }
}
