package org.jotrs.postmaster.internal;

import static org.jotrs.platform.db.schema.Tables.JOTRS_MAIL_QUARANTINE;
import static org.jotrs.platform.db.schema.Tables.JOTRS_MAIL_RECEIVED;

import java.time.Clock;
import java.time.LocalDateTime;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** The postmaster's own rows: what was taken in ({@code jotrs_mail_received}) and the quarantine. */
@Component
class IncomingStore {

    private final DSLContext db;
    private final Clock clock;

    IncomingStore(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    boolean seen(int accountId, String digest) {
        return db.fetchExists(JOTRS_MAIL_RECEIVED, JOTRS_MAIL_RECEIVED.ACCOUNT_ID.eq(accountId)
                .and(JOTRS_MAIL_RECEIVED.DIGEST.eq(digest)));
    }

    void received(int accountId, String digest, String messageId, Long ticketId, Long articleId, Long quarantineId) {
        db.insertInto(JOTRS_MAIL_RECEIVED)
                .set(JOTRS_MAIL_RECEIVED.ACCOUNT_ID, accountId)
                .set(JOTRS_MAIL_RECEIVED.DIGEST, digest)
                .set(JOTRS_MAIL_RECEIVED.MESSAGE_ID, cut(messageId, 998))
                .set(JOTRS_MAIL_RECEIVED.TICKET_ID, ticketId)
                .set(JOTRS_MAIL_RECEIVED.ARTICLE_ID, articleId)
                .set(JOTRS_MAIL_RECEIVED.QUARANTINE_ID, quarantineId)
                .set(JOTRS_MAIL_RECEIVED.CREATE_TIME, LocalDateTime.now(clock))
                .execute();
    }

    /** After a successful retry from the quarantine, the received row points at the article. */
    void resolved(long quarantineId, long ticketId, long articleId) {
        db.update(JOTRS_MAIL_RECEIVED)
                .set(JOTRS_MAIL_RECEIVED.TICKET_ID, ticketId)
                .set(JOTRS_MAIL_RECEIVED.ARTICLE_ID, articleId)
                .set(JOTRS_MAIL_RECEIVED.QUARANTINE_ID, (Long) null)
                .where(JOTRS_MAIL_RECEIVED.QUARANTINE_ID.eq(quarantineId))
                .execute();
        db.deleteFrom(JOTRS_MAIL_QUARANTINE).where(JOTRS_MAIL_QUARANTINE.ID.eq(quarantineId)).execute();
    }

    long quarantine(int accountId, byte[] raw, String sender, String subject, String error) {
        return db.insertInto(JOTRS_MAIL_QUARANTINE)
                .set(JOTRS_MAIL_QUARANTINE.ACCOUNT_ID, accountId)
                .set(JOTRS_MAIL_QUARANTINE.RAW_MESSAGE, raw)
                .set(JOTRS_MAIL_QUARANTINE.MESSAGE_SIZE, raw.length)
                .set(JOTRS_MAIL_QUARANTINE.SENDER, cut(sender, 1000))
                .set(JOTRS_MAIL_QUARANTINE.SUBJECT, cut(subject, 1000))
                .set(JOTRS_MAIL_QUARANTINE.ERROR, cut(error == null ? "unknown error" : error, 4000))
                .set(JOTRS_MAIL_QUARANTINE.CREATE_TIME, LocalDateTime.now(clock))
                .returning(JOTRS_MAIL_QUARANTINE.ID)
                .fetchSingle()
                .getId();
    }

    static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
