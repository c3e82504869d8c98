package org.jotrs.ticket.internal;

import static org.jotrs.platform.Messages.t;
import static org.jotrs.platform.db.schema.Tables.QUEUE;
import static org.jotrs.platform.db.schema.Tables.TICKET;
import static org.jotrs.platform.db.schema.Tables.TICKET_HISTORY;
import static org.jotrs.platform.db.schema.Tables.TICKET_HISTORY_TYPE;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jotrs.article.ArticleService;
import org.jotrs.article.Channel;
import org.jotrs.article.MailHeaders;
import org.jotrs.article.NewArticle;
import org.jotrs.article.SenderType;
import org.jotrs.platform.ChangeFeed;
import org.jotrs.platform.FeedKind;
import org.jotrs.queue.Queue;
import org.jotrs.queue.QueueService;
import org.jotrs.ticket.InboundMail;
import org.jotrs.ticket.InboundTicket;
import org.jotrs.ticket.InvalidTicketRequest;
import org.jotrs.ticket.MailArrival;
import org.jotrs.ticket.internal.TicketHistory.Snapshot;
import org.jotrs.ticket.internal.TicketLookups.State;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * OTRS's PostMaster NewTicket and FollowUp: tickets and articles from incoming mail. The system
 * user (1) is the actor, as in OTRS, and no permission applies: the mail account (or the pipe)
 * is what the administrator trusted.
 */
@Component
class TicketsFromMail {

    static final int SYSTEM = 1;
    private static final int MAX_SUBJECT = 3800;
    /** OTRS's follow_up_possible ids. */
    private static final int FOLLOW_UP_REJECT = 2;
    private static final int FOLLOW_UP_NEW_TICKET = 3;

    private final DSLContext db;
    private final QueueService queues;
    private final ArticleService articles;
    private final NewTickets newTickets;
    private final TicketLookups lookups;
    private final TicketHistory history;
    private final TicketRows rows;
    private final ChangeFeed feed;

    private final ArticleArrival arrival;

    TicketsFromMail(DSLContext db, QueueService queues, ArticleService articles, NewTickets newTickets,
            TicketLookups lookups, TicketHistory history, TicketRows rows, ChangeFeed feed, ArticleArrival arrival) {
        this.arrival = arrival;
        this.db = db;
        this.queues = queues;
        this.articles = articles;
        this.newTickets = newTickets;
        this.lookups = lookups;
        this.history = history;
        this.rows = rows;
        this.feed = feed;
    }

    /**
     * Where a customer's article came from: a mail (channel Email, history EmailCustomer) or the
     * customer portal (as OTRS's customer interface stores it: channel Internal, history
     * WebRequestCustomer).
     */
    enum Origin {
        MAIL(Channel.EMAIL, HistoryType.EMAIL_CUSTOMER), PORTAL(Channel.INTERNAL, HistoryType.WEB_REQUEST_CUSTOMER);

        final Channel channel;
        final HistoryType history;

        Origin(Channel channel, HistoryType history) {
            this.channel = channel;
            this.history = history;
        }
    }

    @Transactional
    MailArrival create(InboundTicket request, InboundMail mail) {
        return create(request, mail, Origin.MAIL);
    }

