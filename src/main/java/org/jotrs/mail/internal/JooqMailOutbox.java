package org.jotrs.mail.internal;

import static org.jotrs.platform.Messages.t;
import static org.jotrs.platform.db.schema.Tables.JOTRS_MAIL_OUTBOX;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

import org.jooq.DSLContext;
import org.jotrs.access.AccessService;
import org.jotrs.article.ArticleService;
import org.jotrs.mail.MailOutbox;
import org.jotrs.mail.OutboxEntry;
import org.jotrs.platform.AuditLog;
import org.jotrs.platform.InvalidInput;
import org.jotrs.platform.NoSuchEntry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JooqMailOutbox implements MailOutbox {

    private final DSLContext db;
    private final AccessService access;
    private final ArticleService articles;
    private final AuditLog audit;
    private final Clock clock;

    JooqMailOutbox(DSLContext db, AccessService access, ArticleService articles, AuditLog audit, Clock clock) {
        this.db = db;
        this.access = access;
        this.articles = articles;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<OutboxEntry> entries(int actorId, int limit) {
        access.requireAdmin(actorId);
        return db.select(JOTRS_MAIL_OUTBOX.ID, JOTRS_MAIL_OUTBOX.ARTICLE_ID, JOTRS_MAIL_OUTBOX.MESSAGE_ID,
                        JOTRS_MAIL_OUTBOX.SENDER, JOTRS_MAIL_OUTBOX.RECIPIENTS, JOTRS_MAIL_OUTBOX.SUBJECT,
                        JOTRS_MAIL_OUTBOX.ATTEMPTS, JOTRS_MAIL_OUTBOX.NEXT_ATTEMPT_TIME, JOTRS_MAIL_OUTBOX.FAILED,
                        JOTRS_MAIL_OUTBOX.LAST_SMTP_CODE, JOTRS_MAIL_OUTBOX.LAST_ERROR, JOTRS_MAIL_OUTBOX.CREATE_TIME)
                .from(JOTRS_MAIL_OUTBOX)
                .orderBy(JOTRS_MAIL_OUTBOX.FAILED.desc(), JOTRS_MAIL_OUTBOX.ID)
                .limit(Math.max(1, Math.min(limit, 1000)))
                .fetch(r -> new OutboxEntry(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8(), r.value9() == 1, r.value10(), r.value11(), r.value12()));
    }

    @Override
    @Transactional(readOnly = true)
    public Counts counts(int actorId) {
        access.requireAdmin(actorId);
        var row = db.select(
                        org.jooq.impl.DSL.count().filterWhere(JOTRS_MAIL_OUTBOX.FAILED.eq((short) 0)),
                        org.jooq.impl.DSL.count().filterWhere(JOTRS_MAIL_OUTBOX.FAILED.eq((short) 1)))
                .from(JOTRS_MAIL_OUTBOX).fetchSingle();
        return new Counts(row.value1(), row.value2());
    }

    @Override
    @Transactional
    public void sendAgain(int actorId, long entryId) {
        access.requireAdmin(actorId);
        var entry = entry(entryId);
        db.update(JOTRS_MAIL_OUTBOX)
                .set(JOTRS_MAIL_OUTBOX.ATTEMPTS, 0)
                .set(JOTRS_MAIL_OUTBOX.FAILED, (short) 0)
                .set(JOTRS_MAIL_OUTBOX.NEXT_ATTEMPT_TIME, LocalDateTime.now(clock))
                .where(JOTRS_MAIL_OUTBOX.ID.eq(entryId))
                .execute();
        if (entry.getArticleId() != null) {
            articles.clearSendErrors(entry.getArticleId());
        }
        audit.record(actorId, "outbox", "mail " + entryId + " " + entry.getMessageId(), "send-again",
                List.of(new AuditLog.Change("attempts", Integer.toString(entry.getAttempts()), "0")));
    }

    @Override
    @Transactional
    public void drop(int actorId, long entryId) {
        access.requireAdmin(actorId);
        var entry = entry(entryId);
        if (entry.getFailed() != 1) {
            throw InvalidInput.of("outbox", t("validation.outbox.still-sending"));
        }
        db.deleteFrom(JOTRS_MAIL_OUTBOX).where(JOTRS_MAIL_OUTBOX.ID.eq(entryId)).execute();
        audit.record(actorId, "outbox", "mail " + entryId + " " + entry.getMessageId(), "drop",
                List.of(new AuditLog.Change("recipients", entry.getRecipients(), null)));
    }

    private org.jotrs.platform.db.schema.tables.records.JotrsMailOutboxRecord entry(long entryId) {
        var entry = db.selectFrom(JOTRS_MAIL_OUTBOX).where(JOTRS_MAIL_OUTBOX.ID.eq(entryId)).forUpdate().fetchOne();
        if (entry == null) {
            throw new NoSuchEntry("not-found.outbox-mail", String.valueOf(entryId));
        }
        return entry;
    }
}
