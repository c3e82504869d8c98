package org.jotrs.ticket.internal;

import static org.jotrs.platform.db.schema.Tables.QUEUE;
import static org.jotrs.platform.db.schema.Tables.TICKET;
import static org.jotrs.platform.db.schema.Tables.TICKET_HISTORY;
import static org.jotrs.platform.db.schema.Tables.TICKET_HISTORY_TYPE;
import static org.jotrs.platform.db.schema.Tables.TICKET_WATCHER;
import static org.jotrs.platform.db.schema.Tables.USERS;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.jooq.DSLContext;
import org.jotrs.access.AccessService;
import org.jotrs.access.Permission;
import org.jotrs.article.ArticleService;
import org.jotrs.article.Attachment;
import org.jotrs.queue.Queue;
import org.jotrs.queue.QueueService;
import org.jotrs.ticket.NoSuchAttachment;
import org.jotrs.ticket.NoSuchTicket;
import org.jotrs.ticket.TicketDetails;
import org.jotrs.ticket.TicketDetails.HistoryEntry;
import org.jotrs.ticket.ZoomOptions;
import org.jotrs.ticket.internal.TicketLookups.State;
import org.jotrs.ticket.internal.TicketRows.Current;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads a ticket for the zoom, after the OTRS read check (owner, responsible, or ro on the queue's group). */
@Component
class TicketReading {

    private final DSLContext db;
    private final AccessService access;
    private final ArticleService articles;
    private final QueueService queues;
    private final TicketRows rows;
    private final TicketLookups lookups;
    private final TicketLinking linking;
    private final TimeAccounting timeAccounting;
    private final TicketFlags flags;
    private final java.time.Clock clock;

    TicketReading(DSLContext db, AccessService access, ArticleService articles, QueueService queues, TicketRows rows,
            TicketLookups lookups, TicketLinking linking, TimeAccounting timeAccounting, TicketFlags flags,
            java.time.Clock clock) {
        this.flags = flags;
        this.clock = clock;
        this.db = db;
        this.access = access;
        this.articles = articles;
        this.queues = queues;
        this.rows = rows;
        this.lookups = lookups;
        this.linking = linking;
        this.timeAccounting = timeAccounting;
    }

    @Transactional(readOnly = true)
    TicketDetails details(int actorId, long ticketId) {
        Current ticket = rows.read(ticketId);
        if (!rows.mayRead(actorId, ticket)) {
            throw new NoSuchTicket(ticketId); // the same answer as for a ticket that does not exist
        }
        LocalDateTime pendingUntil = ticket.untilTime() == 0 ? null
                : LocalDateTime.ofInstant(Instant.ofEpochSecond(ticket.untilTime()), ZoneId.systemDefault());
        // Linked tickets the reader may not read are only counted: not even their number shows.
        List<TicketDetails.LinkedTicket> allLinks = linking.linksOf(ticketId);
        Set<Long> readableLinks = readableAmong(actorId, allLinks.stream().map(TicketDetails.LinkedTicket::id).toList());
        List<TicketDetails.LinkedTicket> visibleLinks = allLinks.stream().filter(link -> readableLinks.contains(link.id())).toList();
        boolean watched = db.fetchExists(TICKET_WATCHER, TICKET_WATCHER.TICKET_ID.eq(ticketId)
                .and(TICKET_WATCHER.USER_ID.eq(actorId)));
        return new TicketDetails(ticket.ticketId(), ticket.number(), ticket.title(), ticket.queueName(),
                ticket.stateName(), ticket.stateType(), ticket.priorityName(), ticket.typeName(), ticket.lockName(),
                ticket.snapshot().ownerId(), ticket.ownerLogin(), ticket.responsibleId(), ticket.responsibleLogin(),
                ticket.customerUserId(), ticket.customerId(), ticket.created(), ticket.changed(), pendingUntil,
                timeAccounting.total(ticketId), watched, visibleLinks, allLinks.size() - visibleLinks.size(),
                articles.articlesOf(ticketId), history(actorId, ticketId), ticket.snapshot().queueId(),
                ticket.escalationTime() == 0 ? null
                        : LocalDateTime.ofInstant(Instant.ofEpochSecond(ticket.escalationTime()), ZoneId.systemDefault()),
                org.jotrs.ticket.TicketList.Escalation.of(ticket.escalationTime(), clock.instant()));
    }

    @Transactional(readOnly = true)
    ZoomOptions options(int actorId, long ticketId) {
        Current ticket = rows.read(ticketId);
        rows.require(actorId, ticket, Permission.RO, "permission.action.read-tickets");
        Set<Integer> groups = access.groupsWith(actorId, Permission.MOVE_INTO);
        List<Queue> targets = queues.validQueues().stream().filter(queue -> groups.contains(queue.groupId())).toList();
        List<String> states = lookups.states().stream().filter(State::settableOnChange).map(State::name).toList();
        return new ZoomOptions(states, lookups.priorities(), lookups.types(), targets,
                access.agentsWith(ticket.groupId(), Permission.OWNER));
    }

    @Transactional(readOnly = true)
    java.util.Optional<Long> idByNumber(String number) {
        if (number == null || number.isBlank()) {
            return java.util.Optional.empty();
        }
        return db.select(TICKET.ID).from(TICKET).where(TICKET.TN.eq(number.strip())).fetchOptional(TICKET.ID);
    }

    /**
     * OTRS's read check alone: the owner and the responsible agent may read their ticket, everyone
     * else needs {@code ro} on its queue's group.
     *
     * @throws NoSuchTicket when it does not exist
     */
    @Transactional(readOnly = true)
    void requireReadable(int actorId, long ticketId) {
        var row = db.select(TICKET.USER_ID, TICKET.RESPONSIBLE_USER_ID, QUEUE.GROUP_ID, QUEUE.NAME)
                .from(TICKET)
                .join(QUEUE).on(QUEUE.ID.eq(TICKET.QUEUE_ID))
                .where(TICKET.ID.eq(ticketId))
                .fetchOptional()
                .orElseThrow(() -> new NoSuchTicket(ticketId));
        if (row.value1() != actorId && row.value2() != actorId
                && !access.permissionsOn(actorId, row.value3()).contains(Permission.RO)) {
            throw new NoSuchTicket(ticketId); // the same answer as for a ticket that does not exist
        }
    }

    @Transactional(readOnly = true)
    Attachment attachment(int actorId, long ticketId, long articleId, int fileId) {
        requireReadable(actorId, ticketId);
        return articles.attachment(ticketId, articleId, fileId).orElseThrow(() -> new NoSuchAttachment(ticketId, articleId));
    }

    @Transactional(readOnly = true)
    String articleHtml(int actorId, long ticketId, long articleId) {
        requireReadable(actorId, ticketId);
        return articles.safeHtmlBody(ticketId, articleId).orElseThrow(() -> new NoSuchAttachment(ticketId, articleId));
    }

    /** See {@link org.jotrs.ticket.TicketService#markSeen}: one read when nothing is new. */
    @Transactional
    void markSeen(int actorId, long ticketId) {
        if (flags.seen(ticketId, actorId)) {
            return;
        }
        requireReadable(actorId, ticketId);
        articles.markSeen(actorId, ticketId);
        flags.markSeen(ticketId, actorId);
    }

    @Transactional(readOnly = true)

    boolean canRead(int actorId, long ticketId) {
        var row = db.select(QUEUE.GROUP_ID, TICKET.USER_ID, TICKET.RESPONSIBLE_USER_ID)
                .from(TICKET)
                .join(QUEUE).on(QUEUE.ID.eq(TICKET.QUEUE_ID))
                .where(TICKET.ID.eq(ticketId))
                .fetchOne();
        if (row == null) {
            return false;
        }
        return Integer.valueOf(actorId).equals(row.value2()) || Integer.valueOf(actorId).equals(row.value3())
                || access.permissionsOn(actorId, row.value1()).contains(Permission.RO);
    }

    @Transactional(readOnly = true)
    Set<Long> readableAmong(int actorId, Collection<Long> ticketIds) {
        if (ticketIds.isEmpty()) {
            return Set.of();
        }
        Set<Integer> readableGroups = access.groupsWith(actorId, Permission.RO);
        return Set.copyOf(db.select(TICKET.ID)
                .from(TICKET)
                .join(QUEUE).on(QUEUE.ID.eq(TICKET.QUEUE_ID))
                .where(TICKET.ID.in(ticketIds))
                .and(QUEUE.GROUP_ID.in(readableGroups)
                        .or(TICKET.USER_ID.eq(actorId))
                        .or(TICKET.RESPONSIBLE_USER_ID.eq(actorId)))
                .fetch(TICKET.ID));
    }

    /** Values that name another ticket, per history type: the positions of (number, id) pairs. */
    private static final java.util.Map<String, int[]> OTHER_TICKET_VALUES = java.util.Map.of(
            HistoryType.TICKET_LINK_ADD.otrsName(), new int[] {0}, HistoryType.TICKET_LINK_DELETE.otrsName(), new int[] {0},
            HistoryType.MERGED.otrsName(), new int[] {0, 2});

    private static final String HIDDEN_TICKET = "(a ticket you may not read)";

    /**
     * The ticket's history; entries that name another ticket (links, merges) show its number and id
     * only when the reader may read that ticket as well.
     */
    private List<HistoryEntry> history(int actorId, long ticketId) {
        List<HistoryEntry> entries = history(ticketId);
        java.util.Set<Long> named = new java.util.HashSet<>();
        for (HistoryEntry entry : entries) {
            for (int at : OTHER_TICKET_VALUES.getOrDefault(entry.type(), new int[0])) {
                otherId(entry.values(), at).ifPresent(named::add);
            }
        }
        named.remove(ticketId);
        if (named.isEmpty()) {
            return entries;
        }
        Set<Long> readable = readableAmong(actorId, named);
        return entries.stream().map(entry -> {
            int[] positions = OTHER_TICKET_VALUES.get(entry.type());
            if (positions == null) {
                return entry;
            }
            List<String> values = new java.util.ArrayList<>(entry.values());
            for (int at : positions) {
                otherId(values, at).filter(id -> id != ticketId && !readable.contains(id)).ifPresent(id -> {
                    values.set(at, HIDDEN_TICKET);
                    values.set(at + 1, "");
                });
            }
            return new HistoryEntry(entry.time(), entry.type(), values.stream().filter(v -> !v.isEmpty()).toList(),
                    entry.agent());
        }).toList();
    }

    private static java.util.Optional<Long> otherId(List<String> values, int numberAt) {
        if (values.size() <= numberAt + 1) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(Long.parseLong(values.get(numberAt + 1)));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private List<HistoryEntry> history(long ticketId) {
        return db.select(TICKET_HISTORY.CREATE_TIME, TICKET_HISTORY_TYPE.NAME, TICKET_HISTORY.NAME, USERS.LOGIN)
                .from(TICKET_HISTORY)
                .join(TICKET_HISTORY_TYPE).on(TICKET_HISTORY_TYPE.ID.eq(TICKET_HISTORY.HISTORY_TYPE_ID))
                .leftJoin(USERS).on(USERS.ID.eq(TICKET_HISTORY.CREATE_BY))
                .where(TICKET_HISTORY.TICKET_ID.eq(ticketId))
                .orderBy(TICKET_HISTORY.ID)
                .fetch(r -> new HistoryEntry(r.value1(), r.value2(), values(r.value3()), r.value4()));
    }

    /** OTRS history names are "%%value%%value"; the values are what its history screen shows. */
    static List<String> values(String name) {
        return Arrays.stream(name.split("%%")).filter(value -> !value.isEmpty()).toList();
    }
}
