package org.jotrs.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jotrs.platform.db.schema.Tables.ARTICLE;
import static org.jotrs.platform.db.schema.Tables.ARTICLE_DATA_MIME;
import static org.jotrs.platform.db.schema.Tables.JOTRS_CHANGE_FEED;
import static org.jotrs.platform.db.schema.Tables.TICKET;
import static org.jotrs.platform.db.schema.Tables.TICKET_HISTORY;
import static org.jotrs.platform.db.schema.Tables.TICKET_HISTORY_TYPE;
import static org.jotrs.platform.db.schema.Tables.TICKET_NUMBER_COUNTER;

import java.time.LocalDateTime;
import java.util.List;

import org.jooq.DSLContext;
import org.jotrs.access.PermissionDenied;
import org.jotrs.testing.Agents;
import org.jotrs.testing.Customers;
import org.jotrs.testing.OnEveryDatabase;
import org.jotrs.testing.Roles;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;

/** Phone tickets through TicketService on every database: OTRS rows, history, change feed, checks. */
class PhoneTicketCreationTest {

    private static final int ROOT = 1;
    private static final int RAW = 2;

    @OnEveryDatabase
    void createsTicketArticleHistoryAndFeedOrNothing(DatabaseKind kind) {
        try (TestDatabase database = TestDatabase.create(kind); RunningJotrs jotrs = RunningJotrs.start(database)) {
            DSLContext db = jotrs.bean(DSLContext.class);
            TicketService tickets = jotrs.bean(TicketService.class);
            Customers.aCompany("ACME").named("Acme Inc.").in(db);
            Customers.aCustomerUser("carla").in(db);
            int reader = agent(db, "reader", "ro");
            int creator = agent(db, "creator", "create");

            CreatedTicket created = tickets.createPhoneTicket(ROOT,
                    new NewPhoneTicket(RAW, "Carla", "Printer on fire", "It smokes since 9 o'clock.", null, null, null));

            var ticket = db.selectFrom(TICKET).where(TICKET.ID.eq(created.ticketId())).fetchSingle();
            assertThat(ticket.getTn()).isEqualTo(created.ticketNumber()).matches("\\d{8}10\\d{5}\\d");
            assertThat(ticket.getTitle()).isEqualTo("Printer on fire");
            assertThat(ticket.getQueueId()).isEqualTo(RAW);
            assertThat(ticket.getTicketStateId()).isEqualTo((short) 4);
            assertThat(ticket.getTicketPriorityId()).isEqualTo((short) 3);
            assertThat(ticket.getTicketLockId()).isEqualTo((short) 1);
            assertThat(ticket.getUserId()).isEqualTo(1);
            assertThat(ticket.getCustomerId()).isEqualTo("ACME");
            assertThat(ticket.getCustomerUserId()).isEqualTo("carla");

            var article = db.selectFrom(ARTICLE).where(ARTICLE.ID.eq(created.articleId())).fetchSingle();
            assertThat(article.getTicketId()).isEqualTo(created.ticketId());
            assertThat(article.getArticleSenderTypeId()).isEqualTo((short) 3);
            assertThat(article.getIsVisibleForCustomer()).isEqualTo((short) 1);
            var mime = db.selectFrom(ARTICLE_DATA_MIME).where(ARTICLE_DATA_MIME.ARTICLE_ID.eq(created.articleId())).fetchSingle();
            assertThat(mime.getAFrom()).isEqualTo("\"Carla Customer\" <carla@example.com>");
            assertThat(mime.getASubject()).isEqualTo("Printer on fire");
            assertThat(mime.getABody()).isEqualTo("It smokes since 9 o'clock.");

            assertThat(db.select(TICKET_HISTORY_TYPE.NAME, TICKET_HISTORY.NAME, TICKET_HISTORY.ARTICLE_ID)
                    .from(TICKET_HISTORY).join(TICKET_HISTORY_TYPE).on(TICKET_HISTORY_TYPE.ID.eq(TICKET_HISTORY.HISTORY_TYPE_ID))
                    .where(TICKET_HISTORY.TICKET_ID.eq(created.ticketId())).orderBy(TICKET_HISTORY.ID)
                    .fetch(r -> r.value1() + "|" + r.value2() + "|" + r.value3()))
                    .containsExactly(
                            "NewTicket|%%" + created.ticketNumber() + "%%Raw%%3 normal%%open%%" + created.ticketId() + "|null",
                            "CustomerUpdate|%%CustomerID=ACME;CustomerUser=carla;|null",
                            "PhoneCallCustomer|%%|" + created.articleId());
            assertThat(db.select(JOTRS_CHANGE_FEED.OBJECT_TYPE, JOTRS_CHANGE_FEED.CHANGE_KIND, JOTRS_CHANGE_FEED.OBJECT_ID)
                    .from(JOTRS_CHANGE_FEED).where(JOTRS_CHANGE_FEED.TICKET_ID.eq(created.ticketId())).orderBy(JOTRS_CHANGE_FEED.ID)
                    .fetch(r -> r.value1() + "|" + r.value2() + "|" + r.value3()))
                    .containsExactly("TICKET|TicketCreate|" + created.ticketId(), "ARTICLE|ArticleCreate|" + created.articleId());

            List<Integer> before = counts(db);
            assertThatThrownBy(() -> tickets.createPhoneTicket(reader,
                    new NewPhoneTicket(RAW, "carla", "Nope", "Body", null, null, null)))
                    .isInstanceOf(PermissionDenied.class)
                    .hasMessage("You need the “create” permission to create tickets in queue Raw.");
            assertThat(counts(db)).as("nothing written").isEqualTo(before);

            assertThatThrownBy(() -> tickets.createPhoneTicket(ROOT,
                    new NewPhoneTicket(RAW, "nobody-here", " ", "", "9 unheard of", "pending reminder", null)))
                    .isInstanceOfSatisfying(InvalidTicketRequest.class, invalid -> assertThat(invalid.errors())
                            .containsOnlyKeys("title", "body", "customerUser", "priority", "pendingUntil"));
            assertThatThrownBy(() -> tickets.createPhoneTicket(ROOT,
                    new NewPhoneTicket(RAW, "carla", "Merged?", "Body", null, "merged", null)))
                    .isInstanceOfSatisfying(InvalidTicketRequest.class, invalid -> assertThat(invalid.errors()).containsOnlyKeys("state"));
            assertThatThrownBy(() -> tickets.createPhoneTicket(ROOT,
                    new NewPhoneTicket(null, "carla", "No queue", "Body", null, null, null)))
                    .isInstanceOfSatisfying(InvalidTicketRequest.class, invalid -> assertThat(invalid.errors()).containsOnlyKeys("queue"));
            assertThat(counts(db)).as("nothing written").isEqualTo(before);

            CreatedTicket pending = tickets.createPhoneTicket(creator, new NewPhoneTicket(RAW, "carla", "Call back",
                    "Wants a call on Monday.", "4 high", "pending reminder", LocalDateTime.now().plusDays(3).withNano(0)));
            var pendingTicket = db.selectFrom(TICKET).where(TICKET.ID.eq(pending.ticketId())).fetchSingle();
            assertThat(pendingTicket.getUntilTime()).isGreaterThan((int) (System.currentTimeMillis() / 1000));
            assertThat(pendingTicket.getCreateBy()).isEqualTo(creator);
            assertThat(pending.ticketNumber()).isNotEqualTo(created.ticketNumber());
        }
    }

    /** An agent holding one permission on group "users" (the group of queue Raw) through a role. */
    private static int agent(DSLContext db, String login, String permission) {
        int agent = Agents.anAgent(login).named("A", "B").in(db);
        int role = Roles.role(db, login + "-role");
        Roles.member(db, role, agent);
        Roles.grant(db, role, 1, permission);
        return agent;
    }

    private static List<Integer> counts(DSLContext db) {
        return List.of(db.fetchCount(TICKET), db.fetchCount(ARTICLE), db.fetchCount(ARTICLE_DATA_MIME),
                db.fetchCount(TICKET_HISTORY), db.fetchCount(JOTRS_CHANGE_FEED), db.fetchCount(TICKET_NUMBER_COUNTER));
    }
}
