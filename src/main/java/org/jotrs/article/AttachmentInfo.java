package org.jotrs.article;

/**
 * One stored attachment of an article, without its content.
 *
 * @param fileId OTRS's FileID: the 1-based position in the article's attachment index, ordered by
 *     file name as OTRS orders it (what download links use)
 * @param size the content's size in bytes
 * @param disposition {@code inline} or {@code attachment}, decided as OTRS decides when none was stored
 */
public record AttachmentInfo(int fileId, String filename, long size, String contentType, String contentId,
        String disposition) {

    /**
     * Whether this is the HTML version of the article's body rather than a file someone attached
     * (OTRS's {@code file-2}, or {@code file-1.html} for HTML-only mails).
     */
    public boolean htmlBody() {
        return (filename.matches("file-[12]") || filename.equals("file-1.html"))
                && contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).contains("text/html")
                && "inline".equalsIgnoreCase(disposition);
    }

    /** Whether this is the plain-text body part OTRS's mail parser may store as {@code file-1}. */
    public boolean plainBody() {
        return filename.equals("file-1") && contentType != null
                && contentType.toLowerCase(java.util.Locale.ROOT).contains("text/plain")
                && "inline".equalsIgnoreCase(disposition);
    }

    /** The size as people read it: {@code 512 B}, {@code 14.2 KB}, {@code 3.1 MB}. */
    public String displaySize() {
        if (size < 1024) {
            return size + " B";
        }
        if (size < 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f KB", size / 1024.0);
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", size / (1024.0 * 1024.0));
    }
}
