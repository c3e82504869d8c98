package org.jotrs.postmaster;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import com.icegreen.greenmail.user.GreenMailUser;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.jooq.DSLContext;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.MailServer;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;

/**
 * The heap while the fetcher empties a big mailbox (issue 14: "a mailbox of 10,000 messages is
 * fetched in batches without holding them in memory"). GreenMail (IMAP, in this JVM) gets COUNT
 * messages of the shape (about 20 KB of text, every tenth with a 200 KB attachment);
 * Jotrs, started as the tests start it on a fresh database of the given kind, fetches them with an
 * IMAP account. A sampler reads the heap every 100 ms: used, and the live set the last collection
 * left in the old generation. The mailbox itself lives in this JVM's heap (GreenMail keeps it in
 * memory), so the figure that tells what fetching holds is the live set during the fetch minus the
 * live set before it (after a full collection, mailbox filled, Jotrs idle). Not a test: run with
 * {@code bench/mailbox-heap.sh} (docs/benchmarks.md).
 *
 * <p>Arguments: {@code count [POSTGRESQL|MARIADB|H2] [timeout]}, the last being {@code jotrs.postmaster.timeout}.
 */
public final class MailboxFetchBenchmark {

    private MailboxFetchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        DatabaseKind kind = args.length > 1 ? DatabaseKind.valueOf(args[1]) : DatabaseKind.POSTGRESQL;
        // The mail server timeout (jotrs.postmaster.timeout, 30s by default).
        String timeout = args.length > 2 ? args[2] : "30s";
        byte[] attachment = new byte[200 * 1024];
        new Random(7).nextBytes(attachment);
        String attachmentBase64 = Base64.getMimeEncoder().encodeToString(attachment);
        try (MailServer mail = MailServer.start("imap");
                TestDatabase database = TestDatabase.create(kind);
                RunningJotrs jotrs = RunningJotrs.start(database, "--jotrs.postmaster.poll-interval=200ms", "--jotrs.postmaster.timeout=" + timeout,
                        "--jotrs.scheduler.polling-interval=100ms", "--logging.level.org.jotrs=WARN")) {
            DSLContext db = jotrs.bean(DSLContext.class);
            GreenMailUser desk = mail.greenMail().setUser("desk@example.com", "desk", "desk-pw");
            Session session = Session.getInstance(new Properties());
            long bytes = 0;
            for (int i = 0; i < count; i++) {
                byte[] raw = message(i, i % 10 == 0 ? attachmentBase64 : null);
                bytes += raw.length;
                desk.deliver(new MimeMessage(session, new ByteArrayInputStream(raw)));
            }
            System.out.printf("mailbox: %d messages, %.1f MB%n", count, bytes / 1e6);
            long before = liveAfterFullGc();
            System.out.printf("live heap before fetching (mailbox in GreenMail, Jotrs idle): %.1f MB%n", before / 1e6);

            AtomicLong peakUsed = new AtomicLong();
            AtomicLong peakLive = new AtomicLong();
            Thread sampler = Thread.ofPlatform().daemon().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                    peakUsed.accumulateAndGet(used, Math::max);
                    peakLive.accumulateAndGet(oldGenAfterLastGc(), Math::max);
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            long start = System.nanoTime();
            MailFetchingTest.account(db, 1, "desk", "desk-pw", "IMAP", 4, 0, mail.greenMail().getImap().getPort());
            long deadline = System.nanoTime() + java.time.Duration.ofMinutes(40).toNanos();
            long last = -1000;
            while (true) {
                long tickets = db.fetchCount(org.jotrs.platform.db.schema.Tables.TICKET);
                if (tickets >= count) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + tickets + " tickets after 40 minutes");
                }
                if (tickets / 1000 != last / 1000) {
                    System.out.printf("  %d tickets after %.0f s (so far: peak live set %.1f MB, held by fetching %.1f MB; load %s)%n",
                            tickets, (System.nanoTime() - start) / 1e9, peakLive.get() / 1e6, (peakLive.get() - before) / 1e6,
                            Files.readString(Path.of("/proc/loadavg")).strip());
                    last = tickets;
                }
                Thread.sleep(500);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            sampler.interrupt();
            sampler.join();
            long after = liveAfterFullGc();
            System.out.printf("fetched %d messages in %.0f s (%.1f messages/s) on %s%n", count, seconds, count / seconds, kind);
            System.out.printf("heap: max %.0f MB; peak used %.1f MB; peak live set after a collection %.1f MB;"
                    + " live after fetching (mailbox emptied) %.1f MB%n",
                    Runtime.getRuntime().maxMemory() / 1e6, peakUsed.get() / 1e6, peakLive.get() / 1e6, after / 1e6);
            System.out.printf("held by fetching: peak live set minus live before = %.1f MB%n", (peakLive.get() - before) / 1e6);
            System.out.println("load average: " + Files.readString(Path.of("/proc/loadavg")).strip());
        }
        System.exit(0);
    }

    private static long liveAfterFullGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The old generation's occupancy after the last collection (G1 Old Gen's collection usage). */
    private static long oldGenAfterLastGc() {
        long live = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getName().contains("Old") && pool.getCollectionUsage() != null) {
                live += pool.getCollectionUsage().getUsed();
            }
        }
        return live;
    }

    private static byte[] message(int i, String attachmentBase64) {
        StringBuilder text = new StringBuilder();
        Random random = new Random(i);
        while (text.length() < 20_000) {
            text.append("Line ").append(random.nextInt(1_000_000)).append(" of message ").append(i)
                    .append(": the printer on floor ").append(random.nextInt(9)).append(" is out of toner again.\r\n");
        }
        String head = "From: Customer " + i + " <customer" + (i % 500) + "@example.com>\r\nTo: desk@example.com\r\n"
                + "Subject: Mailbox message " + i + "\r\nMessage-ID: <box-" + i + "@example.com>\r\nMIME-Version: 1.0\r\n";
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
