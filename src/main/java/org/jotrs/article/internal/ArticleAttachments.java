package org.jotrs.article.internal;

import static org.jotrs.platform.Messages.t;

import java.text.DecimalFormat;
import java.time.Clock;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jooq.DSLContext;
import org.jotrs.article.AttachmentInfo;
import org.jotrs.article.NewAttachment;
import org.jotrs.article.internal.AttachmentStorage.StoredFile;
import org.jotrs.platform.DatabaseKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The attachments of articles across both storage backends: new files go to the configured one
 * ({@code jotrs.article.storage}); reading asks the configured one first and the other one when it
 * holds nothing for the article, as OTRS does with CheckAllStorageBackends, so switching backends
 * never hides files stored before.
 */
@Component
class ArticleAttachments {

    private static final Logger log = LoggerFactory.getLogger(ArticleAttachments.class);
    static final String FIELD = "attachments";
    static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";

    private final AttachmentStorage primary;
    private final AttachmentStorage secondary;
    private final long maxSize;

    ArticleAttachments(DSLContext db, DatabaseKind kind, Clock clock, ArticleProperties properties) {
        AttachmentStorage database = new DatabaseAttachmentStorage(db, kind, clock);
        AttachmentStorage files = new FileSystemAttachmentStorage(properties.storagePath());
        boolean onFiles = properties.storage() == ArticleProperties.Storage.FILESYSTEM;
        this.primary = onFiles ? files : database;
        this.secondary = onFiles ? database : files;
        this.maxSize = properties.maxAttachmentSize().toBytes();
        log.info("article storage={} path={} max-attachment-size={}", properties.storage(),
                properties.storagePath().toAbsolutePath().normalize(), properties.maxAttachmentSize());
    }

    long maxSize() {
        return maxSize;
    }

    /** Problems by form field; empty when every attachment can be stored. */
    Map<String, String> problems(List<NewAttachment> attachments) {
        List<String> messages = new ArrayList<>();
        for (NewAttachment attachment : attachments) {
            if (OtrsFilenames.unusable(attachment.filename())) {
                messages.add(t("validation.attachment.no-name"));
            } else if (attachment.content() == null) {
                messages.add(t("validation.attachment.empty", attachment.filename().strip()));
            } else if (attachment.size() > maxSize) {
                messages.add(t("validation.attachment.too-large", attachment.filename().strip(), megabytes(attachment.size()),
                        megabytes(maxSize)));
            }
        }
        Map<String, String> problems = new LinkedHashMap<>();
        if (!messages.isEmpty()) {
            problems.put(FIELD, String.join(" ", messages.stream().distinct().toList()));
        }
        return problems;
    }

    /**
     * Stores the files under OTRS's clean, unique names (a second {@code report.pdf} becomes
     * {@code report-1.pdf}). The caller has checked {@link #problems}.
     */
    void write(long articleId, String contentPath, List<NewAttachment> attachments, int actorId) {
        if (attachments.isEmpty()) {
            return;
        }
        Set<String> used = new HashSet<>();
        for (AttachmentInfo existing : index(articleId, contentPath)) {
            used.add(OtrsFilenames.nfc(existing.filename()));
        }
        List<StoredFile> files = new ArrayList<>();
        for (NewAttachment attachment : attachments) {
            String name = OtrsFilenames.unique(OtrsFilenames.cleanUp(attachment.filename()), used);
            used.add(OtrsFilenames.nfc(name));
            String contentType = attachment.contentType() == null || attachment.contentType().isBlank()
                    ? DEFAULT_CONTENT_TYPE : attachment.contentType().strip();
            String contentId = attachment.contentId();
            if (contentId != null && !contentId.isBlank() && !contentId.startsWith("<")) {
                // OTRS keeps content ids in angle brackets.
                contentId = "<" + contentId.strip() + ">";
            }
            files.add(new StoredFile(name, contentType, attachment.content(), contentId, attachment.disposition()));
        }
        primary.write(articleId, contentPath, files, actorId);
    }

    /** The indexes of several articles (by id, content path), each from whichever backend holds it. */
    Map<Long, List<AttachmentInfo>> indexes(Map<Long, String> contentPaths) {
        Map<Long, List<AttachmentInfo>> indexes = new java.util.HashMap<>(primary.indexes(contentPaths));
        Map<Long, String> rest = new java.util.HashMap<>(contentPaths);
        rest.keySet().removeAll(indexes.keySet());
        indexes.putAll(secondary.indexes(rest));
        return indexes;
    }

    List<AttachmentInfo> index(long articleId, String contentPath) {
        List<AttachmentInfo> index = primary.index(articleId, contentPath);
        return index.isEmpty() ? secondary.index(articleId, contentPath) : index;
    }

    Optional<byte[]> content(long articleId, String contentPath, int fileId) {
        AttachmentStorage holder = primary.index(articleId, contentPath).isEmpty() ? secondary : primary;
        return holder.content(articleId, contentPath, fileId);
    }

    static String megabytes(long bytes) {
        DecimalFormat format = new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(Locale.ROOT));
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return format.format(bytes / 1024.0) + " KB";
        }
        return format.format(bytes / (1024.0 * 1024.0)) + " MB";
    }
}
