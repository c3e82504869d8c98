package org.jotrs.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jotrs.platform.db.schema.Tables.QUEUE;
import static org.jotrs.platform.db.schema.Tables.TICKET;
import static org.jotrs.platform.db.schema.Tables.TICKET_STATE;
import static org.jotrs.platform.db.schema.Tables.TICKET_STATE_TYPE;
import static org.jotrs.platform.db.schema.Tables.USERS;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.platform.Settings;
import org.jotrs.testing.OnEveryDatabase;
import org.jotrs.testing.Agents;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.AppPerDatabase;
import org.jotrs.testing.Groups;
import org.junit.jupiter.api.AfterAll;
import org.jotrs.ticket.TicketListQuery.Sort;
import org.jotrs.ticket.TicketListQuery.StateFilter;
import org.jotrs.ticket.TicketListQuery.View;

/**
 * The list's page query (ids first, names by subquery) on every database: for every column and
 * direction, the pages read one after the other give exactly the order of a plain join of the
 * same tickets, with no ticket on two pages and none left out.
 *
 * <p>The methods share one application per database: each lists as its own agent, who reads only
 * the queues the method made, and compares against the tickets of those queues.
 */
class TicketListOrderTest {

    private static final int ROOT = 1;
    private static final AppPerDatabase APPS = new AppPerDatabase();

    @AfterAll
    static void stop() {
        APPS.close();
    }

    /** The database's own order of the open tickets by the column, the id breaking ties. */
    private static final Map<Sort, Field<?>> COLUMNS = Map.of(Sort.NUMBER, TICKET.TN, Sort.TITLE, TICKET.TITLE,
            Sort.QUEUE, QUEUE.NAME, Sort.STATE, TICKET_STATE.NAME, Sort.PRIORITY, TICKET.TICKET_PRIORITY_ID,
            Sort.CUSTOMER, TICKET.CUSTOMER_USER_ID, Sort.OWNER, USERS.LOGIN, Sort.CREATED, TICKET.CREATE_TIME,
            Sort.CHANGED, TICKET.CHANGE_TIME);

    @OnEveryDatabase
    void everyColumnPagesInTheDatabasesOrder(DatabaseKind kind) {
        RunningJotrs jotrs = APPS.on(kind);
        DSLContext db = jotrs.bean(DSLContext.class);
        TicketService tickets = jotrs.bean(TicketService.class);
        TicketWorkflowTest.customer(db, "carla", "carla@example.com", "ACME");
        TicketWorkflowTest.customer(db, "bert", "bert@example.com", "BETA");
        // Four queues of a group of their own (names in another order than their ids), read by
        // the agent who lists them; zoe owns some of the tickets.
        int group = Groups.group(db, "ordering");
        List<Integer> queues = List.of(Agents.queue(db, "Postmaster orders", group), Agents.queue(db, "Raw orders", group),
                Agents.queue(db, "Junk orders", group), Agents.queue(db, "Misc orders", group));
        int lister = Agents.anAgent("lister").named("Li", "Ster").in(db);
        Agents.grant(db, lister, group, "rw");
        int zoe = TicketWorkflowTest.agent(db, "zoe", "rw");
        Agents.grant(db, zoe, group, "rw");
        String[] priorities = {"1 very low", "3 normal", "5 very high"};
        String[] states = {"new", "open", "closed successful"};
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long id = tickets.createPhoneTicket(lister, new NewPhoneTicket(queues.get(i % 4), i % 3 == 0 ? "bert" : "carla",
                    "Ticket " + (char) ('a' + (i * 7) % 26), "Body.", priorities[i % 3], states[i % 3], null,
                    List.of(), null, i % 5 == 0 ? zoe : null, null)).ticketId();
            created.add(id);
        }
        // The same creation second for many tickets, so ties on the time columns are broken by id.
        assertThat(created).hasSize(40);
        // The list's total (and so its pages) comes from the shared queue counts, refreshed in the
        // background and a few seconds old at most: wait until they count these tickets.
        int open = plainJoinOrder(db, queues, TICKET.ID, false).size();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (tickets.list(lister, new TicketListQuery(View.STATUS, null, StateFilter.NOT_CLOSED, null, null, null, null,
                null, false, 0)).total() != open) {
            assertThat(System.nanoTime()).as("the shared counts catch up within 30 s").isLessThan(deadline);
            sleep(100);
        }