    @Transactional
    MailArrival create(InboundTicket request, InboundMail mail, Origin origin) {
        Map<String, String> errors = new LinkedHashMap<>();
        Queue queue = queues.find(request.queueId()).filter(Queue::valid).orElse(null);
        if (queue == null) {
            errors.put("queue", t("ticket.error.no-queue", String.valueOf(request.queueId())));
        }
        var chosen = lookups.chosen(blank(request.priority()) ? org.jotrs.ticket.TicketSettingsAdministration.DEFAULT_PRIORITY : request.priority(),
                blank(request.type()) ? org.jotrs.ticket.TicketSettingsAdministration.DEFAULT_TYPE : request.type(),
                blank(request.state()) ? "new" : request.state());
        if (chosen.priority().isEmpty()) {
            errors.put("priority", t("ticket.error.no-priority", String.valueOf(request.priority())));
        }
        if (chosen.state().isEmpty() || chosen.state().get().pending() || !chosen.state().get().settableOnCreate()) {
            errors.put("state", t("ticket.error.new-state", String.valueOf(request.state())));
        }
        short typeId = chosen.type().map(TicketLookups.TicketType::id).orElseGet(lookups::defaultTypeId);
        if (!errors.isEmpty()) {
            throw new InvalidTicketRequest(errors);
        }
        NewTickets.Created ticket = newTickets.insert(new NewTickets.Draft(title(request.title()), queue, typeId,
                chosen.priority().get(), chosen.state().get(), request.ownerId(), null, request.responsibleId(), null,
                new NewTickets.Customer(cut(request.customerId(), 150), cut(request.customerUser(), 250)), null, SYSTEM));
        long ticketId = ticket.id();
        List<TicketHistory.Entry> entries = ticket.history();
        long articleId = addArticle(ticketId, mail, origin);
        entries.add(new TicketHistory.Entry(ticket.snapshot(), articleId, origin.history, "%%" + cut(mail.from(), 200)));
        history.addAll(entries, SYSTEM);
        arrival.recorded(ticket.snapshot(), articleId, SenderType.CUSTOMER, SYSTEM);
        return new MailArrival(ticketId, ticket.number(), articleId, true, false, false);
    }

    @Transactional
    MailArrival followUp(long ticketId, InboundMail mail, InboundTicket newTicket) {
        return followUp(ticketId, mail, newTicket, Origin.MAIL);
    }

    @Transactional
    MailArrival followUp(long ticketId, InboundMail mail, InboundTicket newTicket, Origin origin) {
        TicketRows.Current current = rows.lockAndRead(mergeTarget(ticketId));
        boolean closed = "closed".equals(current.stateType()) || "removed".equals(current.stateType());
        var queue = db.select(QUEUE.FOLLOW_UP_ID, QUEUE.FOLLOW_UP_LOCK).from(QUEUE)
                .where(QUEUE.ID.eq(current.snapshot().queueId())).fetchSingle();
        if (closed && queue.value1() == FOLLOW_UP_NEW_TICKET) {
            return create(newTicket, mail, origin);
        }
        long articleId = addArticle(current.ticketId(), mail, origin);
        Snapshot snapshot = current.snapshot();
        List<TicketHistory.Entry> entries = new ArrayList<>();
        entries.add(new TicketHistory.Entry(snapshot, articleId, HistoryType.FOLLOW_UP, "%%" + current.number()));
        entries.add(new TicketHistory.Entry(snapshot, articleId, origin.history, "%%" + cut(mail.from(), 200)));
        boolean rejected = closed && queue.value1() == FOLLOW_UP_REJECT;
        boolean reopened = false;
        Map<Field<?>, Object> values = new HashMap<>();
        // OTRS's PostmasterFollowUpState: every follow-up to a ticket that is not new sets it open.
        if (!rejected && !"new".equals(current.stateType()) && !"open".equals(current.stateName())) {
            State open = lookups.state("open").orElseThrow(() -> new IllegalStateException("The state 'open' is missing."));
            values.put(TICKET.TICKET_STATE_ID, open.id());
            values.put(TICKET.UNTIL_TIME, 0);
            entries.add(new TicketHistory.Entry(snapshot.withState(open.id()), articleId, HistoryType.STATE_UPDATE,
                    "%%" + current.stateName() + "%%open%%"));
            reopened = true;
            if (closed && queue.value2() != null && queue.value2() == 1 && !current.locked()) {
                values.put(TICKET.TICKET_LOCK_ID, lookups.lockId("lock"));
                entries.add(new TicketHistory.Entry(snapshot.withState(open.id()), articleId, HistoryType.LOCK, "%%lock"));
            }
        }
        if (!values.isEmpty()) {
            rows.update(current.ticketId(), SYSTEM, values);
        }
        history.addAll(entries, SYSTEM);
        arrival.recorded(entries.getLast().ticket(), articleId, SenderType.CUSTOMER, SYSTEM);
        feed.append(ChangeFeed.ObjectType.TICKET, current.ticketId(), current.ticketId(),
                reopened ? FeedKind.TICKET_STATE_UPDATE : FeedKind.TICKET_FOLLOW_UP, SYSTEM);
        return new MailArrival(current.ticketId(), current.number(), articleId, false, reopened, rejected);
    }

