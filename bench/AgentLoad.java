import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 *             status (GET /tickets?page=0..40: the status view, every not-closed ticket the agent may read)
 *             zoom   (GET /tickets/{random id up to MAX_TICKET_ID})
 *             dashboard (GET /: the agent's home page, its ticket widgets and the per-state/queue counts)
 *             create (POST /tickets/new: a phone ticket with one article, customer cust1..cust10000)
 *             search (GET /search?q=...: the search page, 25 rows with snippets; a mix of a rare word,
 *                     a phrase, a word with a filter, a three-word conjunction and a word in every ticket)
 *             quick  (GET /search/quick?q=...: 8 results as you type, the last word a prefix)
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
            System.err.println("usage: java bench/AgentLoad.java BASE_URL LOGIN PASSWORD queue|status|dashboard|zoom|create|search|quick AGENTS SECONDS [MAX_TICKET_ID] [THINK_MS]");
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

    /**
     * One signed-in agent on one kept-alive connection. HTTP/1.1 is spoken over a plain blocking
     * socket rather than with java.net.http.HttpClient: on a 2-core machine the driver shares the
     * cores with Jotrs and the database, and HttpClient spent about 2.6 ms of CPU per request
     * (its selector thread and executor hand every exchange over twice), which the measured
     * latencies then included. This client spends a few tenths of a millisecond.
     */
    private static final class Agent {

        private final URI base;
        private final Map<String, String> cookies = new LinkedHashMap<>();
        private Socket socket;
        private InputStream in;
        private OutputStream out;
        private String csrf;

        private Agent(URI base) {
            this.base = base;
        }

        static Agent signIn(String base, String login, String password) throws Exception {
            Agent agent = new Agent(URI.create(base));
            Response loginPage = agent.exchange("GET", "/login", null);
            Response signIn = agent.exchange("POST", "/login", form(Map.of("username", login, "password", password,
                    "_csrf", csrf(loginPage.body()))));
            String location = signIn.header("location");
            if (location.contains("error") || location.contains("throttled")) {
                throw new IllegalStateException("sign-in failed: " + location);
            }
            // The token from a light page: 50 agents opening the dashboard at once would load the
            // server during the first seconds of every scenario (the dashboard has its own scenario).
            agent.csrf = csrf(agent.exchange("GET", "/tickets/new", null).body());
            return agent;
        }

        /**
         * Queries over bench/generate-postgres.sql's data: titles "Benchmark ticket N about item M"
         * (M = N mod 977), bodies of lorem ipsum ending in the article id (5 articles per ticket).
         */
        static String searchQuery(ThreadLocalRandom random, long maxTicketId) {
            long ticket = random.nextLong(1, maxTicketId + 1);
            return switch (random.nextInt(5)) {
                case 0 -> Long.toString(ticket * 5 - random.nextInt(5));         // one article's id: 1 ticket
                case 1 -> "\"ticket " + ticket + "\"";                              // a phrase: 1 ticket
                case 2 -> "queue:Raw item " + ticket % 977;                       // a filter and a word: ~250 tickets
                case 3 -> "about item " + ticket % 977;                           // three words: ~1,000 tickets
                default -> "lorem";                                               // in every ticket: 1,000,000
            };
        }

        /** What an agent has typed so far: the last word is a prefix. */
        static String typedQuery(ThreadLocalRandom random) {
            String number = Integer.toString(random.nextInt(1, 1_000_000));
            String typed = number.substring(0, Math.min(number.length(), random.nextInt(2, 5)));
            return random.nextBoolean() ? "ticket " + typed : "item " + typed;
        }

        int request(String scenario, long maxTicketId) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            try {
                Response response = switch (scenario) {
                    case "queue" -> exchange("GET", "/queues?queue=" + random.nextInt(1, 5) + "&page=" + random.nextInt(0, 41), null);
                    case "status" -> exchange("GET", "/tickets?page=" + random.nextInt(0, 41), null);
                    case "dashboard" -> exchange("GET", "/", null);
                    case "zoom" -> exchange("GET", "/tickets/" + random.nextLong(1, maxTicketId + 1), null);
                    case "create" -> exchange("POST", "/tickets/new", form(Map.of("_csrf", csrf, "queueId", "2",
                            "customerUser", "cust" + random.nextInt(1, 10_001), "title", "Load test call",
                            "body", "The customer reports a problem.", "priority", "3 normal", "state", "open",
                            "pendingUntil", "")));
                    case "search" -> exchange("GET", "/search?q=" + URLEncoder.encode(searchQuery(random, maxTicketId),
                            StandardCharsets.UTF_8), null);
                    case "quick" -> exchange("GET", "/search/quick?q=" + URLEncoder.encode(typedQuery(random),
                            StandardCharsets.UTF_8), null);
                    default -> throw new IllegalArgumentException("unknown scenario " + scenario);
                };
                return scenario.equals("create") && response.status() != 302 ? 500 : response.status();
            } catch (Exception e) {
                close();
                return 599;
            }
        }

        private record Response(int status, Map<String, String> headers, byte[] content) {

            String header(String name) {
                return headers.getOrDefault(name, "");
            }

            String body() {
                return new String(content, StandardCharsets.UTF_8);
            }
        }

        private Response exchange(String method, String path, String formBody) throws IOException {
            if (socket == null) {
                socket = new Socket(base.getHost(), base.getPort());
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(30_000);
                in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
                out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
            }
            byte[] body = formBody == null ? new byte[0] : formBody.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n");
            if (!cookies.isEmpty()) {
                head.append("Cookie: ").append(cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                        .collect(Collectors.joining("; "))).append("\r\n");
            }
            if (formBody != null) {
                head.append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ").append(body.length).append("\r\n");
            }
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();

            String statusLine = line();
            int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
            Map<String, String> headers = new HashMap<>();
            for (String line = line(); !line.isEmpty(); line = line()) {
                int colon = line.indexOf(':');
                String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).strip();
                if (name.equals("set-cookie")) {
                    String pair = value.split(";", 2)[0];
                    int eq = pair.indexOf('=');
                    cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
                } else {
                    headers.put(name, value);
                }
            }
            byte[] content;
            if (headers.getOrDefault("transfer-encoding", "").equalsIgnoreCase("chunked")) {
                ByteArrayOutputStream chunks = new ByteArrayOutputStream();
                for (int size = chunkSize(); size > 0; size = chunkSize()) {
                    chunks.write(in.readNBytes(size));
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
                content = chunks.toByteArray();
            } else {
                content = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
            }
            if (headers.getOrDefault("connection", "").equalsIgnoreCase("close")) {
                close();
            }
            return new Response(status, headers, content);
        }

        private int chunkSize() throws IOException {
            return Integer.parseInt(line().split(";", 2)[0].strip(), 16);
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new EOFException("connection closed");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        private void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException ignored) {
                // already gone
            }
            socket = null;
        }

        private static String form(Map<String, String> fields) {
            return fields.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
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
