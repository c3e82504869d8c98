import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A load driver for the observer's ingestion API: CLIENTS senders post batches of BATCH events
 * (clicks, DOM changes, scrolls; each batch its own session) in a closed loop for SECONDS, as many
 * browsers running the SDK would. It signs in as an admin first and creates an observed site with a
 * key through the admin screens. After a warm-up it reports acknowledged events per second and
 * the acknowledgement latency percentiles; then, with the load still running, it rage-clicks on a
 * fresh target and measures how long until the incident shows its ticket on the incident list.
 *
 * <pre>
 * java bench/ObserverLoad.java BASE_URL LOGIN PASSWORD CLIENTS SECONDS [BATCH]
 * </pre>
 *
 * Start Jotrs with a per-key rate limit above the load, e.g.
 * {@code --jotrs.observer.batches-per-second-per-key=100000}. Only the JDK is needed; it talks to
 * the given base URL only (loopback in our benchmarks) and stops by itself after SECONDS.
 */
public class ObserverLoad {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern ISSUED = Pattern.compile("id=\"issued-key\">(jok_[A-Za-z0-9_-]+)<");
    private static final Duration WARM_UP = Duration.ofSeconds(5);
    private static final String ORIGIN = "http://bench.example";

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: java bench/ObserverLoad.java BASE_URL LOGIN PASSWORD CLIENTS SECONDS [BATCH]");
            System.exit(2);
        }
        String base = args[0];
        int clients = Integer.parseInt(args[3]);
        long seconds = Long.parseLong(args[4]);
        int batchSize = args.length > 5 ? Integer.parseInt(args[5]) : 50;

        HttpClient admin = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        submit(admin, base, "/login", "/login", Map.of("username", args[1], "password", args[2]));
        submit(admin, base, "/admin/observer/new", "/admin/observer/new", Map.ofEntries(
                Map.entry("name", "Load " + UUID.randomUUID().toString().substring(0, 8)), Map.entry("allowedOrigins", ORIGIN),
                Map.entry("queueId", "2"), Map.entry("ticketThreshold", "1"), Map.entry("noteIntervalSeconds", "3600"),
                Map.entry("rageClicks", "3"), Map.entry("rageIntervalMs", "1000"), Map.entry("rageRadiusPx", "30"),
                Map.entry("deadClickMs", "2500"), Map.entry("errorClickMs", "1000"), Map.entry("errorLoopCount", "5"),
                Map.entry("ignoreSelectors", ""), Map.entry("retentionDays", "30")));
        String sitePath = lastPath;
        String keyPage = submit(admin, base, sitePath, sitePath + "/keys", Map.of());
        Matcher key = ISSUED.matcher(keyPage);
        if (!key.find()) {
            throw new IllegalStateException("no key issued; is " + args[1] + " an admin?");
        }
        String endpoint = base + "/observer/v1/events?key=" + key.group(1);
        System.out.printf(Locale.ROOT, "site %s, %d clients, batches of %d events, %d s%n", sitePath, clients, batchSize, seconds);

        long start = System.nanoTime();
        long warm = start + WARM_UP.toNanos();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        List<List<Long>> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong events = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread thread = Thread.ofPlatform().start(() -> {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                List<Long> mine = new ArrayList<>();
                while (System.nanoTime() < end) {
                    String body = batch(batchSize);
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(endpoint))
                                .header("Content-Type", "text/plain").header("Origin", ORIGIN)
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                        long took = System.nanoTime() - sent;
                        if (response.statusCode() != 202) {
                            refused.incrementAndGet();
                        } else if (sent > warm) {
                            mine.add(took);
                            events.addAndGet(batchSize);
                        }
                    } catch (Exception e) {
                        refused.incrementAndGet();
                    }
                }
                latencies.add(mine);
            });
            threads.add(thread);
        }

        // While the load runs: a rage click on a fresh target, then wait for its ticket.
        Thread.sleep(Math.min(WARM_UP.toMillis() + 5_000, seconds * 500));
        String label = "Pay-" + UUID.randomUUID().toString().substring(0, 8);
        String target = "button#" + label;
        long now = System.currentTimeMillis();
        StringBuilder rage = new StringBuilder("{\"v\":1,\"session\":\"rage-" + UUID.randomUUID() + "\",\"sentAt\":" + now + ",\"events\":[");
        for (int i = 0; i < 3; i++) {
            rage.append(i == 0 ? "" : ",").append("{\"id\":\"").append(UUID.randomUUID()).append("\",\"t\":").append(now - 600 + i * 200)
                    .append(",\"type\":\"click\",\"url\":\"http://bench.example/checkout\",\"sel\":\"").append(target)
                    .append("\",\"text\":\"").append(label).append("\",\"x\":10,\"y\":10,\"act\":true,\"detail\":1}");
        }
        rage.append("]}");
        long clicked = System.nanoTime();
        HttpResponse<String> sent = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(endpoint))
                .header("Content-Type", "text/plain").header("Origin", ORIGIN)
                .POST(HttpRequest.BodyPublishers.ofString(rage.toString())).build(), HttpResponse.BodyHandlers.ofString());
        String ticketAfter = "not within 30 s";
        long deadline = clicked + Duration.ofSeconds(30).toNanos();
        while (sent.statusCode() == 202 && System.nanoTime() < deadline) {
            String list = admin.send(HttpRequest.newBuilder(URI.create(base + "/observer/incidents")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            int at = list.indexOf(label);
            if (at >= 0 && list.indexOf("/tickets/", at) > 0 && list.indexOf("/tickets/", at) < list.indexOf("</tr>", at)) {
                ticketAfter = String.format(Locale.ROOT, "%.2f s", (System.nanoTime() - clicked) / 1e9);
                break;
            }
            Thread.sleep(100);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        List<Long> all = latencies.stream().flatMap(List::stream).sorted().collect(Collectors.toList());
        double measured = (end - warm) / 1e9;
        System.out.printf(Locale.ROOT, "acknowledged: %d events in %.0f s = %.0f events/s (%d batches/s); refused or failed: %d%n",
                events.get(), measured, events.get() / measured, (long) (all.size() / measured), refused.get());
        System.out.printf(Locale.ROOT, "ack latency: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                pct(all, 50), pct(all, 95), pct(all, 99), all.isEmpty() ? 0 : all.get(all.size() - 1) / 1e6);
        System.out.println("rage click to ticket on the incident list, under this load: " + ticketAfter);
    }

    /** Where the last form post ended up after its redirect. */
    private static String lastPath = "";

    private static String batch(int size) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long now = System.currentTimeMillis();
        StringBuilder body = new StringBuilder(size * 200);
        body.append("{\"v\":1,\"session\":\"s").append(UUID.randomUUID()).append("\",\"sentAt\":").append(now).append(",\"events\":[");
        for (int i = 0; i < size; i++) {
            long t = now - (size - i) * 40L;
            body.append(i == 0 ? "" : ",").append("{\"id\":\"").append(UUID.randomUUID()).append("\",\"t\":").append(t)
                    .append(",\"url\":\"http://bench.example/products/").append(random.nextInt(1000)).append('"');
            switch (i % 5) {
                case 0, 1 -> body.append(",\"type\":\"click\",\"sel\":\"div.product > button.add\",\"text\":\"Add to basket\",\"tag\":\"button\",\"x\":")
                        .append(random.nextInt(1200)).append(",\"y\":").append(random.nextInt(800)).append(",\"act\":true,\"detail\":1}");
                case 2, 3 -> body.append(",\"type\":\"mutation\",\"n\":3}");
                default -> body.append(",\"type\":\"scroll\",\"x\":0,\"y\":").append(random.nextInt(3000)).append('}');
            }
        }
        return body.append("]}").toString();
    }

    private static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    /** GETs the form page for its CSRF token, posts the form, follows the redirect; remembers where it ended. */
    private static String submit(HttpClient client, String base, String formPage, String action, Map<String, String> fields)
            throws Exception {
        String form = client.send(HttpRequest.newBuilder(URI.create(base + formPage)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(form);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on " + formPage);
        }
        StringBuilder body = new StringBuilder("_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8));
        fields.forEach((k, v) -> body.append('&').append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        lastPath = response.uri().getPath();
        return response.body();
    }
}
