package org.jotrs.live.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jotrs.platform.db.schema.Tables.JOTRS_LIVE_VIEWER;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.jooq.DSLContext;
import org.jotrs.testing.OnEveryDatabase;
import org.jotrs.live.internal.Interest.OneTicket;
import org.jotrs.live.internal.Interest.TicketLists;
import org.jotrs.live.internal.LiveEvent.Revoked;
import org.jotrs.live.internal.LiveEvent.TicketChanged;
import org.jotrs.live.internal.LiveEvent.TicketsChanged;
import org.jotrs.live.internal.LiveEvent.Viewers;
import org.jotrs.platform.ChangeFeedTail;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.Agents;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;
import org.jotrs.ticket.NewPhoneTicket;
import org.jotrs.ticket.TicketAction;
import org.jotrs.ticket.TicketService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * Live streams on every database: who gets which change (read permission per change, pages that
 * show a ticket the agent lost, the agent's own changes), who is viewing (arriving, leaving,
 * expiring without heartbeat, never oneself), and across two nodes on one database.
 */
class LiveHubTest {

    private static final int ROOT = 1;
    private static final String ROOT_NAME = "Admin OTRS";
    private static final String[] FAST = {"--jotrs.change-feed.poll-interval=100ms",
            "--jotrs.live.heartbeat-interval=500ms", "--jotrs.live.presence-timeout=2s",
            "--jotrs.live.presence-interval=200ms", "--jotrs.live.max-streams-per-session=2"};