        for (Sort sort : Sort.values()) {
            for (boolean descending : new boolean[] {false, true}) {
                List<Long> expected = plainJoinOrder(db, queues, COLUMNS.get(sort), descending);
                assertThat(expected).hasSizeBetween(27, 50);
                List<Long> listed = new ArrayList<>();
                int pages = 1;
                for (int page = 0; page < pages; page++) {
                    TicketList list = tickets.list(lister, new TicketListQuery(View.STATUS, null, StateFilter.NOT_CLOSED,
                            null, null, null, null, sort, descending, page));
                    list.rows().forEach(row -> listed.add(row.id()));
                    pages = list.pages();
                }
                assertThat(listed).as("%s %s on %s", sort, descending ? "descending" : "ascending", kind)
                        .doesNotHaveDuplicates().isEqualTo(expected);
            }
        }

        // OTRS's queue view puts the highest priority first (PreSort::ByPriority), then the column.
        List<Long> otrsQueueOrder = db.select(TICKET.ID).from(TICKET)
                .join(TICKET_STATE).on(TICKET_STATE.ID.eq(TICKET.TICKET_STATE_ID))
                .join(TICKET_STATE_TYPE).on(TICKET_STATE_TYPE.ID.eq(TICKET_STATE.TYPE_ID))
                .where(TICKET_STATE_TYPE.NAME.in("new", "open", "pending reminder", "pending auto"))
                .and(TICKET.QUEUE_ID.eq(queues.getFirst()))
                .orderBy(TICKET.TICKET_PRIORITY_ID.desc(), TICKET.CREATE_TIME.asc(), TICKET.ID.asc())
                .fetch(TICKET.ID);
        assertThat(tickets.list(lister, new TicketListQuery(View.QUEUE, queues.getFirst(), null, null, null, null, null,
                Sort.CREATED, false, 0)).rows()).extracting(TicketList.Row::id).isEqualTo(otrsQueueOrder);
        assertThat(otrsQueueOrder.getFirst()).as("a normal before a very low ticket").isNotEqualTo(created.getFirst());
        assertThat(tickets.list(lister, new TicketListQuery(View.STATUS, null, null, null, null, null, null, Sort.CREATED,
                false, 0)).rows().getFirst().id()).as("only the queue view pre-sorts").isEqualTo(created.getFirst());

