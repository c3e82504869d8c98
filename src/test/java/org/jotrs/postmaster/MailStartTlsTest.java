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
import org.jotrs.testing.StartTlsFront.Protocol;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Accounts of OTRS's types IMAPTLS (STARTTLS) and POP3TLS (STLS, RFC 2595) against a server that
 * requires the upgrade: a STARTTLS front before GreenMail (see {@link StartTlsFront}; GreenMail's
 * POP3 has no STLS of its own, so the front speaks POP3 up to the upgrade). Fetched over the
 * upgraded connection and deleted on the server once stored; the same type against GreenMail's
 * plain server, which offers no upgrade, is not logged in to in the clear, and the account shows why.
 */
class MailStartTlsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @ParameterizedTest
    @EnumSource(value = Protocol.class, names = {"IMAP", "POP3"})
    void tlsAccountsFetchOnlyAfterTheUpgrade(Protocol protocol) throws Exception {
        boolean imap = protocol == Protocol.IMAP;
        try (MailServer mail = MailServer.start(imap ? "imap" : "pop3");
                StartTlsFront front = StartTlsFront.start(protocol, serverPort(mail, imap));
                TestDatabase database = TestDatabase.create(DatabaseKind.H2);
                RunningJotrs jotrs = RunningJotrs.start(database, "--jotrs.postmaster.poll-interval=200ms",
                        "--jotrs.scheduler.polling-interval=100ms")) {
            DSLContext db = jotrs.bean(DSLContext.class);
            GreenMailUser desk = mail.greenMail().setUser("desk@example.com", "desk", "desk-pw");
            GreenMailUser plain = mail.greenMail().setUser("plain@example.com", "plain", "plain-pw");
            MailFetchingTest.deliver(desk, """
                    From: Carla Customer <carla@example.com>
                    To: desk@example.com
                    Subject: Sent over STARTTLS
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
            String type = imap ? "IMAPTLS" : "POP3TLS";
            MailFetchingTest.account(db, 1, "desk", "desk-pw", type, 4, 0, front.port());
            MailFetchingTest.account(db, 2, "plain", "plain-pw", type, 4, 0, serverPort(mail, imap));
            db.update(JOTRS_MAIL_ACCOUNT_SETTING).set(JOTRS_MAIL_ACCOUNT_SETTING.SSL_TRUST, "*").execute();

            MailServer.await(() -> db.fetchCount(TICKET, TICKET.TITLE.eq("Sent over STARTTLS")) == 1, WAIT, () -> "ticket fetched");
            assertThat(front.upgraded()).isPositive();
            assertThat(front.refusedBeforeTls()).isZero();
            MailServer.await(() -> inboxSize(mail, desk) == 0, WAIT, () -> "message deleted on the server");

            MailServer.await(() -> db.select(JOTRS_MAIL_ACCOUNT_SETTING.LAST_ERROR).from(JOTRS_MAIL_ACCOUNT_SETTING)
                    .where(JOTRS_MAIL_ACCOUNT_SETTING.ACCOUNT_ID.eq(2)).fetchOne(JOTRS_MAIL_ACCOUNT_SETTING.LAST_ERROR) != null,
                    WAIT, () -> "the plain account's error");
            assertThat(db.select(JOTRS_MAIL_ACCOUNT_SETTING.LAST_ERROR).from(JOTRS_MAIL_ACCOUNT_SETTING)
                    .where(JOTRS_MAIL_ACCOUNT_SETTING.ACCOUNT_ID.eq(2)).fetchOne(JOTRS_MAIL_ACCOUNT_SETTING.LAST_ERROR))
                    .containsIgnoringCase(imap ? "STARTTLS" : "STLS");
            assertThat(db.fetchCount(TICKET, TICKET.TITLE.eq("Never fetched in the clear"))).isZero();
            assertThat(inboxSize(mail, plain)).isEqualTo(1);
        }
    }

    private static int serverPort(MailServer mail, boolean imap) {
        return imap ? mail.greenMail().getImap().getPort() : mail.greenMail().getPop3().getPort();
    }

    private static int inboxSize(MailServer mail, GreenMailUser user) {
        try {
            return mail.greenMail().getManagers().getImapHostManager().getInbox(user).getMessageCount();
        } catch (com.icegreen.greenmail.store.FolderException e) {
            throw new IllegalStateException(e);
        }
    }
}
