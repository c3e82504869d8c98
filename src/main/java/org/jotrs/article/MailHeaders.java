package org.jotrs.article;

/**
 * The mail headers OTRS keeps on an email article ({@code article_data_mime}) besides From, To and
 * Subject; they thread replies and find follow-ups.
 *
 * @param messageId with angle brackets; its MD5 is stored for follow-up lookups, as OTRS does
 * @param references space-separated Message-IDs of the thread
 */
public record MailHeaders(String cc, String bcc, String replyTo, String messageId, String inReplyTo,
        String references) {
}