    @OnEveryDatabase
    void streamsGetTheChangesTheirAgentMayReadAndWhoElseIsViewing(DatabaseKind kind) {
        try (TestDatabase database = TestDatabase.create(kind); RunningJotrs jotrs = RunningJotrs.start(database, FAST)) {
            DSLContext db = jotrs.bean(DSLContext.class);
            TicketService tickets = jotrs.bean(TicketService.class);
            LiveHub hub = jotrs.bean(LiveHub.class);
            FeedWatch feed = new FeedWatch(jotrs.bean(ChangeFeedTail.class));
            Map<String, String> sessions = new HashMap<>();
            for (String name : List.of("reader-1", "reader-2", "outsider-1", "root-1", "reader-3")) {
                sessions.put(name, session(jotrs));
            }
            Agents.customerCarla(db);
            int reader = Agents.agent(db, "reader", "Rea", "Der");
            Agents.grant(db, reader, 1, "ro");
            int outsider = Agents.agent(db, "outsider", "Out", "Sider");
            int secret = Agents.queue(db, "Secret", 3);
            long first = ticket(tickets, "VPN down");
            long second = ticket(tickets, "Printer jam");
            // Changes committed before a page opened but not yet passed on reach it as well (its
            // page may have been rendered before them); let the tail pass the creations first.
            feed.awaitPassed();

            RecordingSink readerZoom = new RecordingSink();
            hub.open(reader, sessions.get("reader-1"), new OneTicket(first), readerZoom);
            RecordingSink readerList = new RecordingSink();
            hub.open(reader, sessions.get("reader-2"), new TicketLists(Set.of(first)), readerList);
            // The outsider claims to show the ticket; it cannot read it, so that claim counts for nothing.
            RecordingSink outsiderList = new RecordingSink();
            hub.open(outsider, sessions.get("outsider-1"), new TicketLists(Set.of(first)), outsiderList);
            assertThatThrownBy(() -> hub.open(outsider, sessions.get("outsider-1"), new OneTicket(first), new RecordingSink()))
                    .isInstanceOf(org.jotrs.ticket.NoSuchTicket.class);
            assertThat(readerZoom.await(Viewers.class, viewers -> true).names()).as("nobody else yet").isEmpty();

            tickets.apply(ROOT, first, new TicketAction.AddNote("Note", "Called back.", false));
            TicketChanged noted = readerZoom.await(TicketChanged.class, changed -> changed.ticketId() == first);
            assertThat(noted).isEqualTo(new TicketChanged(first, "ArticleCreate", ROOT_NAME, false, true));
            readerList.await(TicketsChanged.class, changed -> changed.ticketIds().contains(first));
            tickets.apply(ROOT, second, new TicketAction.ChangePriority("4 high"));
            readerList.await(TicketsChanged.class, changed -> changed.ticketIds().contains(second));
            // The list's event is the last the hub queues for a batch, so the others' came before it.
            RecordingSink.awaitQueuedWritten(readerZoom, outsiderList);
            readerZoom.assertNothingAbout(second);
            outsiderList.assertNothingAbout(first);
            outsiderList.assertNothingAbout(second);

            // Moved where the reader may not read: the zoom and the list showing it learn only that.
            tickets.apply(ROOT, first, new TicketAction.MoveToQueue(secret));
            feed.awaitPassed();
            RecordingSink.awaitQueuedWritten(readerList);
            assertThat(readerList.events(TicketsChanged.class)).last()
                    .isEqualTo(new TicketsChanged(List.of(first)));
            // The zoom hears it from the change or from its next heartbeat's check, whichever is first.
            assertThat(readerZoom.await(Revoked.class, revoked -> true).reason()).isEqualTo(Revoked.Reason.NOT_READABLE);
            List<LiveEvent> zoomChanges = readerZoom.events().stream().filter(TicketChanged.class::isInstance).toList();
            assertThat(zoomChanges).isIn(List.of(noted), List.of(noted, new TicketChanged(first, null, null, false, false)));
            awaitTrue(readerZoom::ended);
            assertThat(db.fetchCount(JOTRS_LIVE_VIEWER, JOTRS_LIVE_VIEWER.TICKET_ID.eq(first))).as("viewer gone").isZero();

            assertThat(tickets.readableAmong(reader, List.of(first, second))).containsExactly(second);
            db.execute("UPDATE ticket SET responsible_user_id = ? WHERE id = ?", outsider, first);
            assertThat(tickets.readableAmong(outsider, List.of(first, second))).as("responsible").containsExactly(first);
            assertThat(tickets.canRead(outsider, first)).isTrue();
            assertThat(tickets.canRead(outsider, second)).isFalse();

            // The agent's own change before the page opened is on the page already; later ones count.
            tickets.apply(ROOT, second, new TicketAction.ChangePriority("5 very high"));
            RecordingSink rootZoom = new RecordingSink();
            String rootViewer = hub.open(ROOT, sessions.get("root-1"), new OneTicket(second), rootZoom);
            feed.awaitPassed();
            RecordingSink.awaitQueuedWritten(rootZoom);
            rootZoom.assertNothingAbout(second);
            tickets.apply(ROOT, second, new TicketAction.AddNote("Note", "From another window.", false));
            assertThat(rootZoom.await(TicketChanged.class, changed -> true).byViewer()).isTrue();

            // Viewing: each sees the other, never themself; leaving and expiring are seen too.
            RecordingSink readerOnSecond = new RecordingSink();
            hub.open(reader, sessions.get("reader-3"), new OneTicket(second), readerOnSecond);
            readerOnSecond.await(Viewers.class, viewers -> viewers.names().equals(List.of(ROOT_NAME)));
            rootZoom.await(Viewers.class, viewers -> viewers.names().equals(List.of("Rea Der")));
            hub.close(rootViewer);
            assertThat(rootZoom.ended()).isTrue();
            readerOnSecond.awaitLatest(Viewers.class, viewers -> viewers.names().isEmpty());
            // A viewer whose node died: its row gets no heartbeat and stops counting.
            db.insertInto(JOTRS_LIVE_VIEWER).set(JOTRS_LIVE_VIEWER.VIEWER_ID, "gone-node").set(JOTRS_LIVE_VIEWER.TICKET_ID, second)
                    .set(JOTRS_LIVE_VIEWER.USER_ID, outsider).set(JOTRS_LIVE_VIEWER.LAST_SEEN, LocalDateTime.now()).execute();
            readerOnSecond.awaitLatest(Viewers.class, viewers -> viewers.names().equals(List.of("Out Sider")));
            long expiredAfter = System.nanoTime();
            readerOnSecond.awaitLatest(Viewers.class, viewers -> viewers.names().isEmpty());
            assertThat(Duration.ofNanos(System.nanoTime() - expiredAfter)).isLessThan(Duration.ofSeconds(5));

            // Streams per session are capped.
            String busy = session(jotrs);
            RecordingSink busyStream = new RecordingSink();
            hub.open(reader, busy, new TicketLists(Set.of()), busyStream);
            hub.open(reader, busy, new TicketLists(Set.of()), new RecordingSink());
            assertThatThrownBy(() -> hub.open(reader, busy, new TicketLists(Set.of()), new RecordingSink()))
                    .isInstanceOf(TooManyStreams.class);

            // Signed out (or expired): the session's streams end at the next heartbeat.
            jotrs.bean(SessionRepository.class).deleteById(busy);
            assertThat(busyStream.await(Revoked.class, revoked -> true).reason()).isEqualTo(Revoked.Reason.SIGNED_OUT);
            awaitTrue(busyStream::ended);
        }
    }

