package org.jotrs.article.internal;

import static org.jotrs.platform.db.schema.Tables.ARTICLE_DATA_MIME_ATTACHMENT;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jotrs.article.AttachmentInfo;
import org.jotrs.platform.DatabaseKind;

/**
 * OTRS's ArticleStorageDB: attachments in {@code article_data_mime_attachment}. The content is
 * stored as OTRS stores it on each database: raw bytes in MySQL's LONGBLOB (and H2's BLOB), but
 * base64 text on PostgreSQL, where OTRS's driver has no direct blob support and the column is TEXT.
 */
final class DatabaseAttachmentStorage implements AttachmentStorage {

    /** The same column typed as text, for PostgreSQL's base64 encoding. */
    private static final Field<String> CONTENT_TEXT = DSL.field(DSL.name("content"), SQLDataType.CLOB);

    private final DSLContext db;
    private final DatabaseKind kind;
    private final Clock clock;

    DatabaseAttachmentStorage(DSLContext db, DatabaseKind kind, Clock clock) {
        this.db = db;
        this.kind = kind;
        this.clock = clock;
    }

    @Override
    public void write(long articleId, String contentPath, List<StoredFile> files, int actorId) {
        LocalDateTime now = LocalDateTime.now(clock);
        for (StoredFile file : files) {
            var insert = db.insertInto(ARTICLE_DATA_MIME_ATTACHMENT)
                    .set(ARTICLE_DATA_MIME_ATTACHMENT.ARTICLE_ID, articleId)
                    .set(ARTICLE_DATA_MIME_ATTACHMENT.FILENAME, file.filename())
                    .set(ARTICLE_DATA_MIME_ATTACHMENT.CONTENT_TYPE, file.contentType())
                    .set(ARTICLE_DATA_MIME_ATTACHMENT.CONTENT_SIZE, Integer.toString(file.content().length))
                    .set(ARTICLE_DATA_MIME_ATTACHMENT.CONTENT_ID, file.contentId())
                    .set(ARTICLE_DATA_MIME_ATTACHMENT.CONTENT_ALTERNATIVE, (String) null)
                    // OTRS stores an empty string when no disposition was given.
                    .set(ARTICLE_DATA_MIME_ATTACHMENT.DISPOSITION, file.disposition() == null ? "" : file.disposition())
                    .set(ARTICLE_DATA_MIME_ATTACHMENT.CREATE_TIME, now)
                    .set(ARTICLE_DATA_MIME_ATTACHMENT.CREATE_BY, actorId)
                    .set(ARTICLE_DATA_MIME_ATTACHMENT.CHANGE_TIME, now)
                    .set(ARTICLE_DATA_MIME_ATTACHMENT.CHANGE_BY, actorId);
            if (kind == DatabaseKind.POSTGRESQL) {
                insert.set(CONTENT_TEXT, encodeBase64(file.content())).execute();
            } else {
                insert.set(ARTICLE_DATA_MIME_ATTACHMENT.CONTENT, file.content()).execute();
            }
        }
    }

    @Override
    public List<AttachmentInfo> index(long articleId, String contentPath) {
        return indexes(Map.of(articleId, contentPath == null ? "" : contentPath)).getOrDefault(articleId, List.of());
    }

    /** One query for all the articles, without the contents. */
    @Override
    public Map<Long, List<AttachmentInfo>> indexes(Map<Long, String> contentPaths) {
        Map<Long, List<AttachmentInfo>> indexes = new HashMap<>();
        if (contentPaths.isEmpty()) {
            return indexes;
        }
        var rows = db.select(ARTICLE_DATA_MIME_ATTACHMENT.ARTICLE_ID, ARTICLE_DATA_MIME_ATTACHMENT.FILENAME,
                        ARTICLE_DATA_MIME_ATTACHMENT.CONTENT_TYPE, ARTICLE_DATA_MIME_ATTACHMENT.CONTENT_SIZE,
                        ARTICLE_DATA_MIME_ATTACHMENT.CONTENT_ID, ARTICLE_DATA_MIME_ATTACHMENT.DISPOSITION)
                .from(ARTICLE_DATA_MIME_ATTACHMENT)
                .where(ARTICLE_DATA_MIME_ATTACHMENT.ARTICLE_ID.in(contentPaths.keySet()))
                // OTRS's order, which defines the FileIDs.
                .orderBy(ARTICLE_DATA_MIME_ATTACHMENT.ARTICLE_ID, ARTICLE_DATA_MIME_ATTACHMENT.FILENAME,
                        ARTICLE_DATA_MIME_ATTACHMENT.ID)
                .fetch();
        for (var row : rows) {
            List<AttachmentInfo> index = indexes.computeIfAbsent(row.value1(), id -> new ArrayList<>());
            String filename = row.value2() == null ? "" : row.value2();
            String contentId = row.value5() == null ? "" : row.value5();
            index.add(new AttachmentInfo(index.size() + 1, filename, size(row.value4()), row.value3(), contentId,
                    AttachmentStorage.disposition(row.value6(), filename, row.value3(), contentId)));
        }
        return indexes;
    }

    @Override
    public Optional<byte[]> content(long articleId, String contentPath, int fileId) {
        if (fileId < 1) {
            return Optional.empty();
        }
        List<Long> ids = db.select(ARTICLE_DATA_MIME_ATTACHMENT.ID).from(ARTICLE_DATA_MIME_ATTACHMENT)
                .where(ARTICLE_DATA_MIME_ATTACHMENT.ARTICLE_ID.eq(articleId))
                .orderBy(ARTICLE_DATA_MIME_ATTACHMENT.FILENAME, ARTICLE_DATA_MIME_ATTACHMENT.ID)
                .fetch(ARTICLE_DATA_MIME_ATTACHMENT.ID);
        if (fileId > ids.size()) {
            return Optional.empty();
        }
        long id = ids.get(fileId - 1);
        if (kind == DatabaseKind.POSTGRESQL) {
            return db.select(CONTENT_TEXT).from(ARTICLE_DATA_MIME_ATTACHMENT)
                    .where(ARTICLE_DATA_MIME_ATTACHMENT.ID.eq(id))
                    .fetchOptional(CONTENT_TEXT)
                    .map(text -> Base64.getMimeDecoder().decode(text.getBytes(StandardCharsets.US_ASCII)));
        }
        return db.select(ARTICLE_DATA_MIME_ATTACHMENT.CONTENT).from(ARTICLE_DATA_MIME_ATTACHMENT)
                .where(ARTICLE_DATA_MIME_ATTACHMENT.ID.eq(id))
                .fetchOptional(ARTICLE_DATA_MIME_ATTACHMENT.CONTENT)
                .map(content -> content == null ? new byte[0] : content);
    }

    /** Perl's {@code MIME::Base64::encode_base64}: lines of 76 characters, each ending in a newline. */
    static String encodeBase64(byte[] content) {
        if (content.length == 0) {
            return "";
        }
        return Base64.getMimeEncoder(76, new byte[] {'\n'}).encodeToString(content) + "\n";
    }

    private static long size(String contentSize) {
        try {
            return contentSize == null ? 0 : Long.parseLong(contentSize.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
