package org.jotrs.ticket.internal;

import static org.jotrs.platform.db.schema.Tables.ARTICLE;
import static org.jotrs.platform.db.schema.Tables.ARTICLE_SENDER_TYPE;
import static org.jotrs.platform.db.schema.Tables.TICKET;

import java.time.Clock;
import java.time.LocalDateTime;

import org.jooq.DSLContext;
import org.jotrs.article.ArticleService;
import org.jotrs.article.SenderType;
import org.jotrs.ticket.internal.TicketHistory.Snapshot;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What OTRS does to a ticket after every new article, once the article's own history row is
 * written, so an OTRS sharing the database sees the same ticket:
 * <ul>
 * <li>read markers (TicketNewMessageUpdate): the ticket becomes unread for every agent, and read
 * again for the author when they have now seen all its articles (the article module has marked
 * the new article seen by its author);</li>
 * <li>the unlock timeout (MIMEBase ArticleCreate, TicketUnlockTimeoutUpdate): an agent's article,
 * or a customer's answer to an agent's article, sets {@code ticket.timeout} to now and writes the
 * {@code Misc} row "Reset of unlock time."; OTRS's unlock-timeout job counts from it.</li>
 * </ul>
 */
@Component
class ArticleArrival {

    /** OTRS's history text for the reset, translated by its history screen. */
    static final String UNLOCK_TIME_RESET = "Reset of unlock time.";

    private final DSLContext db;
    private final ArticleService articles;
    private final TicketFlags flags;
    private final TicketHistory history;
    private final Clock clock;

    ArticleArrival(DSLContext db, ArticleService articles, TicketFlags flags, TicketHistory history, Clock clock) {
        this.db = db;
        this.articles = articles;
        this.flags = flags;
        this.history = history;
        this.clock = clock;
    }

    /**
     * Applies OTRS's consequences of a new article.
     *
     * @param ticket the ticket as its history rows should record it now
     * @param authorId the user who stored the article (1 for mail and the system)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void recorded(Snapshot ticket, long articleId, SenderType sender, int authorId) {
        long ticketId = ticket.ticketId();
        flags.clearSeen(ticketId);
        if (articles.allSeen(authorId, ticketId)) {
            flags.markSeen(ticketId, authorId);
        }
        boolean reset = switch (sender) {
            case AGENT -> true;
            case CUSTOMER -> previousNonSystemSenderIsAgent(ticketId, articleId);
            case SYSTEM -> false;
        };
        if (reset) {
            resetUnlockTimeout(ticket, authorId);
        }
    }

    /**
     * OTRS's TicketUnlockTimeoutUpdate to now: nothing when {@code ticket.timeout} already holds
     * this second, otherwise the new value and its {@code Misc} history row. Also what OTRS does
     * when a ticket is locked.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void resetUnlockTimeout(Snapshot ticket, int actorId) {
        int now = (int) clock.instant().getEpochSecond();
        int changed = db.update(TICKET)
                .set(TICKET.TIMEOUT, now)
                .set(TICKET.CHANGE_TIME, LocalDateTime.now(clock))
                .set(TICKET.CHANGE_BY, actorId)
                .where(TICKET.ID.eq(ticket.ticketId()))
                .and(TICKET.TIMEOUT.ne(now).or(TICKET.TIMEOUT.isNull()))
                .execute();
        if (changed > 0) {
            history.add(ticket, null, HistoryType.MISC, UNLOCK_TIME_RESET, actorId);
        }
    }

    /** Whether the article before this one, leaving out the system's, came from an agent. */
    private boolean previousNonSystemSenderIsAgent(long ticketId, long articleId) {
        String previous = db.select(ARTICLE_SENDER_TYPE.NAME)
                .from(ARTICLE)
                .join(ARTICLE_SENDER_TYPE).on(ARTICLE_SENDER_TYPE.ID.eq(ARTICLE.ARTICLE_SENDER_TYPE_ID))
                .where(ARTICLE.TICKET_ID.eq(ticketId))
                .and(ARTICLE.ID.lt(articleId))
                .and(ARTICLE_SENDER_TYPE.NAME.ne(SenderType.SYSTEM.otrsName()))
                .orderBy(ARTICLE.ID.desc())
                .limit(1)
                .fetchOne(ARTICLE_SENDER_TYPE.NAME);
        return SenderType.AGENT.otrsName().equals(previous);
    }
}
