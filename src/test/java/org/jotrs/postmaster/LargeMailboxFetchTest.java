package org.jotrs.postmaster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jotrs.platform.db.schema.Tables.JOTRS_MAIL_ACCOUNT_SETTING;
import static org.jotrs.platform.db.schema.Tables.TICKET;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;

import com.icegreen.greenmail.user.GreenMailUser;

import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.jooq.DSLContext;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.MailServer;
import org.jotrs.testing.OnEveryDatabase;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;
import org.jotrs.testing.TcpProxy;

/**
 * A mailbox bigger than one fetch (issue 14: "a mailbox of 10,000 messages is fetched in batches
 * without holding them in memory"): with {@code batch-size} 40, 240 messages (every tenth with a
 * 300 KB attachment, so that chunks split by size as well) come in over several runs; the
 * connection to the server is cut in the middle (the fetcher sees a closed folder), and still
 * every message becomes exactly one ticket and leaves the server. An account that keeps mail
 * gets each unseen message once, and finds them all seen afterwards.
 */
class LargeMailboxFetchTest {

    private static final int BATCH = 40;
    private static final Duration WAIT = Duration.ofSeconds(120);

    @OnEveryDatabase
    void bigMailboxInBatchesSurvivesACutConnection(DatabaseKind kind) throws Exception {
        int count = 240;
        try (MailServer mail = MailServer.start("imap");
                TcpProxy proxy = new TcpProxy("127.0.0.1", mail.greenMail().getImap().getPort());
                TestDatabase database = TestDatabase.create(kind);
                RunningJotrs jotrs = RunningJotrs.start(database, "--jotrs.postmaster.poll-interval=100ms",
                        "--jotrs.postmaster.batch-size=" + BATCH, "--jotrs.scheduler.polling-interval=100ms")) {
            DSLContext db = jotrs.bean(DSLContext.class);
            GreenMailUser desk = mail.greenMail().setUser("desk@example.com", "desk", "desk-pw");
            for (int i = 0; i < count; i++) {
                deliver(desk, message(i));
            }
            MailFetchingTest.account(db, 1, "desk", "desk-pw", "IMAP", 4, 0, proxy.port());

            // More than one batch in, then the connection dies under the fetcher.
            List<Integer> runCounts = new ArrayList<>();
            MailServer.await(() -> {
                sampleRunCount(db, runCounts);
                return db.fetchCount(TICKET) > BATCH + BATCH / 2;
            }, WAIT, () -> "more than a batch fetched, have " + db.fetchCount(TICKET));
            proxy.cut();
            MailServer.await(() -> lastError(db) != null, WAIT, () -> "the fetch failure recorded");
            assertThat(lastError(db)).contains("Mail server");
            proxy.restore();

            MailServer.await(() -> {
                sampleRunCount(db, runCounts);
                return db.fetchCount(TICKET) >= count && mail.greenMail().getReceivedMessagesForDomain("desk@example.com").length == 0;
            }, WAIT, () -> "all fetched and gone from the server, have " + db.fetchCount(TICKET) + " tickets and "
                    + mail.greenMail().getReceivedMessagesForDomain("desk@example.com").length + " on the server");
            assertThat(db.fetchCount(TICKET)).isEqualTo(count);
            assertThat(db.fetchCount(db.selectDistinct(TICKET.TITLE).from(TICKET))).isEqualTo(count);
            assertThat(runCounts).isNotEmpty().allSatisfy(n -> assertThat(n).isBetween(0, BATCH));
            assertThat(lastError(db)).isNull();
        }
    }

