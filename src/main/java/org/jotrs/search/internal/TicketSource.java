package org.jotrs.search.internal;

import static org.jotrs.platform.db.schema.Tables.ARTICLE;
import static org.jotrs.platform.db.schema.Tables.ARTICLE_DATA_MIME;
import static org.jotrs.platform.db.schema.Tables.ARTICLE_DATA_MIME_ATTACHMENT;
import static org.jotrs.platform.db.schema.Tables.TICKET;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Reads what the index holds of tickets, in three queries per batch (tickets, articles,
 * attachment names), however many tickets: the rebuild reads ranges of ids, the feed the
 * tickets that changed. Reads the OTRS tables directly (reads may, writes may not).
 */
@Component
class TicketSource {

    /** OTRS stores an article's HTML body and plain part as attachments with these names; they are not files. */
    private static final Pattern BODY_PART = Pattern.compile("file-\\d+|plain\\.txt");

    private final DSLContext db;

    TicketSource(DSLContext db) {
        this.db = db;
    }

    record ArticleText(String from, String to, String cc, String subject, String body, List<String> attachments) {
    }

    record TicketData(long id, String number, String title, int queueId, int stateId, int priorityId, int typeId,
            int ownerId, int responsibleId, int lockId, String customerUser, String customerId,
            LocalDateTime created, LocalDateTime changed, int pendingUntil, int escalationTime,
            List<ArticleText> articles) {
    }

    /** The tickets with these ids that exist, with their articles. */
    Map<Long, TicketData> tickets(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return read(TICKET.ID.in(ids), ARTICLE.TICKET_ID.in(ids));
    }

    /** The tickets with ids in {@code [from, to]}, with their articles. */
    Map<Long, TicketData> range(long from, long to) {
        return read(TICKET.ID.between(from, to), ARTICLE.TICKET_ID.between(from, to));
    }

    long maxTicketId() {
        Long max = db.select(DSL.max(TICKET.ID)).from(TICKET).fetchOne(0, Long.class);
        return max == null ? 0 : max;
    }

    long ticketCount() {
        return db.fetchCount(TICKET);
    }

    private Map<Long, TicketData> read(Condition tickets, Condition articlesOfTickets) {
        Map<Long, List<String>> attachments = new HashMap<>();
        db.select(ARTICLE_DATA_MIME_ATTACHMENT.ARTICLE_ID, ARTICLE_DATA_MIME_ATTACHMENT.FILENAME)
                .from(ARTICLE_DATA_MIME_ATTACHMENT)
                .join(ARTICLE).on(ARTICLE.ID.eq(ARTICLE_DATA_MIME_ATTACHMENT.ARTICLE_ID))
                .where(articlesOfTickets)
                .forEach(r -> {
                    String name = r.value2();
                    if (name != null && !BODY_PART.matcher(name).matches()) {
                        attachments.computeIfAbsent(r.value1(), id -> new ArrayList<>()).add(name);
                    }
                });
        Map<Long, List<ArticleText>> articles = new HashMap<>();
        db.select(ARTICLE.TICKET_ID, ARTICLE.ID, ARTICLE_DATA_MIME.A_FROM, ARTICLE_DATA_MIME.A_TO,
                        ARTICLE_DATA_MIME.A_CC, ARTICLE_DATA_MIME.A_SUBJECT, ARTICLE_DATA_MIME.A_BODY)
                .from(ARTICLE)
                .join(ARTICLE_DATA_MIME).on(ARTICLE_DATA_MIME.ARTICLE_ID.eq(ARTICLE.ID))
                .where(articlesOfTickets)
                .orderBy(ARTICLE.TICKET_ID, ARTICLE.ID)
                .forEach(r -> articles.computeIfAbsent(r.value1(), id -> new ArrayList<>())
                        .add(new ArticleText(r.value3(), r.value4(), r.value5(), r.value6(), r.value7(),
                                attachments.getOrDefault(r.value2(), List.of()))));
        Map<Long, TicketData> result = new LinkedHashMap<>();
        db.select(TICKET.ID, TICKET.TN, TICKET.TITLE, TICKET.QUEUE_ID, TICKET.TICKET_STATE_ID,
                        TICKET.TICKET_PRIORITY_ID, TICKET.TYPE_ID, TICKET.USER_ID, TICKET.RESPONSIBLE_USER_ID,
                        TICKET.TICKET_LOCK_ID, TICKET.CUSTOMER_USER_ID, TICKET.CUSTOMER_ID, TICKET.CREATE_TIME,
                        TICKET.CHANGE_TIME, TICKET.UNTIL_TIME, TICKET.ESCALATION_TIME)
                .from(TICKET)
                .where(tickets)
                .forEach(r -> result.put(r.value1(), new TicketData(r.value1(), r.value2(), r.value3(),
                        r.value4(), r.value5(), r.value6(), r.value7() == null ? 0 : r.value7(), r.value8(),
                        r.value9() == null ? 0 : r.value9(), r.value10(), r.value11(), r.value12(), r.value13(),
                        r.value14(), r.value15(), r.value16() == null ? 0 : r.value16(),
                        articles.getOrDefault(r.value1(), List.of()))));
        return result;
    }
}
