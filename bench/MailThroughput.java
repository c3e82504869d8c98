import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Incoming mail throughput through the pipe endpoint (what {@code bin/jotrs-pipe} posts to): COUNT
 * new messages, THREADS at a time, as the performance section describes them: about 20 KB
 * of text each, every tenth with a 200 KB attachment; every message is a new ticket. Prints
 * messages per second and latency percentiles, and how many were stored.
 *
 * <pre>
 * java bench/MailThroughput.java BASE_URL PIPE_TOKEN COUNT THREADS
 * java bench/MailThroughput.java http://127.0.0.1:8080 secret 2000 8
 * </pre>
 */
public class MailThroughput {

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: java bench/MailThroughput.java BASE_URL PIPE_TOKEN COUNT THREADS");
            System.exit(64);
        }
        URI pipe = URI.create(args[0].replaceAll("/+$", "") + "/postmaster/pipe");
        String token = args[1];
        int count = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String run = Long.toString(System.currentTimeMillis(), 36);
        byte[] attachment = new byte[200 * 1024];
        new Random(7).nextBytes(attachment);
        String attachmentBase64 = Base64.getMimeEncoder().encodeToString(attachment);

        // Warm up: the first requests pay for class loading and JIT on the server.
        for (int i = 0; i < Math.min(50, count / 10); i++) {
            post(client, pipe, token, message(run + "w", i, attachmentBase64));
        }
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            bytes += message(run, i, attachmentBase64).length;
        }
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < count) {
                        byte[] raw = message(run, i, attachmentBase64);
                        long asked = System.nanoTime();
                        String outcome;
                        try {
                            HttpResponse<String> answer = post(client, pipe, token, raw);
                            outcome = answer.statusCode() + " " + answer.body().strip().replaceAll(" \\d+.*", "");
                        } catch (Exception e) {
                            outcome = "error " + e.getClass().getSimpleName();
                        }
                        latencies.add(System.nanoTime() - asked);
                        outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
                    }
                    return null;
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("%d messages (%.1f MB) in %.1f s: %.0f messages/s with %d threads%n", count, bytes / 1048576.0,
                seconds, count / seconds, threads);
        System.out.printf("latency p50 %d ms, p95 %d ms, p99 %d ms, max %d ms%n", ms(sorted, 0.50), ms(sorted, 0.95),
                ms(sorted, 0.99), ms(sorted, 1.0));
        outcomes.forEach((outcome, n) -> System.out.println("  " + n + " x " + outcome));
    }

    private static long ms(List<Long> sorted, double quantile) {
        int index = (int) Math.min(sorted.size() - 1, Math.max(0, Math.ceil(quantile * sorted.size()) - 1));
        return sorted.get(index) / 1_000_000;
    }

    private static HttpResponse<String> post(HttpClient client, URI pipe, String token, byte[] raw) throws Exception {
        return client.send(HttpRequest.newBuilder(pipe).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "message/rfc822")
                .POST(HttpRequest.BodyPublishers.ofByteArray(raw)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** About 20 KB of text; every tenth message carries a 200 KB attachment. */
    static byte[] message(String run, int i, String attachmentBase64) {
        StringBuilder body = new StringBuilder(21_000);
        Random words = new Random(i);
        String[] vocabulary = {"printer", "invoice", "network", "password", "server", "report", "error", "screen",
                "order", "delivery", "account", "backup", "mail", "phone", "license", "update", "please", "again"};
        while (body.length() < 20_000) {
            for (int w = 0; w < 12; w++) {
                body.append(vocabulary[words.nextInt(vocabulary.length)]).append(' ');
            }
            body.append("\r\n");
        }
        String headers = "From: Customer " + i + " <customer" + (i % 500) + "@bench.example>\r\n"
                + "To: desk@example.com\r\nSubject: Bench " + run + " message " + i + "\r\n"
                + "Message-ID: <bench-" + run + "-" + i + "@bench.example>\r\nMIME-Version: 1.0\r\n";
        if (i % 10 != 0) {
            return (headers + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8);
        }
        return (headers + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + body + "\r\n--b\r\n"
                + "Content-Type: application/octet-stream; name=\"data.bin\"\r\n"
                + "Content-Disposition: attachment; filename=\"data.bin\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + attachmentBase64 + "\r\n--b--\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
