import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ticket creates and ticket reads through the REST API {@code /api/v1}, CLIENTS concurrent clients
 * with one personal API token (Preferences › API tokens; give the token a rate limit that does not
 * stop the run, e.g. start Jotrs with {@code --jotrs.api.rate-limit.per-minute=1000000}): creates
 * COUNT tickets (one article each), then reads COUNT tickets of those created. Prints requests per
 * second and latency percentiles for each, and how many answered other than 201/200.
 *
 * <pre>
 * java bench/ApiLoad.java BASE_URL TOKEN QUEUE CUSTOMER_USER COUNT CLIENTS
 * java bench/ApiLoad.java http://127.0.0.1:8080 jotrs_... Raw carla 5000 32
 * </pre>
 */
public class ApiLoad {

    private static final Pattern TICKET_ID = Pattern.compile("\"ticketId\"\\s*:\\s*(\\d+)");

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: java bench/ApiLoad.java BASE_URL TOKEN QUEUE CUSTOMER_USER COUNT CLIENTS");
            System.exit(64);
        }
        String base = args[0].replaceAll("/+$", "") + "/api/v1";
        String token = args[1];
        int count = Integer.parseInt(args[4]);
        int clients = Integer.parseInt(args[5]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String create = "{\"title\":\"Load %d\",\"queue\":\"" + args[2] + "\",\"customerUser\":\"" + args[3]
                + "\",\"article\":{\"subject\":\"Load %d\",\"body\":\"A benchmark ticket with a short body.\"}}";
        Answer me = send(http, token, "GET", base + "/agents/me", null);
        if (me.status() != 200) {
            System.err.println("GET /api/v1/agents/me answered " + me.status() + ": " + me.body());
            System.exit(1);
        }
        // Warm up: class loading and JIT on the server.
        for (int i = 0; i < Math.min(200, count / 10); i++) {
            Answer warm = send(http, token, "POST", base + "/tickets", create.formatted(-i, -i));
            if (warm.status() != 201) {
                System.err.println("POST /api/v1/tickets answered " + warm.status() + ": " + warm.body());
                System.exit(1);
            }
            Matcher matcher = TICKET_ID.matcher(warm.body());
            if (matcher.find()) {
                send(http, token, "GET", base + "/tickets/" + matcher.group(1), null);
            }
        }
        List<String> ids = new CopyOnWriteArrayList<>();
        run("POST /api/v1/tickets", count, clients, i -> {
            Answer answer = send(http, token, "POST", base + "/tickets", create.formatted(i, i));
            Matcher matcher = TICKET_ID.matcher(answer.body());
            if (answer.status() != 201 || !matcher.find()) {
                return false;
            }
            ids.add(matcher.group(1));
            return true;
        });
        run("GET /api/v1/tickets/{id}", count, clients,
                i -> send(http, token, "GET", base + "/tickets/" + ids.get(i % ids.size()), null).status() == 200);
    }

    interface Call {
        boolean call(int i) throws Exception;
    }

    record Answer(int status, String body) {
    }

    private static void run(String name, int count, int clients, Call call) throws Exception {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            for (int c = 0; c < clients; c++) {
                pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        long began = System.nanoTime();
                        try {
                            if (!call.call(i)) {
                                errors.incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                        latencies.add(System.nanoTime() - began);
                    }
                    return null;
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("%s: %d requests, %d clients, %.1f s: %.0f/s; p50 %.1f ms, p95 %.1f ms, p99 %.1f ms; errors %d%n",
                name, count, clients, seconds, count / seconds, percentile(sorted, 50), percentile(sorted, 95),
                percentile(sorted, 99), errors.get());
    }

    private static double percentile(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1e6;
    }

    private static Answer send(HttpClient http, String token, String method, String url, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }
}
