package org.jotrs.ticket.internal;

import static org.jotrs.platform.Messages.t;
import static org.jotrs.platform.db.schema.Tables.TICKET;
import static org.jotrs.platform.db.schema.Tables.TICKET_WATCHER;
import static org.jotrs.platform.db.schema.Tables.TIME_ACCOUNTING;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jotrs.access.AccessService;
import org.jotrs.access.Permission;
import org.jotrs.article.ArticleService;
import org.jotrs.article.Channel;
import org.jotrs.article.NewArticle;
import org.jotrs.article.SenderType;
import org.jotrs.platform.ChangeFeed;
import org.jotrs.platform.FeedKind;
import org.jotrs.ticket.InvalidTicketRequest;
import org.jotrs.ticket.TicketAction.LinkType;
import org.jotrs.ticket.internal.TicketLookups.State;
import org.jotrs.ticket.internal.TicketRows.Current;
import org.springframework.stereotype.Component;

/**
 * OTRS's TicketMerge: the merged ticket's articles and accounted time move to the target; the
 * merged ticket keeps a visible note "Merged Ticket X to Y.", gets the state merged and is
 * unlocked; both tickets get a Merged history row "%%MergedTN%%MergedID%%MainTN%%MainID"; the
 * target becomes the parent of the merged ticket; watchers move along. Needs rw on both.
 */
@Component
class TicketMerging {

    private final DSLContext db;
    private final AccessService access;
    private final ArticleService articles;
    private final TicketRows rows;
    private final TicketLookups lookups;
    private final TicketHistory history;
    private final TicketLinking linking;
    private final ChangeFeed feed;
    private final Clock clock;

    private final ArticleArrival arrival;
    private final TicketFlags flags;

    TicketMerging(DSLContext db, AccessService access, ArticleService articles, TicketRows rows, TicketLookups lookups,
            TicketHistory history, TicketLinking linking, ChangeFeed feed, Clock clock, ArticleArrival arrival, TicketFlags flags) {
        this.arrival = arrival;
        this.flags = flags;
        this.db = db;
        this.access = access;
        this.articles = articles;
        this.rows = rows;
        this.lookups = lookups;
        this.history = history;
        this.linking = linking;
        this.feed = feed;
        this.clock = clock;
    }

    /** @param main the ticket to merge into, already locked by the caller (see {@code TicketUpdates}) */
    void merge(int actorId, Current merged, Current main) {
        rows.require(actorId, merged, Permission.RW, "permission.action.merge-tickets");
        if (merged.merged()) {
            throw new InvalidTicketRequest(Map.of("targetNumber", t("ticket.error.already-merged")));
        }
        if (main.merged()) {
            throw new InvalidTicketRequest(Map.of("targetNumber", t("ticket.error.target-merged", main.number())));
        }
        rows.require(actorId, main, Permission.RW, "permission.action.merge-into", main.number());
        State mergedState = lookups.firstStateOfType("merged")
                .orElseThrow(() -> new IllegalStateException("No valid state of type merged"));

        long mainId = main.ticketId();
        long mergedId = merged.ticketId();
        articles.moveArticles(mergedId, mainId, actorId);
        db.update(TIME_ACCOUNTING).set(TIME_ACCOUNTING.TICKET_ID, mainId)
                .set(TIME_ACCOUNTING.CHANGE_TIME, LocalDateTime.now(clock)).set(TIME_ACCOUNTING.CHANGE_BY, actorId)
                .where(TIME_ACCOUNTING.TICKET_ID.eq(mergedId)).execute();
        moveWatchers(mergedId, mainId, actorId);

        // OTRS's TicketMerge composes this note as "text/plain; charset=ascii".
        long noteId = articles.add(new NewArticle(mergedId, SenderType.AGENT, Channel.INTERNAL, true,
                access.mailbox(actorId), null, "Ticket Merged",
                "Merged Ticket " + merged.number() + " to " + main.number() + ".", actorId, null, List.of(), "ascii"));
        history.add(merged.snapshot(), noteId, HistoryType.ADD_NOTE, "%%Note", actorId);
        arrival.recorded(merged.snapshot(), noteId, SenderType.AGENT, actorId);

        String name = "%%" + merged.number() + "%%" + mergedId + "%%" + main.number() + "%%" + mainId;
        history.add(merged.snapshot(), null, HistoryType.MERGED, name, actorId);
        history.add(main.snapshot(), null, HistoryType.MERGED, name, actorId);
        linking.add(actorId, main, merged, LinkType.PARENT_CHILD);

        Map<org.jooq.Field<?>, Object> values = new java.util.HashMap<>();
        values.put(TICKET.TICKET_STATE_ID, mergedState.id());
        values.put(TICKET.UNTIL_TIME, 0);
        values.put(TICKET.TICKET_LOCK_ID, lookups.lockId("unlock"));
        rows.update(mergedId, actorId, values);
        var afterState = merged.snapshot().withState(mergedState.id());
        history.add(afterState, null, HistoryType.STATE_UPDATE, "%%" + merged.stateName() + "%%" + mergedState.name() + "%%", actorId);
        history.add(afterState, null, HistoryType.SET_PENDING_TIME, TicketUpdates.NO_PENDING_TIME, actorId);
        if (merged.locked()) {
            history.add(afterState, null, HistoryType.UNLOCK, "%%unlock", actorId);
        }
        rows.update(mainId, actorId, Map.of());
        // OTRS's TicketMerge: the surviving ticket got articles its readers have not seen.
        flags.clearSeen(mainId);

        feed.append(ChangeFeed.ObjectType.TICKET, mergedId, mergedId, FeedKind.TICKET_MERGE, actorId);
        feed.append(ChangeFeed.ObjectType.TICKET, mainId, mainId, FeedKind.TICKET_MERGE, actorId);
    }

    /** Watchers of the merged ticket watch the surviving one instead (OTRS moves them too). */
    private void moveWatchers(long mergedId, long mainId, int actorId) {
        List<Integer> watchers = db.select(TICKET_WATCHER.USER_ID).from(TICKET_WATCHER)
                .where(TICKET_WATCHER.TICKET_ID.eq(mergedId))
                .and(TICKET_WATCHER.USER_ID.notIn(db.select(TICKET_WATCHER.USER_ID).from(TICKET_WATCHER)
                        .where(TICKET_WATCHER.TICKET_ID.eq(mainId))))
                .fetch(TICKET_WATCHER.USER_ID);
        LocalDateTime now = LocalDateTime.now(clock);
        for (int userId : watchers) {
            db.insertInto(TICKET_WATCHER).set(TICKET_WATCHER.TICKET_ID, mainId).set(TICKET_WATCHER.USER_ID, userId)
                    .set(TICKET_WATCHER.CREATE_TIME, now).set(TICKET_WATCHER.CREATE_BY, actorId)
                    .set(TICKET_WATCHER.CHANGE_TIME, now).set(TICKET_WATCHER.CHANGE_BY, actorId).execute();
        }
        db.deleteFrom(TICKET_WATCHER).where(TICKET_WATCHER.TICKET_ID.eq(mergedId)).execute();
    }
}
