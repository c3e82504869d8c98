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
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A load driver for agent pages: N agents (one session each, as browsers would) request a page in
 * a closed loop for a fixed time; latencies after a warm-up are reported as percentiles.
 *
 * <pre>
 * java bench/AgentLoad.java BASE_URL LOGIN PASSWORD SCENARIO AGENTS SECONDS [MAX_TICKET_ID] [THINK_MS]
 *   SCENARIO: queue  (GET /queues?queue=1..4&page=0..40: 25 rows + queue counts)
 *             zoom   (GET /tickets/{random id up to MAX_TICKET_ID})
 *             create (POST /tickets/new: a phone ticket with one article, customer cust1..cust10000)
 * </pre>
 *
 * THINK_MS (default 0) is each agent's mean pause between two requests, drawn from an exponential
 * distribution as people's pauses are: 0 is a closed loop of robots that measures saturation,
 * a few seconds models agents reading what they opened.
 *
 * Only the JDK is needed. It talks to the given base URL only (loopback in our benchmarks), and
 * stops by itself after SECONDS.
 */
public class AgentLoad {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Duration WARM_UP = Duration.ofSeconds(5);

    public static void main(String[] args) throws Exception {
        if (args.length < 6) {
            System.err.println("usage: java bench/AgentLoad.java BASE_URL LOGIN PASSWORD queue|zoom|create AGENTS SECONDS [MAX_TICKET_ID] [THINK_MS]");
            System.exit(2);
        }
        String base = args[0];
        String login = args[1];
        String password = args[2];
        String scenario = args[3];
        int agents = Integer.parseInt(args[4]);
        Duration duration = Duration.ofSeconds(Long.parseLong(args[5]));
        long maxTicketId = args.length > 6 ? Long.parseLong(args[6]) : 1;
        long thinkMillis = args.length > 7 ? Long.parseLong(args[7]) : 0;

        List<Agent> signedIn = new ArrayList<>();
        for (int i = 0; i < agents; i++) {
            signedIn.add(Agent.signIn(base, login, password));
        }
        ConcurrentLinkedQueue<Long> latenciesMicros = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        long start = System.nanoTime();
        long warmEnd = start + WARM_UP.toNanos();
        long end = warmEnd + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (Agent agent : signedIn) {
            threads.add(Thread.ofVirtual().start(() -> {
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    int status = agent.request(scenario, maxTicketId);
                    long t1 = System.nanoTime();
                    if (t0 >= warmEnd) {
                        if (status >= 400) {
                            errors.incrementAndGet();
                        }
                        latenciesMicros.add((t1 - t0) / 1_000);
                    }
                    if (thinkMillis > 0) {
                        double pause = -Math.log(1 - ThreadLocalRandom.current().nextDouble()) * thinkMillis;
                        try {
                            Thread.sleep((long) Math.min(pause, thinkMillis * 5.0));
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        List<Long> sorted = new ArrayList<>(latenciesMicros);
        Collections.sort(sorted);
        double seconds = duration.toMillis() / 1000.0;
        System.out.printf("scenario=%s agents=%d think=%dms seconds=%.0f requests=%d errors=%d throughput=%.0f/s%n",
                scenario, agents, thinkMillis, seconds, sorted.size(), errors.get(), sorted.size() / seconds);
        System.out.printf("latency ms: p50=%.1f p95=%.1f p99=%.1f max=%.1f%n",
                percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                sorted.isEmpty() ? 0 : sorted.getLast() / 1000.0);
    }

    private static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1000.0;
    }

    private record Agent(String base, HttpClient client, String csrf) {

        static Agent signIn(String base, String login, String password) throws Exception {
            HttpClient client = HttpClient.newBuilder()
                    .cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            String loginPage = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            HttpResponse<String> signIn = client.send(post(base + "/login",
                    Map.of("username", login, "password", password, "_csrf", csrf(loginPage))),
                    HttpResponse.BodyHandlers.ofString());
            String location = signIn.headers().firstValue("Location").orElse("");
            if (location.contains("error") || location.contains("throttled")) {
                throw new IllegalStateException("sign-in failed: " + location);
            }
            String home = client.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return new Agent(base, client, csrf(home));
        }

        int request(String scenario, long maxTicketId) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            try {
                HttpRequest request = switch (scenario) {
                    case "queue" -> HttpRequest.newBuilder(URI.create(base + "/queues?queue=" + random.nextInt(1, 5)
                            + "&page=" + random.nextInt(0, 41))).build();
                    case "zoom" -> HttpRequest.newBuilder(URI.create(base + "/tickets/"
                            + random.nextLong(1, maxTicketId + 1))).build();
                    case "create" -> post(base + "/tickets/new", Map.of("_csrf", csrf, "queueId", "2",
                            "customerUser", "cust" + random.nextInt(1, 10_001), "title", "Load test call",
                            "body", "The customer reports a problem.", "priority", "3 normal", "state", "open",
                            "pendingUntil", ""));
                    default -> throw new IllegalArgumentException("unknown scenario " + scenario);
                };
                HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                return scenario.equals("create") && response.statusCode() != 302 ? 500 : response.statusCode();
            } catch (Exception e) {
                return 599;
            }
        }

        private static HttpRequest post(String url, Map<String, String> form) {
            String body = form.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
        }

        private static String csrf(String html) {
            Matcher matcher = CSRF.matcher(html);
            if (!matcher.find()) {
                throw new IllegalStateException("no CSRF token in page");
            }
            return matcher.group(1);
        }
    }
}
