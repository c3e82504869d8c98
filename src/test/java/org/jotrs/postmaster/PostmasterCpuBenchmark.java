package org.jotrs.postmaster;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Random;

import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;

/**
 * CPU time per incoming message (issue 14: "parsing and storing incoming mail at >= 200
 * messages/s"): Jotrs started as the tests start it, on a fresh database of the given kind, takes
 * COUNT new messages of the shape (about 20 KB of text, every tenth with a 200 KB
 * attachment) through {@link Postmaster#deliver} (what the pipe and the fetcher call), one thread,
 * after a warm-up of WARMUP messages. Prints wall time and the calling thread's CPU time per
 * message (where the load of other processes distorts wall time, the CPU time does not), and the
 * JVM's whole CPU time (other threads: the change feed, history, the connection pool). The
 * database server's own CPU is not in these figures. Run with a profiler attached (JFR:
 * {@code BENCH_JVM="-XX:StartFlightRecording=filename=/tmp/pm.jfr"}) to see where it goes. Not
 * a test: {@code java ... org.jotrs.postmaster.PostmasterCpuBenchmark 1000 POSTGRESQL 200}.
 */
public final class PostmasterCpuBenchmark {

    private PostmasterCpuBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        DatabaseKind kind = args.length > 1 ? DatabaseKind.valueOf(args[1]) : DatabaseKind.POSTGRESQL;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        byte[] attachment = new byte[200 * 1024];
        new Random(7).nextBytes(attachment);
        String attachmentBase64 = Base64.getMimeEncoder().encodeToString(attachment);
        try (TestDatabase database = TestDatabase.create(kind);
                RunningJotrs jotrs = RunningJotrs.start(database, "--logging.level.org.jotrs=WARN")) {
            Postmaster postmaster = jotrs.bean(Postmaster.class);
            for (int i = 0; i < warmup; i++) {
                deliver(postmaster, message(-1 - i, i % 10 == 0 ? attachmentBase64 : null));
            }
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            String loadBefore = Files.readString(Path.of("/proc/loadavg")).strip();
            long cpu = threads.getCurrentThreadCpuTime();
            long processCpu = os.getProcessCpuTime();
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                deliver(postmaster, message(i, i % 10 == 0 ? attachmentBase64 : null));
            }
            double wall = (System.nanoTime() - start) / 1e9;
            double threadCpu = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
            double jvmCpu = (os.getProcessCpuTime() - processCpu) / 1e6;
            System.out.printf("%d messages on %s: %.1f s wall (%.1f messages/s); per message %.2f ms CPU in the calling thread,"
                    + " %.2f ms CPU in the whole JVM (%.0f messages/s per core of JVM CPU)%n",
                    count, kind, wall, count / wall, threadCpu / count, jvmCpu / count, 1000 / (jvmCpu / count));
            System.out.println("load average before: " + loadBefore + "; after: " + Files.readString(Path.of("/proc/loadavg")).strip());
        }
        System.exit(0);
    }

    private static void deliver(Postmaster postmaster, byte[] raw) {
        Delivery delivery = postmaster.deliver(raw);
        if (!(delivery instanceof Delivery.Stored)) {
            throw new IllegalStateException("not stored: " + delivery);
        }
    }

    private static byte[] message(int i, String attachmentBase64) {
        StringBuilder text = new StringBuilder();
        Random random = new Random(i);
        while (text.length() < 20_000) {
            text.append("Line ").append(random.nextInt(1_000_000)).append(" of message ").append(i)
                    .append(": the printer on floor ").append(random.nextInt(9)).append(" is out of toner again.\r\n");
        }
        String head = "From: Customer " + i + " <customer" + Math.floorMod(i, 500) + "@example.com>\r\nTo: desk@example.com\r\n"
                + "Subject: Pipe message " + i + "\r\nMessage-ID: <cpu-" + i + "@example.com>\r\nMIME-Version: 1.0\r\n";
        String raw;
        if (attachmentBase64 == null) {
            raw = head + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + text;
        } else {
            raw = head + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                    + text + "\r\n--b\r\nContent-Type: application/octet-stream; name=\"log.bin\"\r\n"
                    + "Content-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=\"log.bin\"\r\n\r\n"
                    + attachmentBase64 + "\r\n--b--\r\n";
        }
        return raw.getBytes(StandardCharsets.UTF_8);
    }
}
