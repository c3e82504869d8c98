package org.jotrs.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jooq.DSLContext;
import org.jotrs.access.PermissionDenied;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.platform.InvalidInput;
import org.jotrs.testing.AgentHttp;
import org.jotrs.testing.Agents;
import org.jotrs.testing.OnEveryDatabase;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;
import org.jotrs.ticket.CreatedTicket;
import org.jotrs.ticket.NewPhoneTicket;
import org.jotrs.ticket.TicketAction;
import org.jotrs.ticket.TicketService;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks against real HTTP receivers (the JDK's HttpServer): a good one, one that answers 500
 * and one that hangs. Signed payloads with an event id, retries with backoff, switching a failing
 * webhook off (audited, shown on the admin index), redelivery, and a hanging receiver holding up
 * nobody else.
 */
class WebhookDeliveryTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int ROOT = 1;

    record Received(Map<String, String> headers, String body) {
    }

    @OnEveryDatabase
    void deliversSignedEventsRetriesSwitchesOffAndRedelivers(DatabaseKind kind) throws Exception {
        List<Received> good = new CopyOnWriteArrayList<>();
        List<Received> failing = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/good", exchange -> answer(exchange, good, 204));
        server.createContext("/broken", exchange -> answer(exchange, failing, 500));
        server.createContext("/hangs", exchange -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, new CopyOnWriteArrayList<>(), 200);
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        try (TestDatabase database = TestDatabase.create(kind);
                RunningJotrs jotrs = RunningJotrs.start(database, "--jotrs.webhook.allow-private-networks=true",
                        "--jotrs.webhook.poll-interval=200ms", "--jotrs.webhook.timeout=2s",
                        "--jotrs.webhook.first-retry=1s", "--jotrs.webhook.max-retry=2s", "--jotrs.webhook.disable-after=3",
                        "--jotrs.scheduler.polling-interval=200ms")) {
            DSLContext db = jotrs.bean(DSLContext.class);
            Webhooks webhooks = jotrs.bean(Webhooks.class);
            TicketService tickets = jotrs.bean(TicketService.class);
            Agents.customerCarla(db);

            Webhooks.Created goodHook = webhooks.create(ROOT, new WebhookSettings("ERP", base + "/good", "",
                    List.of("TicketCreate", "TicketStateUpdate", "ArticleCreate"), true));
            assertThat(goodHook.generatedSecret()).startsWith("whsec_");
            String secret = goodHook.generatedSecret();
            webhooks.create(ROOT, new WebhookSettings("Hanging", base + "/hangs", "a-secret-of-16-chars", List.of("TicketCreate"), true));
            Webhooks.Created brokenHook = webhooks.create(ROOT, new WebhookSettings("Broken", base + "/broken",
                    "another-secret-16", List.of("TicketCreate"), true));

            long started = System.nanoTime();
            CreatedTicket ticket = tickets.createPhoneTicket(ROOT,
                    new NewPhoneTicket(2, "carla", "Printer on fire", "It smokes.", null, null, null));
            // Both events, in whatever order they arrive: each delivery goes out on its own.
            waitFor(() -> good.stream().anyMatch(r -> r.headers().get("X-jotrs-event").equals("ArticleCreate"))
                    && good.stream().anyMatch(r -> r.headers().get("X-jotrs-event").equals("TicketCreate")), "good receiver");
            // The hanging receiver (2 s timeout) held up nobody: the good one had both events well before.
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));

            Received created = good.stream().filter(r -> r.headers().get("X-jotrs-event").equals("TicketCreate")).findFirst().orElseThrow();
            JsonNode payload = JSON.readTree(created.body());
            assertThat(payload.get("event").asString()).isEqualTo("TicketCreate");
            assertThat(payload.get("id").asString()).isEqualTo(created.headers().get("X-jotrs-event-id")).startsWith("jotrs-feed-");
            assertThat(payload.get("ticket").get("id").asLong()).isEqualTo(ticket.ticketId());
            assertThat(payload.get("ticket").get("number").asString()).isEqualTo(ticket.ticketNumber());
            assertThat(payload.get("ticket").get("queue").asString()).isEqualTo("Raw");
            String timestamp = created.headers().get("X-jotrs-timestamp");
            assertThat(created.headers().get("X-jotrs-signature")).isEqualTo("v1=" + hmac(secret, timestamp + "." + created.body()));
            assertThat(Math.abs(Long.parseLong(timestamp) - System.currentTimeMillis() / 1000)).isLessThan(60);

            tickets.apply(ROOT, ticket.ticketId(), new TicketAction.ChangeState("closed successful", null));
            waitFor(() -> good.stream().anyMatch(r -> r.headers().get("X-jotrs-event").equals("TicketStateUpdate")), "state event");
            JsonNode state = JSON.readTree(good.stream().filter(r -> r.headers().get("X-jotrs-event").equals("TicketStateUpdate"))
                    .findFirst().orElseThrow().body());
            assertThat(state.get("ticket").get("state").asString()).isEqualTo("closed successful");

            // The broken receiver: retried with backoff, then switched off after 3 failures in a row.
            tickets.createPhoneTicket(ROOT, new NewPhoneTicket(2, "carla", "Second", "Body", null, null, null));
            tickets.createPhoneTicket(ROOT, new NewPhoneTicket(2, "carla", "Third", "Body", null, null, null));
            waitFor(() -> !webhooks.get(ROOT, brokenHook.id()).enabled(), "broken webhook switched off");
            Webhook broken = webhooks.get(ROOT, brokenHook.id());
            assertThat(broken.disabledReason()).contains("3 failed deliveries in a row", "HTTP 500");
            assertThat(failing).hasSizeGreaterThanOrEqualTo(3);
            assertThat(((Number) db.fetchValue("SELECT COUNT(*) FROM jotrs_audit_log WHERE object_type = 'webhook'"
                    + " AND object_key = 'Broken' AND action = 'disable'")).longValue()).isEqualTo(1L);
            List<WebhookDelivery> brokenLog = webhooks.deliveries(ROOT, brokenHook.id(), 0).rows();
            assertThat(brokenLog).allSatisfy(d -> assertThat(d.status()).isEqualTo("pending"));
            assertThat(brokenLog).anySatisfy(d -> {
                assertThat(d.responseCode()).isEqualTo(500);
                assertThat(d.attempts()).isGreaterThanOrEqualTo(1);
                assertThat(d.lastError()).isEqualTo("answered HTTP 500");
            });
            int receivedWhileOff = failing.size();

            // The hanging receiver's attempt timed out and is logged so.
            waitFor(() -> webhooks.deliveries(ROOT, webhooks.list(ROOT).stream().filter(w -> w.name().equals("Hanging"))
                    .findFirst().orElseThrow().id(), 0).rows().stream().anyMatch(d -> d.lastError() != null
                            && d.lastError().startsWith("no answer within")), "hanging attempt timed out");

            // Manual redelivery: the same event id again.
            WebhookDelivery first = webhooks.deliveries(ROOT, goodHook.id(), 0).rows().stream()
                    .filter(d -> d.event().equals("TicketCreate") && d.status().equals("delivered")).findFirst().orElseThrow();
            int before = good.size();
            webhooks.redeliver(ROOT, first.id());
            waitFor(() -> good.stream().filter(r -> r.headers().get("X-jotrs-event-id").equals(first.eventId())).count() == 2,
                    "redelivery with the same event id");
            assertThat(good.size()).isGreaterThan(before);
            assertThat(failing).hasSize(receivedWhileOff);

            // Admin screens: the notice on the admin index, the log, a refused URL writes nothing.
            AgentHttp admin = jotrs.agent();
            admin.signIn("root@localhost", jotrs.firstStartPassword().orElseThrow());
            assertThat(admin.get("/admin").body()).contains("Webhook Broken was switched off");
            var page = admin.get("/admin/webhooks/" + goodHook.id());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains(first.eventId(), "delivered");
            int count = webhooks.list(ROOT).size();
            assertThat(admin.postForm("/admin/webhooks/new", Map.of("name", "no-csrf", "url", base + "/good",
                    "events", "TicketCreate")).statusCode()).isEqualTo(403);
            var refused = admin.submit("/admin/webhooks/new", "/admin/webhooks/new",
                    Map.of("name", "ftp", "url", "ftp://example.com/x", "events", "TicketCreate"));
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(refused.body()).contains("Only http:// and https:// URLs");
            // An administrator who reads Jotrs in German gets the refusals in German.
            Agents.germanAdministrator(db, "webhook-admin");
            AgentHttp german = jotrs.agent();
            german.signIn("webhook-admin", Agents.passwordOf("webhook-admin"));
            var refusedInGerman = german.submit("/admin/webhooks/new", "/admin/webhooks/new",
                    Map.of("name", "", "url", "ftp://example.com/x", "events", "NoSuchEvent"));
            assertThat(refusedInGerman.statusCode()).isEqualTo(422);
            assertThat(refusedInGerman.body()).contains("Geben Sie einen Namen ein.")
                    .contains("Nur http://- und https://-URLs können Webhooks empfangen.")
                    .contains("Unbekanntes Ereignis NoSuchEvent.")
                    .doesNotContain("Only http:// and https:// URLs");
            assertThat(german.get("/admin/webhooks/999999").body()).contains("Es gibt keinen Webhook 999999.");
            assertThat(webhooks.list(ROOT)).hasSize(count);
            int agent = Agents.agent(db, "plain", "Plain", "Agent");
            assertThatThrownBy(() -> webhooks.list(agent)).isInstanceOf(PermissionDenied.class);
            assertThatThrownBy(() -> webhooks.create(ROOT, new WebhookSettings("x", "https://example.com", "short", List.of(), true)))
                    .isInstanceOf(InvalidInput.class)
                    .satisfies(e -> assertThat(((InvalidInput) e).errors()).containsKeys("secret", "events"));
        } finally {
            release.countDown();
            server.stop(0);
        }
    }

    private static void answer(HttpExchange exchange, List<Received> log, int status) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> headers = new java.util.HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
        log.add(new Received(headers, body));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private static String hmac(String secret, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
