package org.jotrs.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.AgentHttp;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, item 5: X-Forwarded-For is believed only from configured proxies. By default (no
 * trusted proxies) a client cannot pick its address: not to read the metrics, not to dodge the
 * sign-in throttle. With the test client configured as the proxy, the forwarded address counts.
 */
class ForwardedHeadersTest {

    @Test
    void forwardedHeadersFromAnUntrustedPeerAreIgnored() throws Exception {
        try (TestDatabase database = TestDatabase.create(DatabaseKind.H2);
                RunningJotrs jotrs = RunningJotrs.start(database, "--jotrs.security.metrics-allowed-from=10.9.9.9/32")) {
            assertThat(get(jotrs, "/actuator/prometheus", "10.9.9.9").statusCode()).isIn(302, 401, 403);
            assertThat(get(jotrs, "/actuator/prometheus", null).statusCode()).isIn(302, 401, 403);

            // 21 failures from one real address with 21 different claimed addresses: throttled.
            AgentHttp client = jotrs.agent();
            String lastTarget = "";
            for (int i = 0; i < 21; i++) {
                String csrf = AgentHttp.csrfToken(client.get("/login").body());
                HttpResponse<String> failed = postLogin(jotrs, client, "nobody" + i, csrf, "192.0.2." + i);
                lastTarget = failed.headers().firstValue("Location").orElse("");
            }
            assertThat(lastTarget).contains("throttled");
        }
    }

    @Test
    void aConfiguredProxyMayForwardTheClientAddress() throws Exception {
        try (TestDatabase database = TestDatabase.create(DatabaseKind.H2);
                RunningJotrs jotrs = RunningJotrs.start(database, "--jotrs.security.metrics-allowed-from=10.9.9.9/32",
                        "--jotrs.security.trusted-proxies=127.0.0.1, ::1")) {
            assertThat(get(jotrs, "/actuator/prometheus", "10.9.9.9").statusCode()).isEqualTo(200);
            assertThat(get(jotrs, "/actuator/prometheus", "10.9.9.8").statusCode()).isIn(302, 401, 403);
        }
    }

    private static HttpResponse<String> get(RunningJotrs jotrs, String path, String forwardedFor) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(jotrs.baseUrl() + path)).GET();
            if (forwardedFor != null) {
                request.header("X-Forwarded-For", forwardedFor);
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static HttpResponse<String> postLogin(RunningJotrs jotrs, AgentHttp agent, String login, String csrf,
            String forwardedFor) throws Exception {
        try (HttpClient client = HttpClient.newBuilder().cookieHandler(agent.cookies()).build()) {
            String body = "username=" + login + "&password=wrong&_csrf=" + java.net.URLEncoder.encode(csrf, "UTF-8");
            return client.send(HttpRequest.newBuilder(URI.create(jotrs.baseUrl() + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", forwardedFor)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
