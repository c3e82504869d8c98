package org.jotrs.search.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.jotrs.search.SearchRequest;
import org.jotrs.search.internal.TicketSource.ArticleText;
import org.jotrs.search.internal.TicketSource.TicketData;

/**
 * Search speed without a database or a web server: builds an index of N synthetic tickets with
 * the real rebuild ({@link SearchIndexer.Rebuild}, {@link TicketDocuments}, {@link Analysis}) into
 * a folder, then runs the real query code ({@link TicketQueries} and
 * {@link LuceneTicketSearch#find}: parser, permission filter, counting, snippets) from 20 threads
 * per query kind and prints p50/p95/p99 with the load average. The database's part (names to ids,
 * readable queues, the page's rows) is left out: those are small indexed reads measured elsewhere.
 *
 * <p>The tickets have the shape of {@code bench/generate-postgres.sql} (title "Benchmark ticket g
 * about item g%977", five articles with a Lorem ipsum body ending in the article id), plus one
 * sentence per article drawn from a 30,000-word vocabulary with a Zipf distribution, so that
 * there are rare words to look for. Run with {@code bench/search-bench.sh} (see docs/benchmarks.md).
 *
 * <p>Arguments: {@code tickets threads secondsPerKind folder [keep] [only]}; with {@code keep} an index
 * already in the folder is searched as it is; {@code only} runs the query kinds whose name
 * contains it, and {@code rebuild} stops after the rebuild.
 */
public final class SearchBenchmark {

