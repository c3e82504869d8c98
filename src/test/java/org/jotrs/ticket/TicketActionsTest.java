package org.jotrs.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jotrs.platform.db.schema.Tables.ARTICLE;
import static org.jotrs.platform.db.schema.Tables.JOTRS_CHANGE_FEED;
import static org.jotrs.platform.db.schema.Tables.TICKET;
import static org.jotrs.platform.db.schema.Tables.TICKET_HISTORY;
import static org.jotrs.platform.db.schema.Tables.TICKET_HISTORY_TYPE;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jooq.DSLContext;
import org.jotrs.access.PermissionDenied;
import org.jotrs.testing.Agents;
import org.jotrs.testing.Customers;
import org.jotrs.testing.OnEveryDatabase;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;

/** Notes, state, priority, queue, lock and owner changes on every database: rows, OTRS history, feed, refusals, concurrency. */
class TicketActionsTest {

    private static final int ROOT = 1;

    @OnEveryDatabase
    void actionsChangeTheTicketAndRecordIt(DatabaseKind kind) throws Exception {
        try (TestDatabase database = TestDatabase.create(kind); RunningJotrs jotrs = RunningJotrs.start(database)) {
            DSLContext db = jotrs.bean(DSLContext.class);
            TicketService tickets = jotrs.bean(TicketService.class);
            Customers.aCustomerUser("carla").in(db);
            int reader = Agents.anAgent("reader").named("Rea", "Der").in(db);
            Agents.grant(db, reader, 1, "ro");
            long ticketId = tickets.createPhoneTicket(ROOT,
                    new NewPhoneTicket(2, "carla", "Laptop broken", "Screen is black.", null, null, null)).ticketId();

            tickets.apply(ROOT, ticketId, new TicketAction.AddNote("Note", "Ordered a new screen.", false));
            tickets.apply(ROOT, ticketId, new TicketAction.ChangePriority("5 very high"));
            tickets.apply(ROOT, ticketId, new TicketAction.MoveToQueue(4));
            tickets.apply(ROOT, ticketId, new TicketAction.ChangeState("closed successful", null));

            var ticket = db.selectFrom(TICKET).where(TICKET.ID.eq(ticketId)).fetchSingle();
            assertThat(ticket.getTicketStateId()).isEqualTo((short) 2);
            assertThat(ticket.getTicketPriorityId()).isEqualTo((short) 5);
            assertThat(ticket.getQueueId()).isEqualTo(4);
            assertThat(history(db, ticketId)).containsSubsequence(
                    "AddNote|%%Note", "PriorityUpdate|%%3 normal%%3%%5 very high%%5", "Move|%%Misc%%4%%Raw%%2",
                    "StateUpdate|%%open%%closed successful%%");
            var note = db.selectFrom(ARTICLE).where(ARTICLE.TICKET_ID.eq(ticketId)).orderBy(ARTICLE.ID.desc()).limit(1).fetchSingle();
            assertThat(note.getIsVisibleForCustomer()).isEqualTo((short) 0);
            assertThat(jotrs.bean(TicketService.class).details(ROOT, ticketId).articles()).last()
                    .satisfies(article -> {
                        assertThat(article.channel()).isEqualTo("Internal");
                        assertThat(article.from()).isEqualTo("\"Admin OTRS\" <root@localhost>");
                    });
            assertThat(db.select(JOTRS_CHANGE_FEED.CHANGE_KIND).from(JOTRS_CHANGE_FEED)
                    .where(JOTRS_CHANGE_FEED.TICKET_ID.eq(ticketId)).orderBy(JOTRS_CHANGE_FEED.ID).fetch(JOTRS_CHANGE_FEED.CHANGE_KIND))
                    .containsExactly("TicketCreate", "ArticleCreate", "ArticleCreate", "TicketPriorityUpdate",
                            "TicketQueueUpdate", "TicketStateUpdate");

            List<Integer> before = counts(db, ticketId);
            for (TicketAction action : List.<TicketAction>of(new TicketAction.AddNote("Note", "x", false),
                    new TicketAction.ChangePriority("1 very low"), new TicketAction.MoveToQueue(2),
                    new TicketAction.ChangeState("open", null))) {
                assertThatThrownBy(() -> tickets.apply(reader, ticketId, action)).isInstanceOf(PermissionDenied.class);
            }
            assertThatThrownBy(() -> tickets.apply(ROOT, ticketId, new TicketAction.ChangeState("pending reminder", null)))
                    .isInstanceOfSatisfying(InvalidTicketRequest.class, e -> assertThat(e.errors()).containsOnlyKeys("pendingUntil"));
            assertThatThrownBy(() -> tickets.apply(ROOT, ticketId, new TicketAction.ChangeState("merged", null)))
                    .isInstanceOf(InvalidTicketRequest.class);
            assertThatThrownBy(() -> tickets.apply(ROOT, ticketId, new TicketAction.AddNote("", "", false)))
                    .isInstanceOfSatisfying(InvalidTicketRequest.class, e -> assertThat(e.errors()).containsOnlyKeys("subject", "body"));
            assertThatThrownBy(() -> tickets.apply(ROOT, 987654321L, new TicketAction.ChangePriority("1 very low")))
                    .isInstanceOf(NoSuchTicket.class);
            assertThat(counts(db, ticketId)).as("nothing written").isEqualTo(before);
            assertThat(db.selectFrom(TICKET).where(TICKET.ID.eq(ticketId)).fetchSingle().getTicketPriorityId()).isEqualTo((short) 5);

            // Locking: taking the ticket makes the taker its owner; others without rw are then refused.
            int helper = Agents.anAgent("helper").named("Hel", "Per").in(db);
            for (String permission : List.of("ro", "note", "owner", "move_into")) {
                Agents.grant(db, helper, 1, permission);
            }
            tickets.apply(ROOT, ticketId, new TicketAction.MoveToQueue(2));
            tickets.apply(helper, ticketId, new TicketAction.Lock());
            var locked = db.selectFrom(TICKET).where(TICKET.ID.eq(ticketId)).fetchSingle();
            assertThat(locked.getTicketLockId()).isEqualTo((short) 2);
            assertThat(locked.getUserId()).isEqualTo(helper);
            assertThat(history(db, ticketId)).containsSubsequence("Lock|%%lock", "OwnerUpdate|%%helper%%" + helper);
            tickets.apply(helper, ticketId, new TicketAction.AddNote("Mine", "Working on it.", false));
            tickets.apply(ROOT, ticketId, new TicketAction.ChangeOwner(ROOT));
            assertThatThrownBy(() -> tickets.apply(helper, ticketId, new TicketAction.AddNote("Note", "x", false)))
                    .isInstanceOf(PermissionDenied.class).hasMessageContaining("locked by root@localhost");
            assertThatThrownBy(() -> tickets.apply(ROOT, ticketId, new TicketAction.ChangeOwner(reader)))
                    .isInstanceOfSatisfying(InvalidTicketRequest.class, e -> assertThat(e.errors()).containsOnlyKeys("owner"));
            tickets.apply(ROOT, ticketId, new TicketAction.Unlock());
            assertThat(history(db, ticketId)).last().isEqualTo("Unlock|%%unlock");
            tickets.apply(helper, ticketId, new TicketAction.AddNote("Note", "Unlocked again, so I may.", false));

            tickets.apply(ROOT, ticketId, new TicketAction.ChangeState("pending reminder", LocalDateTime.now().plusDays(1)));
            assertThat(history(db, ticketId)).last().asString().startsWith("SetPendingTime|%%");

            // Concurrent notes on one ticket: the row lock serialises them and none is lost.
            int articlesBefore = db.fetchCount(ARTICLE, ARTICLE.TICKET_ID.eq(ticketId));
            try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
                List<Future<?>> results = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    int n = i;
                    results.add(pool.submit(() -> tickets.apply(ROOT, ticketId, new TicketAction.AddNote("Note " + n, "Body " + n, false))));
                }
                for (Future<?> result : results) {
                    result.get();
                }
            }
            assertThat(db.fetchCount(ARTICLE, ARTICLE.TICKET_ID.eq(ticketId))).isEqualTo(articlesBefore + 16);
        }
    }

    private static List<String> history(DSLContext db, long ticketId) {
        return db.select(TICKET_HISTORY_TYPE.NAME, TICKET_HISTORY.NAME).from(TICKET_HISTORY)
                .join(TICKET_HISTORY_TYPE).on(TICKET_HISTORY_TYPE.ID.eq(TICKET_HISTORY.HISTORY_TYPE_ID))
                .where(TICKET_HISTORY.TICKET_ID.eq(ticketId)).orderBy(TICKET_HISTORY.ID)
                .fetch(r -> r.value1() + "|" + r.value2());
    }

    private static List<Integer> counts(DSLContext db, long ticketId) {
        return List.of(db.fetchCount(ARTICLE, ARTICLE.TICKET_ID.eq(ticketId)),
                db.fetchCount(TICKET_HISTORY, TICKET_HISTORY.TICKET_ID.eq(ticketId)),
                db.fetchCount(JOTRS_CHANGE_FEED, JOTRS_CHANGE_FEED.TICKET_ID.eq(ticketId)));
    }
}
