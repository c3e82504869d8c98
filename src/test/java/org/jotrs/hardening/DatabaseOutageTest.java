package org.jotrs.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.AgentHttp;
import org.jotrs.testing.CapturedLog;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TcpProxy;
import org.jotrs.testing.OnEveryDatabase;
import org.jotrs.testing.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, item 16, on PostgreSQL behind a TCP proxy that is cut: readiness goes DOWN within a
 * few seconds, pages answer 503 "database unreachable" within a few seconds instead of hanging
 * for 30 s on Tomcat's 500, and everything recovers by itself when the database is back.
 */
// Runs alone: its CapturedLog listens on the root logger, which an application starting in a parallel test class resets.
@org.junit.jupiter.api.parallel.Isolated
@Tag(OnEveryDatabase.OTHER_DATABASES_TAG)
class DatabaseOutageTest {

    @Test
    void anUnreachableDatabaseIsA503PageAndNotReadyThenRecovers() throws Exception {
        try (TestDatabase database = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
            URI direct = URI.create(database.url().substring("jdbc:".length()));
            try (TcpProxy proxy = new TcpProxy(direct.getHost(), direct.getPort());
                    RunningJotrs jotrs = RunningJotrs.start(database,
                            "--jotrs.db.url=jdbc:postgresql://127.0.0.1:" + proxy.port() + direct.getPath())) {
                AgentHttp root = jotrs.agent();
                root.signIn("root@localhost", jotrs.firstStartPassword().orElseThrow());
                assertThat(root.get("/tickets").statusCode()).isEqualTo(200);
                assertThat(status(jotrs, "/actuator/health/readiness")).isEqualTo(200);

                try (CapturedLog log = CapturedLog.start()) {
                    proxy.cut();
                    long start = System.nanoTime();
                    awaitStatus(jotrs, "/actuator/health/readiness", 503, Duration.ofSeconds(10));
                    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
                    assertThat(status(jotrs, "/actuator/health/liveness")).isEqualTo(200);

                    for (String path : new String[] {"/tickets", "/", "/tickets/1"}) {
                        long asked = System.nanoTime();
                        HttpResponse<String> page = root.get(path);
                        assertThat(Duration.ofNanos(System.nanoTime() - asked)).as(path).isLessThan(Duration.ofSeconds(8));
                        assertThat(page.statusCode()).as(path).isEqualTo(503);
                        assertThat(page.body()).as(path).contains("database is unreachable").doesNotContain("Apache Tomcat");
                    }
                    HttpResponse<String> signIn = jotrs.agent().signIn("root@localhost", "whatever");
                    assertThat(signIn.statusCode()).isIn(302, 503);
                    // An outage may be logged (jobs, failed statements), but no request ends in the
                    // container's "Servlet.service() threw exception" or in our own 500 handler.
                    assertThat(log.errorsAndStackTraces()).filteredOn(line -> line.startsWith("ERROR")
                            && (line.contains("org.apache.catalina") || line.contains("ErrorPages"))).isEmpty();
                }

                proxy.restore();
                awaitStatus(jotrs, "/actuator/health/readiness", 200, Duration.ofSeconds(30));
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (root.get("/tickets").statusCode() != 200) {
                    assertThat(System.nanoTime()).as("pages work again within 30 s").isLessThan(deadline);
                    Thread.sleep(200);
                }
            }
        }
    }

    private static void awaitStatus(RunningJotrs jotrs, String path, int wanted, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (status(jotrs, path) != wanted) {
            assertThat(System.nanoTime()).as(path + " answers " + wanted + " within " + within).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static int status(RunningJotrs jotrs, String path) {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            return client.send(HttpRequest.newBuilder(URI.create(jotrs.baseUrl() + path)).timeout(Duration.ofSeconds(20)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
