package org.jotrs.article;

/**
 * Stores articles. Callers check permissions and write the ticket history; this module owns
 * only the article tables.
 */
public interface ArticleService {

    /** Stores the article in the caller's transaction; returns {@code article.id}. */
    long add(NewArticle article);

    /** The ticket's articles, oldest first. Callers check the reader's permission on the ticket. */
    java.util.List<ArticleView> articlesOf(long ticketId);

    /**
     * Stores an email article with its mail headers in the caller's transaction; returns
     * {@code article.id}.
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
}