    @OnEveryDatabase
    void keptMailIsFetchedOnceAcrossBatches(DatabaseKind kind) throws Exception {
        int count = 100;
        try (MailServer mail = MailServer.start("imap");
                TestDatabase database = TestDatabase.create(kind);
                RunningJotrs jotrs = RunningJotrs.start(database, "--jotrs.postmaster.poll-interval=100ms",
                        "--jotrs.postmaster.batch-size=" + BATCH, "--jotrs.scheduler.polling-interval=100ms")) {
            DSLContext db = jotrs.bean(DSLContext.class);
            GreenMailUser desk = mail.greenMail().setUser("desk@example.com", "desk", "desk-pw");
            for (int i = 0; i < count; i++) {
                deliver(desk, message(i));
            }
            MailFetchingTest.account(db, 1, "desk", "desk-pw", "IMAP", 4, 0, mail.greenMail().getImap().getPort());
            db.update(JOTRS_MAIL_ACCOUNT_SETTING).set(JOTRS_MAIL_ACCOUNT_SETTING.AFTER_FETCH, "seen")
                    .where(JOTRS_MAIL_ACCOUNT_SETTING.ACCOUNT_ID.eq(1)).execute();

            MailServer.await(() -> db.fetchCount(TICKET) >= count, WAIT, () -> "all fetched, have " + db.fetchCount(TICKET));
            MimeMessage[] onServer = mail.greenMail().getReceivedMessagesForDomain("desk@example.com");
            assertThat(onServer).hasSize(count);
            MailServer.await(() -> java.util.Arrays.stream(mail.greenMail().getReceivedMessagesForDomain("desk@example.com"))
                    .allMatch(LargeMailboxFetchTest::seen), WAIT, () -> "every message seen");
            // Runs go on (every 100 ms) and find nothing unseen: no ticket twice.
            LocalDateTime runBefore = fetchTime(db);
            MailServer.await(() -> fetchTime(db).isAfter(runBefore), WAIT, () -> "another run");
            assertThat(db.fetchCount(TICKET)).isEqualTo(count);
            assertThat(db.fetchCount(db.selectDistinct(TICKET.TITLE).from(TICKET))).isEqualTo(count);
        }
    }

    private static boolean seen(MimeMessage message) {
        try {
            return message.getFlags().contains(Flags.Flag.SEEN);
        } catch (jakarta.mail.MessagingException e) {
            return false;
        }
    }

    private static LocalDateTime fetchTime(DSLContext db) {
        LocalDateTime time = db.select(JOTRS_MAIL_ACCOUNT_SETTING.LAST_FETCH_TIME).from(JOTRS_MAIL_ACCOUNT_SETTING)
                .where(JOTRS_MAIL_ACCOUNT_SETTING.ACCOUNT_ID.eq(1)).fetchOne(JOTRS_MAIL_ACCOUNT_SETTING.LAST_FETCH_TIME);
        return time == null ? LocalDateTime.MIN : time;
    }

    private static String lastError(DSLContext db) {
        return db.select(JOTRS_MAIL_ACCOUNT_SETTING.LAST_ERROR).from(JOTRS_MAIL_ACCOUNT_SETTING)
                .where(JOTRS_MAIL_ACCOUNT_SETTING.ACCOUNT_ID.eq(1)).fetchOne(JOTRS_MAIL_ACCOUNT_SETTING.LAST_ERROR);
    }

    private static void sampleRunCount(DSLContext db, List<Integer> runCounts) {
        Integer last = db.select(JOTRS_MAIL_ACCOUNT_SETTING.LAST_FETCH_COUNT).from(JOTRS_MAIL_ACCOUNT_SETTING)
                .where(JOTRS_MAIL_ACCOUNT_SETTING.ACCOUNT_ID.eq(1)).fetchOne(JOTRS_MAIL_ACCOUNT_SETTING.LAST_FETCH_COUNT);
        if (last != null) {
            runCounts.add(last);
        }
    }

    private static final String ATTACHMENT;

    static {
        byte[] bytes = new byte[300 * 1024];
        new Random(3).nextBytes(bytes);
        ATTACHMENT = java.util.Base64.getMimeEncoder().encodeToString(bytes);
    }

    private static String message(int i) {
        String head = "From: customer" + (i % 7) + "@example.com\r\nTo: desk@example.com\r\nSubject: Box " + i
                + "\r\nMessage-ID: <box-" + i + "@example.com>\r\nMIME-Version: 1.0\r\n";
        String text = ("Message " + i + ": the printer is out of toner.\r\n").repeat(40);
        if (i % 10 != 0) {
            return head + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + text;
        }
        return head + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + text + "\r\n--b\r\nContent-Type: application/octet-stream; name=\"log.bin\"\r\n"
                + "Content-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=\"log.bin\"\r\n\r\n"
                + ATTACHMENT + "\r\n--b--\r\n";
    }

    private static void deliver(GreenMailUser user, String raw) throws Exception {
        user.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))));
    }
}
