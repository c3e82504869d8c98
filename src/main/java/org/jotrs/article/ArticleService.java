package org.jotrs.article;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stores articles and their attachments. Callers check permissions and write the ticket history;
 * this module owns only the article tables and the article files. Each new article appends its own
 * change-feed row ({@code ArticleCreate}) in the caller's transaction, so no caller can forget it.
 */
public interface ArticleService {

    /**
     * Stores the article with its attachments in the caller's transaction, and appends the change-feed
     * row {@code ArticleCreate}; returns {@code article.id}. Like OTRS's ArticleCreate it marks the
     * article seen by its author ({@code article_flag} {@code Seen} for {@code actorId}) and gives it
     * an {@code insert_fingerprint}.
     * Attachments go to the configured storage backend ({@code jotrs.article.storage}); files written
     * to the file system are removed again if the transaction rolls back.
     *
     * @throws InvalidArticle for attachments {@link #attachmentProblems} refuses (nothing is written)
     */
    long add(NewArticle article);

    /**
     * Marks every article of the ticket as seen by the agent (OTRS {@code article_flag} key
     * {@code Seen}), skipping those already marked. Runs inside the caller's transaction; the
     * caller checks the agent may read the ticket.
     */
    void markSeen(int agentId, long ticketId);

    /**
     * Whether the agent has seen every article of the ticket (an {@code article_flag} {@code Seen}
     * of theirs on each), the test OTRS's TicketNewMessageUpdate makes before it marks the ticket
     * seen. True for a ticket without articles.
     */
    boolean allSeen(int agentId, long ticketId);

    /**
     * What is wrong with these attachments (too large, no file name), by form field
     * ({@code attachments}); empty when they can be stored. Callers check this before they write
     * anything, so a refused upload leaves no ticket or article behind.
     */
    Map<String, String> attachmentProblems(List<NewAttachment> attachments);

    /** The largest attachment, in bytes, that {@link #add} accepts ({@code jotrs.article.max-attachment-size}). */
    long maxAttachmentSize();

    /** The ticket's articles, oldest first. Callers check the reader's permission on the ticket. */
    List<ArticleView> articlesOf(long ticketId);

    /**
     * Attachment {@code fileId} (OTRS FileID, 1-based) of an article of the ticket, found in
     * whichever storage backend holds it. Empty when the article is not on that ticket or has no
     * such attachment. Callers check the reader's permission on the ticket.
     */
    Optional<Attachment> attachment(long ticketId, long articleId, int fileId);

    /**
     * Every stored part of an article of the ticket, in FileID order, the HTML and plain-text body
     * parts included ({@link AttachmentInfo#htmlBody()}, {@link AttachmentInfo#plainBody()}), as
     * OTRS's ArticleAttachmentIndex lists them without exclusions. Empty when the article is not on
     * that ticket. Callers check the reader's permission on the ticket.
     */
    List<AttachmentInfo> allParts(long ticketId, long articleId);

    /**
     * The article's HTML body made safe to show: sanitised (no scripts, event handlers, forms,
     * frames or styles that load anything), remote images removed, and inline images
     * ({@code cid:}) replaced by their content as {@code data:} URLs. Empty when the article has no
     * HTML body or is not on that ticket. Callers check the reader's permission on the ticket.
     */
    Optional<String> safeHtmlBody(long ticketId, long articleId);

    /**
     * HTML written by an agent, sanitised with the same policy the zoom applies when it shows an
     * HTML body (no scripts, event handlers, styles, forms, frames, images or links other than
     * http, https and mailto), as a complete document, with its plain-text version. Nothing is
     * stored: callers store the result as the article's HTML body and plain body.
     */
    WrittenHtml written(String html);
    /**
     * Stores an email article with its mail headers in the caller's transaction, and appends the
     * change-feed row {@code ArticleCreate}; returns {@code article.id}.
     */
    long addEmail(NewArticle article, MailHeaders headers);

    /** The mail headers of an article, when it has any stored. */
    java.util.Optional<MailHeaders> headersOf(long articleId);

    /**
     * Moves every article of one ticket to another (merging), in the caller's transaction.
     *
     * @return how many articles moved
     */
    int moveArticles(long fromTicketId, long toTicketId, int actorId);

    /**
     * Keeps the article's complete RFC 822 message as OTRS does ({@code article_data_mime_plain}):
     * the mail as sent or as received, so nothing is lost on a later migration. In the caller's
     * transaction; a second call replaces the first.
     */
    void storeRawMessage(long articleId, byte[] message);

    /** The article's complete RFC 822 message, when one is stored. */
    Optional<byte[]> rawMessage(long articleId);

    /**
     * Records that the article's mail could not be sent (OTRS {@code article_data_mime_send_error}),
     * so readers of the ticket see the failure.
     */
    void recordSendError(long articleId, String messageId, String error);

    /** The last recorded send failure of the article's mail, if any. */
    Optional<String> sendError(long articleId);

    /** The last send failure of each article of the ticket that has one, by article id (for the zoom). */
    java.util.Map<Long, String> sendErrors(long ticketId);

    /** Forgets the article's send failures (when the mail is sent again). */
    void clearSendErrors(long articleId);

    /**
     * The ticket of the newest article whose Message-ID is one of these (matched by its MD5, as
     * OTRS's ArticleGetByMessageID does); how mail replies find their ticket.
     */
    Optional<Long> ticketIdOfMessageIds(List<String> messageIds);
}
