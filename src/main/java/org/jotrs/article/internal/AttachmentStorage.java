package org.jotrs.article.internal;

import java.util.List;
import java.util.Optional;

import org.jotrs.article.AttachmentInfo;

/**
 * One place article attachments are kept, as OTRS's ArticleStorageDB and ArticleStorageFS keep
 * them. File ids are OTRS's FileIDs: 1-based positions in the index, ordered by file name.
 */
interface AttachmentStorage {

    /** An attachment ready to store: its name already cleaned up and unique within the article. */
    record StoredFile(String filename, String contentType, byte[] content, String contentId, String disposition) {
    }

    /**
     * Writes the files in the caller's transaction.
     *
     * @param contentPath the article's {@code article_data_mime.content_path} ({@code YYYY/MM/DD})
     */
    void write(long articleId, String contentPath, List<StoredFile> files, int actorId);

    /** The article's attachments in this backend, in FileID order; empty when it holds none. */
    List<AttachmentInfo> index(long articleId, String contentPath);

    /**
     * The indexes of several articles at once (by article id, content path); articles without
     * attachments here are left out. The zoom reads all of a ticket's articles this way.
     */
    default java.util.Map<Long, List<AttachmentInfo>> indexes(java.util.Map<Long, String> contentPaths) {
        java.util.Map<Long, List<AttachmentInfo>> indexes = new java.util.HashMap<>();
        contentPaths.forEach((articleId, contentPath) -> {
            List<AttachmentInfo> index = index(articleId, contentPath);
            if (!index.isEmpty()) {
                indexes.put(articleId, index);
            }
        });
        return indexes;
    }

    /** The content of one attachment in this backend. */
    Optional<byte[]> content(long articleId, String contentPath, int fileId);

    /**
     * OTRS's disposition when none was stored: images with a content id and the converted body
     * parts {@code file-1}/{@code file-2} are inline, everything else is an attachment.
     */
    static String disposition(String stored, String filename, String contentType, String contentId) {
        if (stored != null && !stored.isBlank()) {
            return stored;
        }
        if (contentId != null && !contentId.isEmpty() && contentType != null
                && contentType.toLowerCase(java.util.Locale.ROOT).contains("image")) {
            return "inline";
        }
        if (filename.matches(".*file-[12].*")) {
            return "inline";
        }
        return "attachment";
    }
}
