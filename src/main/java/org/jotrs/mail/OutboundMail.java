package org.jotrs.mail;

import java.util.List;
import java.util.Optional;

/**
 * Outbound mail goes through OTRS's {@code mail_queue}: the message is built and queued in the
 * caller's transaction, so an article and its mail commit together or not at all, and a
 * sender picks it up after commit. Until an SMTP sender is configured the mail stays queued.
 */
public interface OutboundMail {

    /** A new, globally unique Message-ID in angle brackets, on this installation's domain. */
    String newMessageId();

    /**
     * Parses a comma-separated address list strictly (RFC 822), e.g. {@code "Carla <carla@example.com>, b@example.org"}.
     *
     * @return each mailbox as written back by Jakarta Mail; empty for blank text
     * @throws InvalidAddress naming the part that is not a mail address
     */
    List<String> parseAddresses(String text);

    /**
     * Builds the MIME message and queues it for the article; needs the caller's transaction.
     *
     * @return the raw RFC 822 message as queued
     */
    String enqueue(long articleId, OutgoingMail mail);

    /** The queue entry of an article's mail while it waits to be sent. */
    Optional<QueuedMail> queued(long articleId);

    /** A waiting mail: how often sending was tried and the last server answer. */
    record QueuedMail(int attempts, Integer lastSmtpCode, String lastSmtpMessage) {
    }
}