    /**
     * A merged ticket's mail goes to the ticket it was merged into, as OTRS follows it: the
     * {@code Merged} history row names the target ({@code %%tn%%id%%targetTn%%targetId}).
     */
    private long mergeTarget(long ticketId) {
        long current = ticketId;
        for (int hop = 0; hop < 10; hop++) {
            final long id = current;
            Optional<String> merged = db.select(TICKET_HISTORY.NAME).from(TICKET_HISTORY)
                    .join(TICKET_HISTORY_TYPE).on(TICKET_HISTORY_TYPE.ID.eq(TICKET_HISTORY.HISTORY_TYPE_ID))
                    .join(TICKET).on(TICKET.ID.eq(TICKET_HISTORY.TICKET_ID))
                    .where(TICKET_HISTORY.TICKET_ID.eq(id)).and(TICKET_HISTORY_TYPE.NAME.eq(HistoryType.MERGED.otrsName()))
                    .and(TICKET.TICKET_STATE_ID.in(db.select(org.jotrs.platform.db.schema.Tables.TICKET_STATE.ID)
                            .from(org.jotrs.platform.db.schema.Tables.TICKET_STATE)
                            .join(org.jotrs.platform.db.schema.Tables.TICKET_STATE_TYPE)
                            .on(org.jotrs.platform.db.schema.Tables.TICKET_STATE_TYPE.ID
                                    .eq(org.jotrs.platform.db.schema.Tables.TICKET_STATE.TYPE_ID))
                            .where(org.jotrs.platform.db.schema.Tables.TICKET_STATE_TYPE.NAME.eq("merged"))))
                    .orderBy(TICKET_HISTORY.ID.desc()).limit(1)
                    .fetchOptional(TICKET_HISTORY.NAME);
            if (merged.isEmpty()) {
                return current;
            }
            String[] parts = merged.get().split("%%");
            // "", tn, id, targetTn, targetId
            if (parts.length < 5) {
                return current;
            }
            try {
                long target = Long.parseLong(parts[4].strip());
                if (target == current) {
                    return current;
                }
                current = target;
            } catch (NumberFormatException e) {
                return current;
            }
        }
        return current;
    }

    /**
     * A customer closes their own ticket in the portal: the state (of type closed), its
     * StateUpdate history row and the change feed, by the system user as OTRS's customer
     * interface records it.
     */
    @Transactional
    void closeByCustomer(long ticketId, String stateName) {
        TicketRows.Current current = rows.lockAndRead(ticketId);
        State state = lookups.state(stateName).filter(s -> "closed".equals(s.type()))
                .orElseThrow(() -> new InvalidTicketRequest(Map.of("state", t("ticket.error.not-closed-state", stateName))));
        if (state.id() == current.snapshot().stateId()) {
            return;
        }
        Map<Field<?>, Object> values = new HashMap<>();
        values.put(TICKET.TICKET_STATE_ID, state.id());
        values.put(TICKET.UNTIL_TIME, 0);
        rows.update(current.ticketId(), SYSTEM, values);
        history.addAll(List.of(new TicketHistory.Entry(current.snapshot().withState(state.id()), null, HistoryType.STATE_UPDATE,
                "%%" + current.stateName() + "%%" + state.name() + "%%")), SYSTEM);
        feed.append(ChangeFeed.ObjectType.TICKET, current.ticketId(), current.ticketId(), FeedKind.TICKET_STATE_UPDATE, SYSTEM);
    }

    private long addArticle(long ticketId, InboundMail mail, Origin origin) {
        long articleId = articles.addEmail(new NewArticle(ticketId, SenderType.CUSTOMER, origin.channel, true,
                        mail.from(), mail.to(), cut(mail.subject(), MAX_SUBJECT), mail.body(), SYSTEM, mail.htmlBody(),
                        mail.attachments()),
                new MailHeaders(mail.cc(), null, mail.replyTo(), mail.messageId(), mail.inReplyTo(), mail.references()));
        if (mail.raw() != null) {
            articles.storeRawMessage(articleId, mail.raw());
        }
        return articleId;
    }

    private static String title(String subject) {
        String title = subject == null || subject.isBlank() ? "(no subject)" : subject.strip();
        return title.length() > NewTickets.MAX_TITLE ? title.substring(0, NewTickets.MAX_TITLE) : title;
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
