package org.jotrs.ticket.internal;

import static org.jotrs.platform.Messages.t;
import static org.jotrs.platform.db.schema.Tables.LINK_OBJECT;
import static org.jotrs.platform.db.schema.Tables.LINK_RELATION;
import static org.jotrs.platform.db.schema.Tables.LINK_STATE;
import static org.jotrs.platform.db.schema.Tables.LINK_TYPE;
import static org.jotrs.platform.db.schema.Tables.TICKET;
import static org.jotrs.platform.db.schema.Tables.TICKET_STATE;
import static org.jotrs.platform.db.schema.Tables.TICKET_STATE_TYPE;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.jooq.DSLContext;
import org.jotrs.access.Permission;
import org.jotrs.platform.ChangeFeed;
import org.jotrs.platform.FeedKind;
import org.jotrs.ticket.InvalidTicketRequest;
import org.jotrs.ticket.TicketAction.LinkTo;
import org.jotrs.ticket.TicketAction.LinkType;
import org.jotrs.ticket.TicketDetails.LinkedTicket;
import org.jotrs.ticket.internal.TicketRows.Current;
import org.springframework.stereotype.Component;

/**
 * Ticket links in OTRS's link tables ({@code link_relation} between {@code link_object} "Ticket"
 * keys). Linking needs ro on both tickets (OTRS's LinkObject ticket backend checks ro); each side
 * gets a TicketLinkAdd / TicketLinkDelete history row "%%OtherNumber%%OtherID%%OwnID".
 */
@Component
class TicketLinking {

    private final DSLContext db;
    private final TicketRows rows;
    private final TicketHistory history;
    private final ChangeFeed feed;
    private final Clock clock;
    private final AtomicReference<Short> ticketObjectId = new AtomicReference<>();

    TicketLinking(DSLContext db, TicketRows rows, TicketHistory history, ChangeFeed feed, Clock clock) {
        this.db = db;
        this.rows = rows;
        this.history = history;
        this.feed = feed;
        this.clock = clock;
    }

    /** @param target the ticket to link to, already locked by the caller (see {@code TicketUpdates}) */
    void link(int actorId, Current current, Current target, LinkTo link) {
        rows.require(actorId, current, Permission.RO, "permission.action.link-tickets");
        rows.require(actorId, target, Permission.RO, "permission.action.link-tickets");
        LinkType type = link.type() == null ? LinkType.NORMAL : link.type();
        if (linked(current.ticketId(), target.ticketId(), type)) {
            return;
        }
        add(actorId, current, target, type);
    }

    /** Adds a link (source is the parent for ParentChild) and the history and feed rows of both tickets. */
    void add(int actorId, Current source, Current target, LinkType type) {
        db.insertInto(LINK_RELATION)
                .set(LINK_RELATION.SOURCE_OBJECT_ID, ticketObjectId())
                .set(LINK_RELATION.SOURCE_KEY, Long.toString(source.ticketId()))
                .set(LINK_RELATION.TARGET_OBJECT_ID, ticketObjectId())
                .set(LINK_RELATION.TARGET_KEY, Long.toString(target.ticketId()))
                .set(LINK_RELATION.TYPE_ID, db.select(LINK_TYPE.ID).from(LINK_TYPE)
                        .where(LINK_TYPE.NAME.eq(type.otrsName())).fetchSingle().value1())
                .set(LINK_RELATION.STATE_ID, db.select(LINK_STATE.ID).from(LINK_STATE)
                        .where(LINK_STATE.NAME.eq("Valid")).fetchSingle().value1())
                .set(LINK_RELATION.CREATE_TIME, LocalDateTime.now(clock))
                .set(LINK_RELATION.CREATE_BY, actorId)
                .execute();
        record(actorId, source, target, FeedKind.TICKET_LINK_ADD);
        record(actorId, target, source, FeedKind.TICKET_LINK_ADD);
    }

    /**
     * Removes a link. Like OTRS's LinkObject ticket backend, it takes ro on both tickets; a linked
     * ticket the agent may not read is answered as if it did not exist.
     *
     * @param other the other ticket, already locked by the caller (see {@code TicketUpdates})
     */
    void unlink(int actorId, Current current, Current other) {
        rows.require(actorId, current, Permission.RO, "permission.action.remove-links");
        rows.require(actorId, other, Permission.RO, "permission.action.remove-links");
        String own = Long.toString(current.ticketId());
        String theirs = Long.toString(other.ticketId());
        int removed = db.deleteFrom(LINK_RELATION)
                .where(LINK_RELATION.SOURCE_OBJECT_ID.eq(ticketObjectId()))
                .and(LINK_RELATION.TARGET_OBJECT_ID.eq(ticketObjectId()))
                .and(LINK_RELATION.SOURCE_KEY.eq(own).and(LINK_RELATION.TARGET_KEY.eq(theirs))
                        .or(LINK_RELATION.SOURCE_KEY.eq(theirs).and(LINK_RELATION.TARGET_KEY.eq(own))))
                .execute();
        if (removed > 0) {
            record(actorId, current, other, FeedKind.TICKET_LINK_DELETE);
            record(actorId, other, current, FeedKind.TICKET_LINK_DELETE);
        }
    }

