package org.jotrs.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jotrs.platform.db.schema.Tables.ARTICLE;
import static org.jotrs.platform.db.schema.Tables.JOTRS_CHANGE_FEED;
import static org.jotrs.platform.db.schema.Tables.TICKET;
import static org.jotrs.platform.db.schema.Tables.TICKET_HISTORY;
import static org.jotrs.platform.db.schema.Tables.TICKET_HISTORY_TYPE;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.jooq.DSLContext;
import org.jotrs.access.PermissionDenied;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.Agents;
import org.jotrs.testing.OnEveryDatabase;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;
import org.jotrs.ticket.TicketFieldsEdit.Edit;

/**
 * The zoom's field panel through the facade on every database: all fields saved together in one
 * transaction with their OTRS history rows; a field someone else changed since the form opened is
 * refused naming them, and nothing is written; fields nobody else touched save over a stale form.
 */
class TicketFieldsEditTest {

    private static final int ROOT = 1;
    private static final int USERS_GROUP = 1;

    @OnEveryDatabase
    void fieldsSaveTogetherAndNeverOverwriteAColleaguesChange(DatabaseKind kind) {
        try (TestDatabase database = TestDatabase.create(kind); RunningJotrs jotrs = RunningJotrs.start(database)) {
            DSLContext db = jotrs.bean(DSLContext.class);
            TicketService tickets = jotrs.bean(TicketService.class);
            Agents.customerCarla(db);
            int alice = Agents.agent(db, "alice", "Alice", "Able");
            int bob = Agents.agent(db, "bob", "Bob", "Baker");
            int reader = Agents.agent(db, "reader", "Rea", "Der");
            for (int agent : List.of(alice, bob)) {
                Agents.grant(db, agent, USERS_GROUP, "rw");
                Agents.grant(db, agent, USERS_GROUP, "owner");
                Agents.grant(db, agent, USERS_GROUP, "move_into");
            }
            Agents.grant(db, reader, USERS_GROUP, "ro");
            db.execute("INSERT INTO ticket_type (name, valid_id, create_by, create_time, change_by, change_time)"
                    + " VALUES ('Incident', 1, 1, CURRENT_TIMESTAMP, 1, CURRENT_TIMESTAMP)");
            long ticketId = tickets.createPhoneTicket(ROOT,
                    new NewPhoneTicket(2, "carla", "Printer jams", "Paper stuck.", null, null, null)).ticketId();
            long other = tickets.createPhoneTicket(ROOT,
                    new NewPhoneTicket(2, "carla", "Toner empty", "No toner.", null, null, null)).ticketId();

            // Alice opens the zoom (priority 3 normal, title "Printer jams"); then Bob raises the priority.
            tickets.apply(bob, ticketId, new TicketAction.ChangePriority("5 very high"));
            List<Integer> before = counts(db, ticketId);

            assertThatThrownBy(() -> tickets.changeFields(alice, ticketId, new TicketFieldsEdit(
                    new Edit<>("Printer jams", "Printer jams on tray 2"), null, null, null,
                    new Edit<>("3 normal", "4 high"), null, null, null, null, null)))
                    .isInstanceOfSatisfying(TicketChangedMeanwhile.class, conflict -> {
                        assertThat(conflict.status()).isEqualTo(409);
                        assertThat(conflict.errors()).containsOnlyKeys("priority");
                        assertThat(conflict.errors().get("priority")).isEqualTo("Changed by Bob Baker since you opened it.");
                        assertThat(conflict.changedBy()).containsEntry("priority", "Bob Baker");
                    });
            assertThat(counts(db, ticketId)).as("nothing written").isEqualTo(before);
            assertThat(db.select(TICKET.TITLE).from(TICKET).where(TICKET.ID.eq(ticketId)).fetchSingle().value1())
                    .isEqualTo("Printer jams");

            // The same stale form, priority left as shown: the title saves and Bob's priority stands.
            tickets.changeFields(alice, ticketId, new TicketFieldsEdit(new Edit<>("Printer jams", "Printer jams on tray 2"),
                    null, null, null, new Edit<>("3 normal", "3 normal"), null, null, null, null, null));
            var row = db.selectFrom(TICKET).where(TICKET.ID.eq(ticketId)).fetchSingle();
            assertThat(row.getTitle()).isEqualTo("Printer jams on tray 2");
            assertThat(row.getTicketPriorityId()).isEqualTo((short) 5);
            // Both changing a field to the same value is no conflict and writes nothing more.
            List<Integer> agreed = counts(db, ticketId);
            tickets.changeFields(alice, ticketId, new TicketFieldsEdit(null, null, null, null,
                    new Edit<>("3 normal", "5 very high"), null, null, null, null, null));
            assertThat(counts(db, ticketId)).isEqualTo(agreed);

            // Everything at once: one save, each change with its OTRS history row and feed row.
            LocalDateTime until = LocalDateTime.now().plusDays(3).truncatedTo(ChronoUnit.MINUTES);
            long feedBefore = db.fetchCount(JOTRS_CHANGE_FEED, JOTRS_CHANGE_FEED.TICKET_ID.eq(ticketId));
            tickets.changeFields(alice, ticketId, new TicketFieldsEdit(null, new Edit<>("Unclassified", "Incident"),
                    null, null, new Edit<>("5 very high", "4 high"), new Edit<>("open", "pending reminder"),
                    new Edit<>(null, until), new Edit<>(2, 4), new Edit<>(ROOT, bob), new Edit<>(ROOT, alice)));
            row = db.selectFrom(TICKET).where(TICKET.ID.eq(ticketId)).fetchSingle();
            assertThat(row.getTicketPriorityId()).isEqualTo((short) 4);
            assertThat(row.getQueueId()).isEqualTo(4);
            assertThat(row.getUserId()).isEqualTo(bob);
            assertThat(row.getResponsibleUserId()).isEqualTo(alice);
            assertThat(row.getUntilTime()).isPositive();
            assertThat(history(db, ticketId)).containsSubsequence("TypeUpdate", "PriorityUpdate", "StateUpdate",
                    "SetPendingTime", "Move", "OwnerUpdate", "ResponsibleUpdate");
            assertThat(db.fetchCount(JOTRS_CHANGE_FEED, JOTRS_CHANGE_FEED.TICKET_ID.eq(ticketId)) - feedBefore)
                    .isGreaterThanOrEqualTo(6);

            // Invalid input anywhere in the form: nothing of it is saved, not even the valid fields.
            List<Integer> beforeInvalid = counts(db, ticketId);
            assertThatThrownBy(() -> tickets.changeFields(alice, ticketId, new TicketFieldsEdit(
                    new Edit<>("Printer jams on tray 2", "Renamed"), null, null, null, null,
                    new Edit<>("pending reminder", "pending auto close+"), new Edit<>(until, null), null, null, null)))
                    .isInstanceOfSatisfying(InvalidTicketRequest.class, e -> assertThat(e.errors()).containsKey("pendingUntil"));
            assertThat(counts(db, ticketId)).isEqualTo(beforeInvalid);
            assertThat(db.select(TICKET.TITLE).from(TICKET).where(TICKET.ID.eq(ticketId)).fetchSingle().value1())
                    .isEqualTo("Printer jams on tray 2");

            // Without the permission: refused, nothing written.
            assertThatThrownBy(() -> tickets.changeFields(reader, other, new TicketFieldsEdit(
                    new Edit<>("Toner empty", "Mine now"), null, null, null, null, null, null, null, null, null)))
                    .isInstanceOf(PermissionDenied.class);
            assertThat(db.select(TICKET.TITLE).from(TICKET).where(TICKET.ID.eq(other)).fetchSingle().value1())
                    .isEqualTo("Toner empty");

            // An answer with its next steps is one change too: a refused step keeps the note out.
            List<Integer> beforeAnswer = counts(db, other);
            assertThatThrownBy(() -> tickets.applyTogether(alice, other, List.of(
                    new TicketAction.AddNote("Called", "Toner ordered.", false),
                    new TicketAction.ChangeState("pending reminder", null))))
                    .isInstanceOfSatisfying(InvalidTicketRequest.class, e -> assertThat(e.errors()).containsKey("pendingUntil"));
            assertThat(counts(db, other)).isEqualTo(beforeAnswer);
            tickets.applyTogether(alice, other, List.of(new TicketAction.AddNote("Called", "Toner ordered.", false),
                    new TicketAction.ChangeOwner(bob), new TicketAction.ChangeState("pending reminder", until),
                    new TicketAction.Unlock()));
            var answered = db.selectFrom(TICKET).where(TICKET.ID.eq(other)).fetchSingle();
            assertThat(answered.getUserId()).isEqualTo(bob);
            assertThat(answered.getTicketLockId()).isEqualTo((short) 1);
            assertThat(history(db, other)).containsSubsequence("AddNote", "OwnerUpdate", "StateUpdate", "SetPendingTime",
                    "Unlock");
            tickets.apply(ROOT, other, new TicketAction.ChangeState("open", null));

            // The customer's other open tickets, for agents who may read them.
            assertThat(tickets.openTicketsOfCustomer(reader, "carla", other, 10)).extracting(TicketSummary::id)
                    .containsExactly(ticketId);
            assertThat(tickets.openTicketsOfCustomer(reader, "carla", ticketId, 10)).extracting(TicketSummary::id)
                    .containsExactly(other);
            int outsider = Agents.agent(db, "outsider", "Out", "Sider");
            assertThat(tickets.openTicketsOfCustomer(outsider, "carla", other, 10)).isEmpty();
            tickets.apply(ROOT, other, new TicketAction.ChangeState("closed successful", null));
            assertThat(tickets.openTicketsOfCustomer(reader, "carla", ticketId, 10)).isEmpty();
        }
    }

    private static List<String> history(DSLContext db, long ticketId) {
        return db.select(TICKET_HISTORY_TYPE.NAME).from(TICKET_HISTORY)
                .join(TICKET_HISTORY_TYPE).on(TICKET_HISTORY_TYPE.ID.eq(TICKET_HISTORY.HISTORY_TYPE_ID))
                .where(TICKET_HISTORY.TICKET_ID.eq(ticketId)).orderBy(TICKET_HISTORY.ID)
                .fetch(TICKET_HISTORY_TYPE.NAME);
    }

    private static List<Integer> counts(DSLContext db, long ticketId) {
        return List.of(db.fetchCount(ARTICLE, ARTICLE.TICKET_ID.eq(ticketId)),
                db.fetchCount(TICKET_HISTORY, TICKET_HISTORY.TICKET_ID.eq(ticketId)),
                db.fetchCount(JOTRS_CHANGE_FEED, JOTRS_CHANGE_FEED.TICKET_ID.eq(ticketId)));
    }
}