    @Tag(OnEveryDatabase.OTHER_DATABASES_TAG)

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRESQL", "MYSQL"})
    void twoNodesOnOneDatabaseSeeEachOthersChangesAndViewers(DatabaseKind kind) {
        try (TestDatabase database = TestDatabase.create(kind);
                RunningJotrs one = RunningJotrs.start(database, FAST);
                RunningJotrs two = RunningJotrs.start(database, FAST)) {
            DSLContext db = one.bean(DSLContext.class);
            Agents.customerCarla(db);
            int reader = Agents.agent(db, "reader", "Rea", "Der");
            Agents.grant(db, reader, 1, "ro");
            long ticketId = ticket(one.bean(TicketService.class), "Mail bounces");

            RecordingSink readerOnOne = new RecordingSink();
            one.bean(LiveHub.class).open(reader, session(one), new OneTicket(ticketId), readerOnOne);
            RecordingSink rootOnTwo = new RecordingSink();
            String rootViewer = two.bean(LiveHub.class).open(ROOT, session(two), new OneTicket(ticketId), rootOnTwo);
            readerOnOne.await(Viewers.class, viewers -> viewers.names().equals(List.of(ROOT_NAME)));
            rootOnTwo.await(Viewers.class, viewers -> viewers.names().equals(List.of("Rea Der")));

            two.bean(TicketService.class).apply(ROOT, ticketId, new TicketAction.AddNote("Note", "Written on node two.", false));
            assertThat(readerOnOne.await(TicketChanged.class, changed -> true))
                    .isEqualTo(new TicketChanged(ticketId, "ArticleCreate", ROOT_NAME, false, true));
            two.bean(LiveHub.class).close(rootViewer);
            readerOnOne.await(Viewers.class, viewers -> viewers.names().isEmpty());
        }
    }

    /** A real session (in the database), as the agent's browser has; streams of ended sessions end. */
    @SuppressWarnings("unchecked")
    private static String session(RunningJotrs jotrs) {
        SessionRepository<Session> repository = jotrs.bean(SessionRepository.class);
        Session session = repository.createSession();
        repository.save(session);
        return session.getId();
    }

    private static long ticket(TicketService tickets, String title) {
        return tickets.createPhoneTicket(ROOT, new NewPhoneTicket(2, "carla", title, "Body.", null, null, null)).ticketId();
    }

    /**
     * The highest feed id this node's tail has passed to its listeners. It subscribes after the
     * hub (which subscribed when the application started), and the tail calls its listeners in
     * order, so a change it has seen has been handed to the hub's streams.
     */
    private static final class FeedWatch {

        private final ChangeFeedTail tail;
        private final AtomicLong passed = new AtomicLong();

        FeedWatch(ChangeFeedTail tail) {
            this.tail = tail;
            tail.subscribe(batch -> batch.forEach(change -> passed.accumulateAndGet(change.id(), Math::max)));
        }

        /** Waits until the tail has passed every change committed so far (this test commits one at a time). */
        void awaitPassed() {
            long latest = tail.latestId();
            awaitTrue(() -> passed.get() >= latest);
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
