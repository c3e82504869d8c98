package org.jotrs.mail;

import java.util.List;

/**
 * Outbound mail goes through Jotrs's outbox ({@code jotrs_mail_outbox}): the message is built and
 * queued in the caller's transaction, so an article and its mail commit together or not at all,
 * and the outbox sender (one node of the cluster) hands it to the SMTP server after commit, with
 * retries. Until an SMTP server is configured ({@code jotrs.mail.smtp.host}) the mail waits.
 */
public interface OutboundMail {

    /** A new, globally unique Message-ID in angle brackets, on this installation's domain. */
    String newMessageId();

    /**
     * The mailbox of the mails Jotrs sends on its own behalf, not from a queue (OTRS's
     * NotificationSenderName and NotificationSenderEmail, {@code jotrs.mail.notifications.sender-*}):
     * {@code "Name" <address>}.
     */
    String systemSender();

    /**
     * Parses a comma-separated address list strictly (RFC 822), e.g. {@code "Carla <carla@example.com>, b@example.org"}.
     *
     * @return each mailbox as written back by Jakarta Mail; empty for blank text
     * @throws InvalidAddress naming the part that is not a mail address
     */
    List<String> parseAddresses(String text);

    /**
     * Builds the MIME message and queues it for the article; needs the caller's transaction. The
     * message is also kept with the article as OTRS keeps it ({@code article_data_mime_plain}).
     *
     * @return the raw RFC 822 message as queued
     */
    String enqueue(long articleId, OutgoingMail mail);

    /**
     * Builds and queues a mail that belongs to no article (agent notifications); needs the
     * caller's transaction.
     *
     * @return the raw RFC 822 message as queued
     */
    String enqueueWithoutArticle(OutgoingMail mail);

}
