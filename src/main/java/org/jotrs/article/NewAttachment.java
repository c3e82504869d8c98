package org.jotrs.article;

/**
 * A file to store with an article.
 *
 * @param filename the name as given (uploaded or from a mail); it is cleaned up the OTRS way when
 *     stored (no path separators, unicode kept)
 * @param contentType the MIME type; null or blank for {@code application/octet-stream}
 * @param content the bytes
 * @param contentId the MIME Content-ID (for images an HTML body shows inline), or null
 * @param disposition {@code inline} or {@code attachment}, or null to let readers decide as OTRS does
 */
public record NewAttachment(String filename, String contentType, byte[] content, String contentId,
        String disposition) {

    /** A plain attachment as an agent uploads it. */
    public NewAttachment(String filename, String contentType, byte[] content) {
        this(filename, contentType, content, null, "attachment");
    }

    public int size() {
        return content == null ? 0 : content.length;
    }
}
