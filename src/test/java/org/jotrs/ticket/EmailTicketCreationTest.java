package org.jotrs.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jotrs.platform.db.schema.Tables.ARTICLE;
import static org.jotrs.platform.db.schema.Tables.JOTRS_MAIL_OUTBOX;
import static org.jotrs.platform.db.schema.Tables.TICKET;
import static org.jotrs.platform.db.schema.Tables.TICKET_HISTORY;
import static org.jotrs.platform.db.schema.Tables.TICKET_HISTORY_TYPE;

import java.util.List;

import org.jooq.DSLContext;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.OnEveryDatabase;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;

/**
 * Email tickets (the first article is a queued mail to the customer) and the owner, responsible
 * and type fields of both new-ticket screens, on every database.
 */
class EmailTicketCreationTest {

    private static final int ROOT = 1;

    @OnEveryDatabase
    void emailTicketsAreMailedAndOwnedAsChosen(DatabaseKind kind) {
        try (TestDatabase database = TestDatabase.create(kind); RunningJotrs jotrs = RunningJotrs.start(database)) {
            DSLContext db = jotrs.bean(DSLContext.class);
            TicketService tickets = jotrs.bean(TicketService.class);
            TicketWorkflowTest.customer(db, "carla", "carla@example.com", "ACME");
            int reader = TicketWorkflowTest.agent(db, "reader", "ro");
            db.execute("INSERT INTO ticket_type (name, valid_id, create_time, create_by, change_time, change_by)"
                    + " VALUES ('Incident', 1, CURRENT_TIMESTAMP, 1, CURRENT_TIMESTAMP, 1)");

            int olga = TicketWorkflowTest.agent(db, "olga", "owner");
            CreatedTicket created = tickets.createEmailTicket(ROOT, new NewEmailTicket(2, "carla", "", "boss@example.com",
                    "Your new laptop", "It is ready for pick-up.", null, null, null, "Incident", olga, olga, List.of()));

            var ticket = db.selectFrom(TICKET).where(TICKET.ID.eq(created.ticketId())).fetchSingle();
            assertThat(ticket.getTitle()).isEqualTo("Your new laptop");
            assertThat(ticket.getTicketLockId()).isEqualTo((short) 2);
            assertThat(ticket.getUserId()).isEqualTo(olga);
            assertThat(ticket.getResponsibleUserId()).isEqualTo(olga);
            assertThat(ticket.getTimeout()).as("the agent's mail started the unlock timeout").isPositive();
            TicketDetails details = tickets.details(ROOT, created.ticketId());
            assertThat(details.type()).isEqualTo("Incident");
            assertThat(details.articles()).singleElement().satisfies(article -> {
                assertThat(article.channel()).isEqualTo("Email");
                assertThat(article.subject()).isEqualTo("[Ticket#" + created.ticketNumber() + "] Your new laptop");
                assertThat(article.to()).isEqualTo("\"Carla Customer\" <carla@example.com>");
                assertThat(article.from()).isEqualTo("\"Jotrs System\" <jotrs@localhost>");
            });
            var queued = db.selectFrom(JOTRS_MAIL_OUTBOX).where(JOTRS_MAIL_OUTBOX.ARTICLE_ID.eq(created.articleId())).fetchSingle();
            assertThat(queued.getRecipients()).isEqualTo("carla@example.com,boss@example.com");
            // OTRS's AgentTicketEmail order: the ticket, the mail, then owner (with the lock) and responsible.
            assertThat(history(db, created.ticketId())).containsSubsequence("NewTicket", "CustomerUpdate",
                    "EmailAgent|%%\"Carla Customer\" <carla@example.com>, boss@example.com, ", "Misc|Reset of unlock time.",
                    "OwnerUpdate|%%olga%%" + olga, "Lock|%%lock", "ResponsibleUpdate|%%olga%%" + olga);

            // A phone ticket takes the same fields.
            long phone = tickets.createPhoneTicket(ROOT, new NewPhoneTicket(2, "carla", "Call", "Called.", null, null, null,
                    List.of(), "Incident", null, ROOT)).ticketId();
            assertThat(tickets.details(ROOT, phone).lock()).isEqualTo("unlock");
            assertThat(tickets.details(ROOT, phone).responsibleId()).isEqualTo(ROOT);

            // Refusals write nothing.
            int ticketsBefore = db.fetchCount(TICKET);
            int articlesBefore = db.fetchCount(ARTICLE);
            int queuedBefore = db.fetchCount(JOTRS_MAIL_OUTBOX);
            assertThatThrownBy(() -> tickets.createEmailTicket(ROOT, new NewEmailTicket(2, "carla", "not an address", "",
                    "S", "B", null, null, null, null, null, null, List.of())))
                    .isInstanceOfSatisfying(InvalidTicketRequest.class, e -> assertThat(e.errors()).containsOnlyKeys("to"));
            assertThatThrownBy(() -> tickets.createEmailTicket(ROOT, new NewEmailTicket(2, "carla", "", "", "S", "B",
                    null, null, null, "Nope", reader, null, List.of())))
                    .isInstanceOfSatisfying(InvalidTicketRequest.class,
                            e -> assertThat(e.errors()).containsOnlyKeys("type", "owner"));
            assertThatThrownBy(() -> tickets.createPhoneTicket(ROOT, new NewPhoneTicket(2, "carla", "T", "B", null, null,
                    null, List.of(), null, null, reader)))
                    .isInstanceOfSatisfying(InvalidTicketRequest.class,
                            e -> assertThat(e.errors()).containsOnlyKeys("responsible"));
            assertThat(List.of(db.fetchCount(TICKET), db.fetchCount(ARTICLE), db.fetchCount(JOTRS_MAIL_OUTBOX)))
                    .containsExactly(ticketsBefore, articlesBefore, queuedBefore);
        }
    }

    private static List<String> history(DSLContext db, long ticketId) {
        return db.select(TICKET_HISTORY_TYPE.NAME, TICKET_HISTORY.NAME).from(TICKET_HISTORY)
                .join(TICKET_HISTORY_TYPE).on(TICKET_HISTORY_TYPE.ID.eq(TICKET_HISTORY.HISTORY_TYPE_ID))
                .where(TICKET_HISTORY.TICKET_ID.eq(ticketId)).orderBy(TICKET_HISTORY.ID)
                .fetch(r -> r.value1().equals("NewTicket") || r.value1().equals("CustomerUpdate") ? r.value1()
                        : r.value1() + "|" + r.value2());
    }
}
