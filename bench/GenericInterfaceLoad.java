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
 * TicketCreate (one article) and TicketGet through OTRS's GenericInterface routes
 * ({@code GenericTicketConnectorREST}), CLIENTS concurrent clients: opens one session with
 * SessionCreate, creates COUNT tickets, then reads COUNT tickets (of those created) with TicketGet.
 * Prints requests per second and latency percentiles for each, and how many answered an error.
 *
 * <pre>
 * java bench/GenericInterfaceLoad.java BASE_URL LOGIN PASSWORD QUEUE CUSTOMER_USER COUNT CLIENTS
 * java bench/GenericInterfaceLoad.java http://127.0.0.1:8080 helpdesk secret Raw carla 5000 32
 * </pre>
 */
public class GenericInterfaceLoad {

    private static final Pattern TICKET_ID = Pattern.compile("\"TicketID\":\"(\\d+)\"");

    public static void main(String[] args) throws Exception {
        if (args.length != 7) {
            System.err.println("usage: java bench/GenericInterfaceLoad.java BASE_URL LOGIN PASSWORD QUEUE CUSTOMER_USER COUNT CLIENTS");
            System.exit(64);
        }
        String base = args[0].replaceAll("/+$", "") + "/otrs/nph-genericinterface.pl/Webservice/GenericTicketConnectorREST";
        int count = Integer.parseInt(args[5]);
        int clients = Integer.parseInt(args[6]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String session = send(http, "POST", base + "/Session",
                "{\"UserLogin\":\"" + args[1] + "\",\"Password\":\"" + args[2] + "\"}").replaceAll(".*\"SessionID\":\"([0-9a-f]+)\".*", "$1");
        if (!session.matches("[0-9a-f]{64}")) {
            System.err.println("SessionCreate failed: " + session);
            System.exit(1);
        }
        String create = "{\"SessionID\":\"" + session + "\",\"Ticket\":{\"Title\":\"Load %d\",\"Queue\":\"" + args[3]
                + "\",\"State\":\"new\",\"Priority\":\"3 normal\",\"CustomerUser\":\"" + args[4] + "\"},"
                + "\"Article\":{\"Subject\":\"Load %d\",\"Body\":\"A benchmark ticket with a short body.\","
                + "\"ContentType\":\"text/plain; charset=utf8\"}}";
        // Warm up: class loading and JIT on the server.
        for (int i = 0; i < Math.min(100, count / 10); i++) {
            send(http, "POST", base + "/Ticket", create.formatted(-i, -i));
        }
        List<String> ids = new CopyOnWriteArrayList<>();
        run("TicketCreate", count, clients, i -> {
            String answer = send(http, "POST", base + "/Ticket", create.formatted(i, i));
            Matcher matcher = TICKET_ID.matcher(answer);
            if (!matcher.find()) {
                return false;
            }
            ids.add(matcher.group(1));
            return true;
        });
        run("TicketGet", count, clients, i -> send(http, "GET", base + "/Ticket/" + ids.get(i % ids.size())
                + "?SessionID=" + session + "&AllArticles=1", null).startsWith("{\"Ticket\""));
    }

    interface Call {
        boolean call(int i) throws Exception;
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

    private static String send(HttpClient http, String method, String url, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
