package org.jotrs.ticket.internal;

import static org.jotrs.platform.Messages.t;
import static org.jotrs.platform.db.schema.Tables.TICKET;
import static org.jotrs.platform.db.schema.Tables.TICKET_STATE;
import static org.jotrs.platform.db.schema.Tables.TICKET_STATE_TYPE;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jooq.DSLContext;
import org.jotrs.article.ArticleService;
import org.jotrs.article.Channel;
import org.jotrs.article.NewArticle;
import org.jotrs.article.SenderType;
import org.jotrs.platform.ChangeFeed;
import org.jotrs.platform.FeedKind;
import org.jotrs.queue.Queue;
import org.jotrs.queue.QueueService;
import org.jotrs.ticket.CreatedTicket;
import org.jotrs.ticket.InvalidTicketRequest;
import org.jotrs.ticket.NewSystemTicket;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tickets and notes that Jotrs writes by itself, as the system user (id 1): state "new", the configured
 * default priority and type, unlocked, no customer; history rows NewTicket and AddNote (OTRS's
 * wording) and change-feed rows as for any ticket. They join the caller's transaction, so a
 * caller can tie the ticket to its own row atomically.
 */
@Component
class SystemTickets {

    static final int SYSTEM = 1;

    private final DSLContext db;
    private final QueueService queues;
    private final ArticleService articles;
    private final NewTickets newTickets;
    private final TicketLookups lookups;
    private final TicketHistory history;
    private final TicketRows rows;
    private final ChangeFeed feed;
    private final TicketRuntimeSettings settings;

    private final ArticleArrival arrival;

    SystemTickets(DSLContext db, QueueService queues, ArticleService articles, NewTickets newTickets, TicketLookups lookups,
            TicketHistory history, TicketRows rows, ChangeFeed feed, TicketRuntimeSettings settings, ArticleArrival arrival) {
        this.arrival = arrival;
        this.settings = settings;
        this.db = db;
        this.queues = queues;
        this.articles = articles;
        this.newTickets = newTickets;
        this.lookups = lookups;
        this.history = history;
        this.rows = rows;
        this.feed = feed;
    }

    @Transactional
    CreatedTicket create(NewSystemTicket request) {
        Queue queue = queues.find(request.queueId()).filter(Queue::valid)
                .orElseThrow(() -> new InvalidTicketRequest(Map.of("queue", t("ticket.error.no-queue", String.valueOf(request.queueId())))));
        String title = request.title() == null || request.title().isBlank() ? "(no title)" : request.title().strip();
        title = title.length() > NewTickets.MAX_TITLE ? title.substring(0, NewTickets.MAX_TITLE - 1) + "…" : title;
        var chosen = lookups.chosen(settings.newPriority(), settings.newType(), "new");
        var priority = chosen.priority().orElseThrow(() -> new IllegalStateException("priority " + settings.newPriority() + " is missing"));
        short typeId = chosen.type().map(TicketLookups.TicketType::id).orElseGet(lookups::defaultTypeId);
        var state = chosen.state().or(() -> lookups.firstStateOfType("new"))
                .orElseThrow(() -> new IllegalStateException("no state of type new"));
        NewTickets.Created ticket = newTickets.insert(new NewTickets.Draft(title, queue, typeId, priority, state,
                null, null, null, null, null, null, SYSTEM));
        long ticketId = ticket.id();
        long articleId = articles.add(new NewArticle(ticketId, SenderType.SYSTEM, Channel.INTERNAL, false, request.from(),
                queue.name(), title, request.body(), SYSTEM));
        List<TicketHistory.Entry> entries = new java.util.ArrayList<>(ticket.history());
        entries.add(new TicketHistory.Entry(ticket.snapshot(), articleId, HistoryType.ADD_NOTE, "%%" + request.from()));
        history.addAll(entries, SYSTEM);
        arrival.recorded(ticket.snapshot(), articleId, SenderType.SYSTEM, SYSTEM);
        return new CreatedTicket(ticketId, ticket.number(), articleId);
    }

    @Transactional
    long addNote(long ticketId, String from, String subject, String body, boolean reopen) {
        TicketRows.Current current = rows.lockAndRead(ticketId);
        if (reopen && !current.merged() && !"open".equals(current.stateType()) && !"new".equals(current.stateType())) {
            var open = lookups.state("open").orElseThrow(() -> new IllegalStateException("state open is missing"));
            rows.update(ticketId, SYSTEM, Map.of(TICKET.TICKET_STATE_ID, open.id(), TICKET.UNTIL_TIME, 0));
            history.add(current.snapshot().withState(open.id()), null, HistoryType.STATE_UPDATE,
                    "%%" + current.stateName() + "%%" + open.name() + "%%", SYSTEM);
            history.add(current.snapshot().withState(open.id()), null, HistoryType.SET_PENDING_TIME, TicketUpdates.NO_PENDING_TIME, SYSTEM);
            feed.append(ChangeFeed.ObjectType.TICKET, ticketId, ticketId, FeedKind.TICKET_STATE_UPDATE, SYSTEM);
            current = rows.read(ticketId);
        }
        long articleId = articles.add(new NewArticle(ticketId, SenderType.SYSTEM, Channel.INTERNAL, false, from, null,
                subject, body, SYSTEM));
        history.add(current.snapshot(), articleId, HistoryType.ADD_NOTE, "%%" + from, SYSTEM);
        arrival.recorded(current.snapshot(), articleId, SenderType.SYSTEM, SYSTEM);
        rows.update(ticketId, SYSTEM, Map.of());
        return articleId;
    }

    @Transactional(readOnly = true)
    Set<Long> closedAmong(Collection<Long> ticketIds) {
        if (ticketIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(db.select(TICKET.ID).from(TICKET)
                .join(TICKET_STATE).on(TICKET_STATE.ID.eq(TICKET.TICKET_STATE_ID))
                .join(TICKET_STATE_TYPE).on(TICKET_STATE_TYPE.ID.eq(TICKET_STATE.TYPE_ID))
                .where(TICKET.ID.in(ticketIds))
                .and(TICKET_STATE_TYPE.NAME.in("closed", "removed", "merged"))
                .fetch(TICKET.ID));
    }
}
