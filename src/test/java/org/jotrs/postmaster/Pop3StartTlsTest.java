package org.jotrs.postmaster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jotrs.platform.db.schema.Tables.JOTRS_MAIL_ACCOUNT_SETTING;
import static org.jotrs.platform.db.schema.Tables.TICKET;

import java.time.Duration;

import com.icegreen.greenmail.user.GreenMailUser;

import org.jooq.DSLContext;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.MailServer;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.StartTlsFront;
import org.jotrs.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * A POP3 account of OTRS's type POP3TLS (STLS, RFC 2595) against a server that requires it.
 * GreenMail's POP3 has no STLS of its own, so a STARTTLS front speaks POP3 up to the upgrade and
 * then relays to GreenMail (see {@link StartTlsFront}): fetched over the upgraded connection and
 * deleted on the server once stored; the same type against GreenMail's plain POP3, which offers
 * no STLS, is not logged in to in the clear, and the account shows why.
 */
class Pop3StartTlsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void pop3TlsAccountsFetchOnlyOverStartTls() throws Exception {
        try (MailServer mail = MailServer.start("pop3");
                StartTlsFront front = StartTlsFront.start(StartTlsFront.Protocol.POP3, mail.greenMail().getPop3().getPort());
                TestDatabase database = TestDatabase.create(DatabaseKind.H2);
                RunningJotrs jotrs = RunningJotrs.start(database, "--jotrs.postmaster.poll-interval=200ms",
                        "--jotrs.scheduler.polling-interval=100ms")) {
            DSLContext db = jotrs.bean(DSLContext.class);
            GreenMailUser desk = mail.greenMail().setUser("desk@example.com", "desk", "desk-pw");
            GreenMailUser plain = mail.greenMail().setUser("plain@example.com", "plain", "plain-pw");
            MailFetchingTest.deliver(desk, """
                    From: Carla Customer <carla@example.com>
                    To: desk@example.com
                    Subject: Sent over STLS
                    Message-ID: <tls@example.com>

                    Hello.
                    """);
            MailFetchingTest.deliver(plain, """
                    From: Carla Customer <carla@example.com>
                    To: plain@example.com
                    Subject: Never fetched in the clear
                    Message-ID: <clear@example.com>

                    Hello.
                    """);
            MailFetchingTest.account(db, 1, "desk", "desk-pw", "POP3TLS", 4, 0, front.port());
            MailFetchingTest.account(db, 2, "plain", "plain-pw", "POP3TLS", 4, 0, mail.greenMail().getPop3().getPort());
            db.update(JOTRS_MAIL_ACCOUNT_SETTING).set(JOTRS_MAIL_ACCOUNT_SETTING.SSL_TRUST, "*").execute();

            MailServer.await(() -> db.fetchCount(TICKET, TICKET.TITLE.eq("Sent over STLS")) == 1, WAIT, () -> "ticket fetched");
            assertThat(front.upgraded()).isPositive();
            assertThat(front.refusedBeforeTls()).isZero();
            MailServer.await(() -> inboxSize(mail, desk) == 0, WAIT, () -> "message deleted on the server");

            MailServer.await(() -> db.select(JOTRS_MAIL_ACCOUNT_SETTING.LAST_ERROR).from(JOTRS_MAIL_ACCOUNT_SETTING)
                    .where(JOTRS_MAIL_ACCOUNT_SETTING.ACCOUNT_ID.eq(2)).fetchOne(JOTRS_MAIL_ACCOUNT_SETTING.LAST_ERROR) != null,
                    WAIT, () -> "the plain account's error");
            assertThat(db.select(JOTRS_MAIL_ACCOUNT_SETTING.LAST_ERROR).from(JOTRS_MAIL_ACCOUNT_SETTING)
                    .where(JOTRS_MAIL_ACCOUNT_SETTING.ACCOUNT_ID.eq(2)).fetchOne(JOTRS_MAIL_ACCOUNT_SETTING.LAST_ERROR))
                    .contains("STLS");
            assertThat(db.fetchCount(TICKET, TICKET.TITLE.eq("Never fetched in the clear"))).isZero();
            assertThat(inboxSize(mail, plain)).isEqualTo(1);
        }
    }

    private static int inboxSize(MailServer mail, GreenMailUser user) {
        try {
            return mail.greenMail().getManagers().getImapHostManager().getInbox(user).getMessageCount();
        } catch (com.icegreen.greenmail.store.FolderException e) {
            throw new IllegalStateException(e);
        }
    }
}
