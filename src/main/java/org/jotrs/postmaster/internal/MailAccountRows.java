package org.jotrs.postmaster.internal;

import static org.jotrs.platform.db.schema.Tables.JOTRS_MAIL_ACCOUNT_SETTING;
import static org.jotrs.platform.db.schema.Tables.MAIL_ACCOUNT;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jotrs.mail.OAuth2AccessTokens;
import org.jotrs.platform.SecretBox;
import org.springframework.stereotype.Component;

/** Reads mail accounts (OTRS {@code mail_account} joined with {@code jotrs_mail_account_setting}) and records fetch results. */
@Component
class MailAccountRows {

    private final DSLContext db;
    private final SecretBox secrets;
    private final Clock clock;

    MailAccountRows(DSLContext db, SecretBox secrets, Clock clock) {
        this.db = db;
        this.secrets = secrets;
        this.clock = clock;
    }

    List<MailAccount> valid() {
        return query().where(MAIL_ACCOUNT.VALID_ID.eq((short) 1)).orderBy(MAIL_ACCOUNT.ID).fetch(this::account);
    }

    List<MailAccount> all() {
        return query().orderBy(MAIL_ACCOUNT.ID).fetch(this::account);
    }

    Optional<MailAccount> find(int id) {
        return query().where(MAIL_ACCOUNT.ID.eq(id)).fetchOptional(this::account);
    }

    private org.jooq.SelectOnConditionStep<Record> query() {
        return db.select().from(MAIL_ACCOUNT).leftJoin(JOTRS_MAIL_ACCOUNT_SETTING)
                .on(JOTRS_MAIL_ACCOUNT_SETTING.ACCOUNT_ID.eq(MAIL_ACCOUNT.ID));
    }

    private MailAccount account(Record r) {
        String tokenUrl = r.get(JOTRS_MAIL_ACCOUNT_SETTING.OAUTH2_TOKEN_URL);
        OAuth2AccessTokens.Grant grant = tokenUrl == null || tokenUrl.isBlank() ? null
                : new OAuth2AccessTokens.Grant(tokenUrl, r.get(JOTRS_MAIL_ACCOUNT_SETTING.OAUTH2_CLIENT_ID),
                        secrets.open(r.get(JOTRS_MAIL_ACCOUNT_SETTING.OAUTH2_CLIENT_SECRET)),
                        secrets.open(r.get(JOTRS_MAIL_ACCOUNT_SETTING.OAUTH2_REFRESH_TOKEN)),
                        r.get(JOTRS_MAIL_ACCOUNT_SETTING.OAUTH2_SCOPE));
        Integer queueId = r.get(MAIL_ACCOUNT.QUEUE_ID);
        return new MailAccount(r.get(MAIL_ACCOUNT.ID), r.get(MAIL_ACCOUNT.LOGIN), r.get(MAIL_ACCOUNT.PW),
                r.get(MAIL_ACCOUNT.HOST), r.get(MAIL_ACCOUNT.ACCOUNT_TYPE), queueId == null || queueId == 0 ? null : queueId,
                r.get(MAIL_ACCOUNT.TRUSTED) != null && r.get(MAIL_ACCOUNT.TRUSTED) == 1, r.get(MAIL_ACCOUNT.IMAP_FOLDER),
                r.get(JOTRS_MAIL_ACCOUNT_SETTING.PORT), "seen".equals(r.get(JOTRS_MAIL_ACCOUNT_SETTING.AFTER_FETCH)),
                r.get(JOTRS_MAIL_ACCOUNT_SETTING.SSL_TRUST), grant, r.get(MAIL_ACCOUNT.VALID_ID) == 1);
    }

    /** The outcome of the last fetch, for the admin screen. */
    record FetchState(LocalDateTime lastFetch, Integer lastCount, String lastError) {
    }

    Optional<FetchState> state(int accountId) {
        return db.select(JOTRS_MAIL_ACCOUNT_SETTING.LAST_FETCH_TIME, JOTRS_MAIL_ACCOUNT_SETTING.LAST_FETCH_COUNT,
                        JOTRS_MAIL_ACCOUNT_SETTING.LAST_ERROR)
                .from(JOTRS_MAIL_ACCOUNT_SETTING).where(JOTRS_MAIL_ACCOUNT_SETTING.ACCOUNT_ID.eq(accountId))
                .fetchOptional(r -> new FetchState(r.value1(), r.value2(), r.value3()));
    }

    void recordFetch(int accountId, int count, String error) {
        ensureSettings(accountId);
        db.update(JOTRS_MAIL_ACCOUNT_SETTING)
                .set(JOTRS_MAIL_ACCOUNT_SETTING.LAST_FETCH_TIME, LocalDateTime.now(clock))
                .set(JOTRS_MAIL_ACCOUNT_SETTING.LAST_FETCH_COUNT, count)
                .set(JOTRS_MAIL_ACCOUNT_SETTING.LAST_ERROR, IncomingStore.cut(error, 4000))
                .where(JOTRS_MAIL_ACCOUNT_SETTING.ACCOUNT_ID.eq(accountId))
                .execute();
    }

    /** Accounts made by OTRS have no settings row yet: defaults (protocol port, delete after fetch). */
    void ensureSettings(int accountId) {
        if (!db.fetchExists(JOTRS_MAIL_ACCOUNT_SETTING, JOTRS_MAIL_ACCOUNT_SETTING.ACCOUNT_ID.eq(accountId))) {
            try {
                db.insertInto(JOTRS_MAIL_ACCOUNT_SETTING)
                        .set(JOTRS_MAIL_ACCOUNT_SETTING.ACCOUNT_ID, accountId)
                        .set(JOTRS_MAIL_ACCOUNT_SETTING.AFTER_FETCH, "delete")
                        .execute();
            } catch (org.springframework.dao.DuplicateKeyException e) {
                // made at the same moment elsewhere
            }
        }
    }
}