        Settings settings = jotrs.bean(Settings.class);
        String preSort = "ticket.list.queue-pre-sort-by-priority";
        settings.change(ROOT, preSort, "false", settings.state(ROOT, preSort).version());
        TicketList.Row first = tickets.list(lister, new TicketListQuery(View.QUEUE, queues.getFirst(), null, null, null,
                null, null, Sort.CREATED, false, 0)).rows().getFirst();
        assertThat(first.id()).isEqualTo(created.getFirst());
        assertThat(first.queue()).isEqualTo("Postmaster orders");
        assertThat(first.state()).isEqualTo("new");
        assertThat(first.priority()).isEqualTo("1 very low");
        assertThat(first.customerUser()).isEqualTo("bert");
        assertThat(first.owner()).isEqualTo("zoe");
        assertThat(first.locked()).isTrue();
    }

    /**
     * The status view's total as it opens comes from the shared queue counts plus the agent's own
     * tickets in queues they may not read; "my locked tickets" finds both lock types.
     */
    @OnEveryDatabase
    void statusTotalsCountOwnTicketsInOtherQueuesAndLockedListsBothLockTypes(DatabaseKind kind) {
        RunningJotrs jotrs = APPS.on(kind);
        DSLContext db = jotrs.bean(DSLContext.class);
        TicketService tickets = jotrs.bean(TicketService.class);
        TicketWorkflowTest.customer(db, "cora", "cora@example.com", "CORA");
        // yara reads the queues of the group users (id 1), not the group admin's (2).
        int yara = TicketWorkflowTest.agent(db, "yara", "rw");
        int secret = Agents.queue(db, "Secret", 2);
        long mine = tickets.createPhoneTicket(ROOT, new NewPhoneTicket(1, "cora", "Mine", "Body.", null, null, null,
                List.of(), null, yara, null)).ticketId();
        long other = tickets.createPhoneTicket(ROOT, new NewPhoneTicket(1, "cora", "Others", "Body.", null, null,
                null)).ticketId();
        long hidden = tickets.createPhoneTicket(ROOT, new NewPhoneTicket(secret, "cora", "Hidden", "Body.", null,
                null, null)).ticketId();
        long closed = tickets.createPhoneTicket(ROOT, new NewPhoneTicket(secret, "cora", "Closed", "Body.", null,
                "closed successful", null)).ticketId();
        // Assigned to yara in a queue she may not read (as OTRS allows an admin to do).
        db.update(TICKET).set(TICKET.USER_ID, yara).where(TICKET.ID.in(hidden, closed)).execute();
        db.update(TICKET).set(TICKET.TICKET_LOCK_ID, (short) 3).where(TICKET.ID.eq(hidden)).execute();

        TicketList status = tickets.list(yara, new TicketListQuery(View.STATUS, null, null, null, null, null, null,
                null, false, 0));
        List<Long> readable = db.select(TICKET.ID).from(TICKET)
                .join(TICKET_STATE).on(TICKET_STATE.ID.eq(TICKET.TICKET_STATE_ID))
                .join(TICKET_STATE_TYPE).on(TICKET_STATE_TYPE.ID.eq(TICKET_STATE.TYPE_ID))
                .join(QUEUE).on(QUEUE.ID.eq(TICKET.QUEUE_ID))
                .where(TICKET_STATE_TYPE.NAME.in("new", "open", "pending reminder", "pending auto"))
                .and(QUEUE.GROUP_ID.eq(1).or(TICKET.USER_ID.eq(yara)))
                .fetch(TICKET.ID);
        assertThat(status.rows()).extracting(TicketList.Row::id).containsExactlyInAnyOrderElementsOf(readable)
                .contains(mine, other, hidden).doesNotContain(closed);
        assertThat(status.total()).isEqualTo(readable.size());

        TicketList locked = tickets.list(yara, new TicketListQuery(View.LOCKED, null, null, null, null, null, null,
                null, false, 0));
        assertThat(locked.rows()).extracting(TicketList.Row::id).containsExactlyInAnyOrder(mine, hidden);
        assertThat(locked.total()).isEqualTo(2);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<Long> plainJoinOrder(DSLContext db, List<Integer> queues, Field<?> column, boolean descending) {
        return db.select(TICKET.ID)
                .from(TICKET)
                .join(QUEUE).on(QUEUE.ID.eq(TICKET.QUEUE_ID))
                .join(TICKET_STATE).on(TICKET_STATE.ID.eq(TICKET.TICKET_STATE_ID))
                .join(TICKET_STATE_TYPE).on(TICKET_STATE_TYPE.ID.eq(TICKET_STATE.TYPE_ID))
                .leftJoin(USERS).on(USERS.ID.eq(TICKET.USER_ID))
                .where(TICKET_STATE_TYPE.NAME.in("new", "open", "pending reminder", "pending auto"))
                .and(TICKET.QUEUE_ID.in(queues))
                .orderBy(descending ? column.desc() : column.asc(), descending ? TICKET.ID.desc() : TICKET.ID.asc())
                .fetch(TICKET.ID);
    }
}
