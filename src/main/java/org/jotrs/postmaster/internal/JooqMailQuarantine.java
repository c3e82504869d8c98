package org.jotrs.postmaster.internal;

import static org.jotrs.platform.db.schema.Tables.JOTRS_MAIL_QUARANTINE;

import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jotrs.access.AccessService;
import org.jotrs.platform.AuditLog;
import org.jotrs.platform.NoSuchEntry;
import org.jotrs.postmaster.Delivery;
import org.jotrs.postmaster.MailQuarantine;
import org.jotrs.postmaster.QuarantinedMail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JooqMailQuarantine implements MailQuarantine {

    private final DSLContext db;
    private final AccessService access;
    private final AuditLog audit;
    private final PostmasterPipeline pipeline;
    private final MailAccountRows accounts;
    private final PostmasterProperties properties;
    private final org.springframework.transaction.support.TransactionTemplate transactions;

    JooqMailQuarantine(DSLContext db, AccessService access, AuditLog audit, PostmasterPipeline pipeline,
            MailAccountRows accounts, PostmasterProperties properties,
            org.springframework.transaction.support.TransactionTemplate transactions) {
        this.db = db;
        this.access = access;
        this.audit = audit;
        this.pipeline = pipeline;
        this.accounts = accounts;
        this.properties = properties;
        this.transactions = transactions;
    }

    @Override
    @Transactional(readOnly = true)
    public List<QuarantinedMail> entries(int actorId, int limit) {
        access.requireAdmin(actorId);
        return db.select(JOTRS_MAIL_QUARANTINE.ID, JOTRS_MAIL_QUARANTINE.ACCOUNT_ID, JOTRS_MAIL_QUARANTINE.MESSAGE_SIZE,
                        JOTRS_MAIL_QUARANTINE.SENDER, JOTRS_MAIL_QUARANTINE.SUBJECT, JOTRS_MAIL_QUARANTINE.ERROR,
                        JOTRS_MAIL_QUARANTINE.CREATE_TIME)
                .from(JOTRS_MAIL_QUARANTINE).orderBy(JOTRS_MAIL_QUARANTINE.ID.desc())
                .limit(Math.max(1, Math.min(limit, 1000)))
                .fetch(r -> new QuarantinedMail(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7()));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<byte[]> rawMessage(int actorId, long id) {
        access.requireAdmin(actorId);
        return db.select(JOTRS_MAIL_QUARANTINE.RAW_MESSAGE).from(JOTRS_MAIL_QUARANTINE)
                .where(JOTRS_MAIL_QUARANTINE.ID.eq(id)).fetchOptional(JOTRS_MAIL_QUARANTINE.RAW_MESSAGE);
    }

    @Override
    public Delivery retry(int actorId, long id) {
        access.requireAdmin(actorId);
        var entry = db.selectFrom(JOTRS_MAIL_QUARANTINE).where(JOTRS_MAIL_QUARANTINE.ID.eq(id)).fetchOptional()
                .orElseThrow(() -> new NoSuchEntry("not-found.quarantined-message", String.valueOf(id)));
        Optional<MailAccount> account = entry.getAccountId() == PostmasterPipeline.PIPE ? Optional.empty()
                : accounts.find(entry.getAccountId());
        Delivery delivery = pipeline.retry(id, entry.getAccountId(), account.map(MailAccount::queueId).orElse(null),
                account.map(MailAccount::trusted).orElse(properties.pipeTrusted()), entry.getRawMessage());
        transactions.executeWithoutResult(status -> {
            if (delivery instanceof Delivery.Quarantined again) {
                db.update(JOTRS_MAIL_QUARANTINE).set(JOTRS_MAIL_QUARANTINE.ERROR, IncomingStore.cut(again.reason(), 4000))
                        .where(JOTRS_MAIL_QUARANTINE.ID.eq(id)).execute();
            }
            audit.record(actorId, "quarantine", "message " + id, "retry",
                    List.of(new AuditLog.Change("result", null, delivery.getClass().getSimpleName())));
        });
        return delivery;
    }

    @Override
    @Transactional
    public void drop(int actorId, long id) {
        access.requireAdmin(actorId);
        var entry = db.selectFrom(JOTRS_MAIL_QUARANTINE).where(JOTRS_MAIL_QUARANTINE.ID.eq(id)).fetchOptional()
                .orElseThrow(() -> new NoSuchEntry("not-found.quarantined-message", String.valueOf(id)));
        db.deleteFrom(JOTRS_MAIL_QUARANTINE).where(JOTRS_MAIL_QUARANTINE.ID.eq(id)).execute();
        audit.record(actorId, "quarantine", "message " + id, "drop",
                List.of(new AuditLog.Change("subject", entry.getSubject(), null)));
    }
}
