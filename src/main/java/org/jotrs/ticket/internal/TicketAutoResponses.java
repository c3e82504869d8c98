package org.jotrs.ticket.internal;

import static org.jotrs.platform.db.schema.Tables.TICKET_LOOP_PROTECTION;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jooq.DSLContext;
import org.jotrs.article.ArticleService;
import org.jotrs.article.Channel;
import org.jotrs.article.MailHeaders;
import org.jotrs.article.NewArticle;
import org.jotrs.article.SenderType;
import org.jotrs.mail.OutboundMail;
import org.jotrs.mail.OutgoingMail;
import org.jotrs.ticket.AutoResponse;
import org.jotrs.ticket.AutoResponseOutcome;
import org.jotrs.ticket.internal.TicketRows.Current;
import org.jotrs.ticket.internal.TicketSubjects.Kind;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * OTRS's SendAutoResponse with its loop protection (Kernel::System::PostMaster::LoopProtection::DB):
 * at most so many auto responses per address and day, counted in {@code ticket_loop_protection}
 * (one row per response, {@code sent_date} as {@code YYYY-MM-DD}; rows of earlier days are
 * removed, as OTRS does); over the limit the ticket's history gets a {@code LoopProtection} row and
 * nothing is sent. A sent response is a system article visible to the customer, queued in the
 * outbox in the same transaction with {@code Auto-Submitted: auto-replied} (RFC 3834) and the
 * loop headers other systems (and OTRS) look for.
 */
@Component
class TicketAutoResponses {

    private static final int SYSTEM = 1;

    private final DSLContext db;
    private final ArticleService articles;
    private final OutboundMail outbound;
    private final TicketRows rows;
    private final TicketHistory history;
    private final TicketSubjects subjects;
    private final Clock clock;

    private final ArticleArrival arrival;

    TicketAutoResponses(DSLContext db, ArticleService articles, OutboundMail outbound, TicketRows rows,
            TicketHistory history, TicketSubjects subjects, Clock clock, ArticleArrival arrival) {
        this.arrival = arrival;
        this.db = db;
        this.articles = articles;
        this.outbound = outbound;
        this.rows = rows;
        this.history = history;
        this.subjects = subjects;
        this.clock = clock;
    }

    @Transactional
    AutoResponseOutcome send(long ticketId, AutoResponse response) {
        if (!AutoResponse.TYPES.contains(response.type())) {
            throw new IllegalArgumentException("unknown auto response type " + response.type());
        }
        Current current = rows.lockAndRead(ticketId);
        String to = response.to().strip().toLowerCase(Locale.ROOT);
        String today = LocalDate.now(clock).toString();
        int sentToday = db.fetchCount(TICKET_LOOP_PROTECTION,
                TICKET_LOOP_PROTECTION.SENT_TO.eq(to).and(TICKET_LOOP_PROTECTION.SENT_DATE.eq(today)));
        if (sentToday >= response.maxPerAddressPerDay()) {
            history.add(current.snapshot(), null, HistoryType.LOOP_PROTECTION, "%%" + to, SYSTEM);
            return new AutoResponseOutcome.Suppressed("loop protection: " + sentToday + " auto responses to " + to
                    + " today, the limit is " + response.maxPerAddressPerDay());
        }
        db.deleteFrom(TICKET_LOOP_PROTECTION).where(TICKET_LOOP_PROTECTION.SENT_DATE.ne(today)).execute();
        db.insertInto(TICKET_LOOP_PROTECTION).set(TICKET_LOOP_PROTECTION.SENT_TO, to)
                .set(TICKET_LOOP_PROTECTION.SENT_DATE, today).execute();

        String subject = response.subject() == null || response.subject().isBlank() ? current.title() : response.subject().strip();
        if (!subjects.carriesNumber(current.number(), subject)) {
            subject = subjects.build(current.number(), subject, Kind.REPLY);
        }
        String messageId = outbound.newMessageId();
        long articleId = articles.addEmail(new NewArticle(ticketId, SenderType.SYSTEM, Channel.EMAIL, true, response.from(),
                to, subject, response.body(), SYSTEM, null, List.of()),
                new MailHeaders(null, null, null, messageId, response.inReplyTo(), response.references()));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Auto-Submitted", "auto-replied");
        headers.put("X-Loop", bareAddress(response.from()));
        headers.put("X-OTRS-Loop", "yes");
        headers.put("Precedence", "bulk");
        outbound.enqueue(articleId, new OutgoingMail(response.from(), List.of(to), List.of(), List.of(), subject,
                response.body(), messageId, response.inReplyTo(), response.references(), List.of(), headers));
        history.add(current.snapshot(), articleId, HistoryType.named(response.historyType()), "%%" + to, SYSTEM);
        arrival.recorded(current.snapshot(), articleId, SenderType.SYSTEM, SYSTEM);
        return new AutoResponseOutcome.Sent(articleId);
    }

    private static String bareAddress(String mailbox) {
        int open = mailbox.lastIndexOf('<');
        int close = mailbox.lastIndexOf('>');
        return open >= 0 && close > open ? mailbox.substring(open + 1, close).strip() : mailbox.strip();
    }

    /** Writes why no auto response was sent (OTRS: a {@code Misc} history row). */
    @Transactional
    void suppressed(long ticketId, String reason) {
        Current current = rows.read(ticketId);
        history.add(current.snapshot(), null, HistoryType.MISC, "Sent no auto response: " + reason, SYSTEM);
    }
}