    /**
     * Every ticket linked to this one, with the link's meaning from this ticket's side, unchecked:
     * the caller shows only those the reader may read (see {@code TicketReading#details}).
     */
    List<LinkedTicket> linksOf(long ticketId) {
        String key = Long.toString(ticketId);
        List<LinkedTicket> links = new ArrayList<>();
        if (existingTicketObjectId() == null) {
            return links;
        }
        var asSource = db.select(LINK_RELATION.TARGET_KEY, LINK_TYPE.NAME).from(LINK_RELATION)
                .join(LINK_TYPE).on(LINK_TYPE.ID.eq(LINK_RELATION.TYPE_ID))
                .where(LINK_RELATION.SOURCE_OBJECT_ID.eq(ticketObjectId())).and(LINK_RELATION.SOURCE_KEY.eq(key))
                .and(LINK_RELATION.TARGET_OBJECT_ID.eq(ticketObjectId())).fetch();
        var asTarget = db.select(LINK_RELATION.SOURCE_KEY, LINK_TYPE.NAME).from(LINK_RELATION)
                .join(LINK_TYPE).on(LINK_TYPE.ID.eq(LINK_RELATION.TYPE_ID))
                .where(LINK_RELATION.TARGET_OBJECT_ID.eq(ticketObjectId())).and(LINK_RELATION.TARGET_KEY.eq(key))
                .and(LINK_RELATION.SOURCE_OBJECT_ID.eq(ticketObjectId())).fetch();
        for (var row : asSource) {
            describe(row.value1(), "ParentChild".equals(row.value2()) ? "Child" : "Normal").ifPresent(links::add);
        }
        for (var row : asTarget) {
            describe(row.value1(), "ParentChild".equals(row.value2()) ? "Parent" : "Normal").ifPresent(links::add);
        }
        return links;
    }

    private java.util.Optional<LinkedTicket> describe(String key, String relation) {
        long id;
        try {
            id = Long.parseLong(key);
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
        return db.select(TICKET.ID, TICKET.TN, TICKET.TITLE, TICKET_STATE.NAME, TICKET_STATE_TYPE.NAME).from(TICKET)
                .join(TICKET_STATE).on(TICKET_STATE.ID.eq(TICKET.TICKET_STATE_ID))
                .join(TICKET_STATE_TYPE).on(TICKET_STATE_TYPE.ID.eq(TICKET_STATE.TYPE_ID))
                .where(TICKET.ID.eq(id))
                .fetchOptional(r -> new LinkedTicket(r.value1(), r.value2(), r.value3(), r.value4(),
                        "closed".equals(r.value5()) || "merged".equals(r.value5()) || "removed".equals(r.value5()),
                        relation));
    }

    private boolean linked(long sourceId, long targetId, LinkType type) {
        String source = Long.toString(sourceId);
        String target = Long.toString(targetId);
        var sameDirection = LINK_RELATION.SOURCE_KEY.eq(source).and(LINK_RELATION.TARGET_KEY.eq(target));
        var condition = type == LinkType.NORMAL
                ? sameDirection.or(LINK_RELATION.SOURCE_KEY.eq(target).and(LINK_RELATION.TARGET_KEY.eq(source)))
                : sameDirection;
        return db.fetchExists(db.selectOne().from(LINK_RELATION)
                .join(LINK_TYPE).on(LINK_TYPE.ID.eq(LINK_RELATION.TYPE_ID))
                .where(LINK_RELATION.SOURCE_OBJECT_ID.eq(ticketObjectId()))
                .and(LINK_RELATION.TARGET_OBJECT_ID.eq(ticketObjectId()))
                .and(LINK_TYPE.NAME.eq(type.otrsName()))
                .and(condition));
    }

    /**
     * The id of the ticket with this number, for an agent who may read it; a ticket the agent may
     * not read gets the same answer as a number that does not exist.
     */
    long idByNumber(int actorId, String number, String field) {
        return byNumber(actorId, number, field).ticketId();
    }

    private Current byNumber(int actorId, String number, String field) {
        String tn = number == null ? "" : number.strip();
        if (tn.isEmpty()) {
            throw new InvalidTicketRequest(Map.of(field, t("ticket.error.enter-number")));
        }
        Long id = db.select(TICKET.ID).from(TICKET).where(TICKET.TN.eq(tn)).fetchOne(TICKET.ID);
        Current found = id == null ? null : rows.read(id);
        if (found == null || !rows.mayRead(actorId, found)) {
            throw new InvalidTicketRequest(Map.of(field, t("ticket.error.no-ticket-number", tn)));
        }
        return found;
    }

    private void record(int actorId, Current ticket, Current other, FeedKind kind) {
        HistoryType type = kind == FeedKind.TICKET_LINK_ADD ? HistoryType.TICKET_LINK_ADD : HistoryType.TICKET_LINK_DELETE;
        history.add(ticket.snapshot(), null, type, "%%" + other.number() + "%%" + other.ticketId() + "%%"
                + ticket.ticketId(), actorId);
        feed.append(ChangeFeed.ObjectType.TICKET, ticket.ticketId(), ticket.ticketId(), kind, actorId);
    }

    /** The "Ticket" link object's id, or null while no ticket was ever linked (reads never create it). */
    private Short existingTicketObjectId() {
        Short id = ticketObjectId.get();
        if (id != null) {
            return id;
        }
        Short found = db.select(LINK_OBJECT.ID).from(LINK_OBJECT).where(LINK_OBJECT.NAME.eq("Ticket")).fetchOne(0, Short.class);
        if (found != null) {
            ticketObjectId.set(found);
        }
        return found;
    }

    /** OTRS creates the "Ticket" link object on first use (LinkObject::ObjectLookup). */
    private short ticketObjectId() {
        Short found = existingTicketObjectId();
        if (found == null) {
            db.insertInto(LINK_OBJECT).set(LINK_OBJECT.NAME, "Ticket").onDuplicateKeyIgnore().execute();
            // Not remembered: the insert may still roll back with the caller's transaction.
            return db.select(LINK_OBJECT.ID).from(LINK_OBJECT).where(LINK_OBJECT.NAME.eq("Ticket")).fetchSingle(0, Short.class);
        }
        return found;
    }
}
