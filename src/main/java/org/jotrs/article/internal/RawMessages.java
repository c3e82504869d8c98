package org.jotrs.article.internal;

import static org.jotrs.platform.db.schema.Tables.ARTICLE;
import static org.jotrs.platform.db.schema.Tables.ARTICLE_DATA_MIME_PLAIN;
import static org.jotrs.platform.db.schema.Tables.ARTICLE_DATA_MIME_SEND_ERROR;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jotrs.platform.DatabaseKind;
import org.springframework.stereotype.Component;

/**
 * The complete RFC 822 message of an email article, kept as OTRS keeps it in
 * {@code article_data_mime_plain} (its "plain view" and a later migration read it), and OTRS's
 * record of a mail that could not be sent ({@code article_data_mime_send_error}). On PostgreSQL
 * OTRS writes the message base64-encoded into the TEXT column (no direct blob support in its
 * driver); elsewhere the raw bytes.
 */
@Component
class RawMessages {

    private static final Field<String> BODY_TEXT = DSL.field(DSL.name("body"), SQLDataType.CLOB);

    private final DSLContext db;
    private final DatabaseKind kind;
    private final Clock clock;

    RawMessages(DSLContext db, DatabaseKind kind, Clock clock) {
        this.db = db;
        this.kind = kind;
        this.clock = clock;
    }

    void store(long articleId, byte[] message) {
        LocalDateTime now = LocalDateTime.now(clock);
        // OTRS writes the article's author as create_by of its plain message.
        Integer author = db.select(ARTICLE.CREATE_BY).from(ARTICLE).where(ARTICLE.ID.eq(articleId)).fetchOne(ARTICLE.CREATE_BY);
        int actor = author == null ? 1 : author;
        db.deleteFrom(ARTICLE_DATA_MIME_PLAIN).where(ARTICLE_DATA_MIME_PLAIN.ARTICLE_ID.eq(articleId)).execute();
        var insert = db.insertInto(ARTICLE_DATA_MIME_PLAIN)
                .set(ARTICLE_DATA_MIME_PLAIN.ARTICLE_ID, articleId)
                .set(ARTICLE_DATA_MIME_PLAIN.CREATE_TIME, now)
                .set(ARTICLE_DATA_MIME_PLAIN.CREATE_BY, actor)
                .set(ARTICLE_DATA_MIME_PLAIN.CHANGE_TIME, now)
                .set(ARTICLE_DATA_MIME_PLAIN.CHANGE_BY, actor);
        if (kind == DatabaseKind.POSTGRESQL) {
            insert.set(BODY_TEXT, DatabaseAttachmentStorage.encodeBase64(message)).execute();
        } else {
            insert.set(ARTICLE_DATA_MIME_PLAIN.BODY, message).execute();
        }
    }

    Optional<byte[]> read(long articleId) {
        if (kind == DatabaseKind.POSTGRESQL) {
            return db.select(BODY_TEXT).from(ARTICLE_DATA_MIME_PLAIN)
                    .where(ARTICLE_DATA_MIME_PLAIN.ARTICLE_ID.eq(articleId))
                    .orderBy(ARTICLE_DATA_MIME_PLAIN.ID.desc()).limit(1)
                    .fetchOptional(BODY_TEXT)
                    .map(text -> Base64.getMimeDecoder().decode(text.getBytes(StandardCharsets.US_ASCII)));
        }
        return db.select(ARTICLE_DATA_MIME_PLAIN.BODY).from(ARTICLE_DATA_MIME_PLAIN)
                .where(ARTICLE_DATA_MIME_PLAIN.ARTICLE_ID.eq(articleId))
                .orderBy(ARTICLE_DATA_MIME_PLAIN.ID.desc()).limit(1)
                .fetchOptional(ARTICLE_DATA_MIME_PLAIN.BODY);
    }

    void recordSendError(long articleId, String messageId, String error) {
        db.insertInto(ARTICLE_DATA_MIME_SEND_ERROR)
                .set(ARTICLE_DATA_MIME_SEND_ERROR.ARTICLE_ID, articleId)
                .set(ARTICLE_DATA_MIME_SEND_ERROR.MESSAGE_ID, messageId == null ? null
                        : messageId.length() > 200 ? messageId.substring(0, 200) : messageId)
                .set(ARTICLE_DATA_MIME_SEND_ERROR.LOG_MESSAGE, error)
                .set(ARTICLE_DATA_MIME_SEND_ERROR.CREATE_TIME, LocalDateTime.now(clock))
                .execute();
    }

    Optional<String> lastSendError(long articleId) {
        return db.select(ARTICLE_DATA_MIME_SEND_ERROR.LOG_MESSAGE).from(ARTICLE_DATA_MIME_SEND_ERROR)
                .where(ARTICLE_DATA_MIME_SEND_ERROR.ARTICLE_ID.eq(articleId))
                .orderBy(ARTICLE_DATA_MIME_SEND_ERROR.ID.desc()).limit(1)
                .fetchOptional(ARTICLE_DATA_MIME_SEND_ERROR.LOG_MESSAGE);
    }

    /** The newest failure per article of the ticket, in one query. */
    java.util.Map<Long, String> sendErrors(long ticketId) {
        java.util.Map<Long, String> errors = new java.util.HashMap<>();
        db.select(ARTICLE_DATA_MIME_SEND_ERROR.ARTICLE_ID, ARTICLE_DATA_MIME_SEND_ERROR.LOG_MESSAGE)
                .from(ARTICLE_DATA_MIME_SEND_ERROR)
                .where(ARTICLE_DATA_MIME_SEND_ERROR.ARTICLE_ID.in(org.jooq.impl.DSL.select(org.jotrs.platform.db.schema.Tables.ARTICLE.ID)
                        .from(org.jotrs.platform.db.schema.Tables.ARTICLE)
                        .where(org.jotrs.platform.db.schema.Tables.ARTICLE.TICKET_ID.eq(ticketId))))
                .orderBy(ARTICLE_DATA_MIME_SEND_ERROR.ID)
                .forEach(r -> errors.put(r.value1(), r.value2() == null ? "" : r.value2()));
        return errors;
    }

    void clearSendErrors(long articleId) {
        db.deleteFrom(ARTICLE_DATA_MIME_SEND_ERROR).where(ARTICLE_DATA_MIME_SEND_ERROR.ARTICLE_ID.eq(articleId)).execute();
    }
}
