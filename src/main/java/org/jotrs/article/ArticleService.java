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
}