    private static final int ARTICLES = 5;
    private static final int VOCABULARY = 30_000;
    private static final String LOREM = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(5);
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ne", "ru", "ta", "sol", "ven", "dor", "pi",
            "qua", "zen", "bri", "tor", "gal", "fu", "ho", "jel", "wix", "yor"};
    private static final ZoneId ZONE = ZoneId.of("UTC");
    private static final int AGENT = 7;
    private static final java.lang.management.ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int tickets = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Path folder = args.length > 3 ? Path.of(args[3]) : Files.createTempDirectory("jotrs-search-bench");
        boolean keep = args.length > 4 && args[4].equals("keep");
        String only = args.length > 5 ? args[5] : null;
        String[] words = vocabulary();
        Synthetic source = new Synthetic(tickets, words);

        if (!keep && Files.isDirectory(folder)) {
            try (var files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        }
        // An index of another schema version opens empty (fresh), as in the product, and is rebuilt.
        TicketIndex index = TicketIndex.open(folder, Analysis.perField(), ZONE);
        if (index.fresh() || index.documents() == 0) {
            rebuild(index, source, tickets);
        } else {
            System.out.printf("index %s kept: %,d tickets, %,d MB%n", folder, index.documents(),
                    index.sizeOnDisk() >> 20);
        }

        if ("rebuild".equals(only)) {
            index.close();
            return;
        }
        Lookups lookups = new Lookups();
        TicketQueries queries = new TicketQueries(index.analyzer(), lookups, ZONE);
        Map<String, Function<SplittableRandom, SearchRequest>> kinds = new LinkedHashMap<>();
        kinds.put("common word (lorem)", r -> SearchRequest.of("lorem"));
        kinds.put("rare word", r -> SearchRequest.of(words[VOCABULARY - 1 - r.nextInt(VOCABULARY / 3)]));
        kinds.put("3 words (about item N)", r -> SearchRequest.of("about item " + r.nextInt(977)));
        kinds.put("phrase (\"ticket N\")", r -> SearchRequest.of("\"ticket " + r.nextInt(1, tickets + 1) + "\""));
        kinds.put("field + word (queue:Raw item N)", r -> SearchRequest.of("queue:Raw item " + r.nextInt(977)));
        kinds.put("two mid words", r -> SearchRequest.of(words[r.nextInt(50, 500)] + " " + words[r.nextInt(50, 500)]));
        kinds.put("quick: typing (item 12 / ticket 12)", r -> {
            String number = Integer.toString(r.nextInt(1, tickets + 1));
            String typed = number.substring(0, Math.min(number.length(), r.nextInt(2, 5)));
            return SearchRequest.typing((r.nextBoolean() ? "ticket " : "item ") + typed, 8);
        });
        kinds.put("quick: typing a word (lor, lore, ...)", r -> {
            String word = words[r.nextInt(0, 2000)];
            return SearchRequest.typing(word.substring(0, Math.min(word.length(), r.nextInt(2, 6))), 8);
        });
        System.out.printf("%d threads, %d s per kind, %d cores, JVM max heap %,d MB%n", threads, seconds,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("%-38s %7s %8s %8s %8s %8s %8s %10s %s%n", "query", "per s", "p50 ms", "p95 ms", "p99 ms",
                "cpu p50", "cpu p95", "hits (avg)", "load");
        for (Map.Entry<String, Function<SplittableRandom, SearchRequest>> kind : kinds.entrySet()) {
            if (only != null && !kind.getKey().contains(only)) {
                continue;
            }
            run(kind.getKey(), kind.getValue(), index, queries, threads, seconds);
        }
        findable(index, source, queries, threads);
        index.close();
    }

    /** The real rebuild (reader thread + writer thread) on synthetic rows instead of the database. */
    private static void rebuild(TicketIndex index, Synthetic source, int tickets) throws Exception {
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        SearchIndexer.Rebuild rebuild = new SearchIndexer.Rebuild(index, source, 1000, Clock.systemUTC(), null);
        rebuild.start();
        long lastPrint = start;
        while (!rebuild.finished()) {
            Thread.sleep(200);
            if (!rebuild.active() && !rebuild.finished()) {
                throw new IllegalStateException("rebuild stopped");
            }
            if (System.nanoTime() - lastPrint > 10_000_000_000L) {
                lastPrint = System.nanoTime();
                System.out.printf("  rebuild: %,d of %,d, %,.0f tickets/s, load %s%n", rebuild.done(), tickets,
                        rebuild.done() / ((lastPrint - start) / 1e9), load());
            }
        }
        long written = System.nanoTime();
        index.commit(Map.of(TicketIndex.POSITION, "0"));
        long committed = System.nanoTime();
        double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
        System.out.printf("rebuild: %,d tickets (%,d articles) in %.1f s (+ commit %.1f s) = %,.0f tickets/s, "
                        + "%.0f CPU s = %,.0f tickets per CPU second, index %,d MB, load %s%n", tickets,
                (long) tickets * ARTICLES, (written - start) / 1e9, (committed - written) / 1e9,
                tickets / ((committed - start) / 1e9), cpuSeconds, tickets / cpuSeconds, index.sizeOnDisk() >> 20,
                load());
    }

    private static void run(String name, Function<SplittableRandom, SearchRequest> requests, TicketIndex index,
            TicketQueries queries, int threads, int seconds) throws Exception {
        // Warm-up: the same kind, a few seconds, not measured.
        measure(requests, index, queries, threads, Math.max(2, seconds / 3));
        Measured m = measure(requests, index, queries, threads, seconds);
        System.out.printf("%-38s %7.0f %8.1f %8.1f %8.1f %8.2f %8.2f %10.0f %s%n", name, m.count / (double) seconds,
                m.percentile(0.5), m.percentile(0.95), m.percentile(0.99), m.cpuPercentile(0.5), m.cpuPercentile(0.95),
                m.hits / (double) Math.max(1, m.count), load());
    }

    private record Measured(int count, long[] nanos, long[] buildNanos, long[] cpuNanos, long hits) {

        double percentile(double p) {
            return at(nanos, p);
        }

        double buildPercentile(double p) {
            return at(buildNanos, p);
        }

        double cpuPercentile(double p) {
            return at(cpuNanos, p);
        }

        private double at(long[] values, double p) {
            if (count == 0) {
                return Double.NaN;
            }
            long[] sorted = Arrays.copyOf(values, count);
            Arrays.sort(sorted);
            return sorted[Math.min(count - 1, (int) Math.ceil(p * count) - 1)] / 1e6;
        }
    }

    private static Measured measure(Function<SplittableRandom, SearchRequest> requests, TicketIndex index,
            TicketQueries queries, int threads, int seconds) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<long[]> all = new ArrayList<>();
        List<long[]> builds = new ArrayList<>();
        List<long[]> cpus = new ArrayList<>();
        int[] counts = new int[threads];
        long[] hits = new long[threads];
        List<Thread> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int me = t;
            long[] nanos = new long[2_000_000];
            long[] buildNanos = new long[2_000_000];
            long[] cpuNanos = new long[2_000_000];
            all.add(nanos);
            builds.add(buildNanos);
            cpus.add(cpuNanos);
            running.add(Thread.ofPlatform().start(() -> {
                SplittableRandom random = new SplittableRandom(ThreadLocalRandom.current().nextLong());
                while (!stop.get() && counts[me] < nanos.length) {
                    SearchRequest request = requests.apply(random);
                    long cpu = CPU.getCurrentThreadCpuTime();
                    long start = System.nanoTime();
                    TicketQueries.Built built = queries.build(AGENT, request);
                    long built_ = System.nanoTime();
                    LuceneTicketSearch.Found found;
                    try {
                        found = LuceneTicketSearch.find(index, built, request, 2000);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                    long end = System.nanoTime();
                    nanos[counts[me]] = end - start;
                    buildNanos[counts[me]] = built_ - start;
                    cpuNanos[counts[me]] = CPU.getCurrentThreadCpuTime() - cpu;
                    counts[me]++;
                    hits[me] += found.total();
                }
            }));
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread thread : running) {
            thread.join();
        }
        int total = Arrays.stream(counts).sum();
        long[] merged = new long[total];
        long[] mergedBuilds = new long[total];
        long[] mergedCpus = new long[total];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(all.get(t), 0, merged, at, counts[t]);
            System.arraycopy(builds.get(t), 0, mergedBuilds, at, counts[t]);
            System.arraycopy(cpus.get(t), 0, mergedCpus, at, counts[t]);
            at += counts[t];
        }
        return new Measured(total, merged, mergedBuilds, mergedCpus, Arrays.stream(hits).sum());
    }

    /**
     * A new article findable: while the threads search, a ticket gets an article with a new word;
     * measured is the time from handing the change to the index (as the feed does) until a search
     * finds it. The feed's poll interval (500 ms) comes on top in the product.
     */
    private static void findable(TicketIndex index, Synthetic source, TicketQueries queries, int threads)
            throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> load = new ArrayList<>();
        for (int t = 0; t < threads - 1; t++) {
            load.add(Thread.ofPlatform().start(() -> {
                SplittableRandom random = new SplittableRandom();
                while (!stop.get()) {
                    SearchRequest request = SearchRequest.of("about item " + random.nextInt(977));
                    try {
                        LuceneTicketSearch.find(index, queries.build(AGENT, request), request, 2000);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }));
        }
        long[] nanos = new long[40];
        for (int i = 0; i < nanos.length; i++) {
            String word = "fresh" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "q");
            long ticket = 1 + (i * 7919L) % source.tickets;
            if (ticket % 4 == 3) {
                ticket = ticket > 1 ? ticket - 1 : ticket + 1;  // queue 4 is not readable for the benchmark's agent
            }
            source.extra.put(ticket, word);
            long start = System.nanoTime();
            index.applyFromFeed(List.of(ticket), source);
            SearchRequest request = SearchRequest.of(word);
            while (LuceneTicketSearch.find(index, queries.build(AGENT, request), request, 2000).total() == 0) {
                if (System.nanoTime() - start > 30_000_000_000L) {
                    throw new IllegalStateException("ticket " + ticket + " not found by " + word + " after 30 s");
                }
            }
            nanos[i] = System.nanoTime() - start;
            Thread.sleep(100);
        }
        stop.set(true);
        for (Thread thread : load) {
            thread.join();
        }
        Arrays.sort(nanos);
        System.out.printf("new article findable after handing it to the index (+ the feed's 500 ms poll): "
                + "p50 %.1f ms, p95 %.1f ms, max %.1f ms, load %s%n", nanos[nanos.length / 2] / 1e6,
                nanos[(int) Math.ceil(0.95 * nanos.length) - 1] / 1e6, nanos[nanos.length - 1] / 1e6, load());
    }

    /** CPU time of the whole process (all threads, merges and garbage collection included). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static String[] vocabulary() {
        SplittableRandom random = new SplittableRandom(17);
        Set<String> seen = new java.util.LinkedHashSet<>();
        while (seen.size() < VOCABULARY) {
            StringBuilder word = new StringBuilder();
            int syllables = 2 + random.nextInt(3);
            for (int s = 0; s < syllables; s++) {
                word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            seen.add(word.toString());
        }
        return seen.toArray(String[]::new);
    }

    /** Tickets of the generator's shape, made on the fly; an article's extra word can be added. */
    static final class Synthetic extends TicketSource {

        final int tickets;
        private final String[] words;
        private final double[] zipf;
        final Map<Long, String> extra = new java.util.concurrent.ConcurrentHashMap<>();

        Synthetic(int tickets, String[] words) {
            super(null);
            this.tickets = tickets;
            this.words = words;
            zipf = new double[words.length];
            double sum = 0;
            for (int i = 0; i < words.length; i++) {
                sum += 1.0 / (i + 1);
                zipf[i] = sum;
            }
            for (int i = 0; i < words.length; i++) {
                zipf[i] /= sum;
            }
        }

        @Override
        Map<Long, TicketData> tickets(Collection<Long> ids) {
            Map<Long, TicketData> found = new HashMap<>();
            for (Long id : ids) {
                if (id >= 1 && id <= tickets) {
                    found.put(id, ticket(id));
                }
            }
            return found;
        }

        @Override
        Map<Long, TicketData> range(long from, long to) {
            Map<Long, TicketData> found = new HashMap<>();
            for (long id = Math.max(1, from); id <= Math.min(to, tickets); id++) {
                found.put(id, ticket(id));
            }
            return found;
        }

        @Override
        long maxTicketId() {
            return tickets;
        }

        @Override
        long ticketCount() {
            return tickets;
        }

        private TicketData ticket(long g) {
            SplittableRandom random = new SplittableRandom(g);
            LocalDateTime created = LocalDateTime.of(2026, 1, 1, 0, 0).plusSeconds(g * 30);
            String customer = "cust" + (g % 10_000 + 1);
            List<ArticleText> articles = new ArrayList<>();
            for (int n = 1; n <= ARTICLES; n++) {
                long article = (g - 1) * ARTICLES + n;
                StringBuilder sentence = new StringBuilder(LOREM).append(article).append(". ");
                for (int w = 0; w < 12; w++) {
                    sentence.append(word(random.nextDouble())).append(w == 11 ? "." : " ");
                }
                if (n == ARTICLES && extra.containsKey(g)) {
                    sentence.append(' ').append(extra.get(g));
                }
                boolean customerCall = n == 1;
                articles.add(new ArticleText(
                        customerCall ? "\"Customer No " + customer.substring(4) + "\" <" + customer + "@example.com>"
                                : "\"Admin OTRS\" <root@localhost>",
                        customerCall ? QUEUES[(int) (g % 4)] : null, null, "Benchmark article " + article,
                        sentence.toString(), List.of()));
            }
            return new TicketData(g, "B" + String.format("%012d", g), "Benchmark ticket " + g + " about item " + g % 977,
                    1 + (int) (g % 4), g % 10 < 3 ? 4 : 2, 1 + (int) (g % 5), 1, 1, 1, 1, customer,
                    "C" + (g % 1000 + 1), created, created.plusMinutes(5), 0, 0, articles);
        }

        private String word(double u) {
            int i = Arrays.binarySearch(zipf, u);
            return words[Math.min(words.length - 1, i < 0 ? -i - 1 : i)];
        }
    }

    /** OTRS's default queues by id - 1; a ticket g is in queue 1 + g % 4, as in the generator. */
    private static final String[] QUEUES = {"Postmaster", "Raw", "Junk", "Misc"};

    /** The database's answers for the benchmark's agent: queues 1–3 readable (not Misc, 4), Raw is queue 2. */
    static final class Lookups extends SearchLookups {

        Lookups() {
            super(null, null, null);
        }

        @Override
        Set<Integer> readableQueues(int agentId) {
            return Set.of(1, 2, 3);
        }

        @Override
        Set<Integer> queues(String name, boolean prefix) {
            for (int q = 0; q < QUEUES.length; q++) {
                if (prefix ? QUEUES[q].toLowerCase().startsWith(name.toLowerCase())
                        : QUEUES[q].equalsIgnoreCase(name)) {
                    return Set.of(q + 1);
                }
            }
            throw new org.jotrs.search.InvalidSearch("No queue matches \"" + name + "\".");
        }

        @Override
        Set<Integer> statesOfTypes(Collection<String> typeNames) {
            return Set.of(2, 4);
        }

        @Override
        Set<Integer> lockedIds() {
            return Set.of(2, 3);
        }
    }
}
