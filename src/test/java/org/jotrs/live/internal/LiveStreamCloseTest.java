package org.jotrs.live.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jotrs.platform.db.schema.Tables.JOTRS_LIVE_VIEWER;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.jooq.DSLContext;
import org.jotrs.live.internal.Interest.OneTicket;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.Agents;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.OnEveryDatabase;
import org.jotrs.testing.TestDatabase;
import org.jotrs.ticket.NewPhoneTicket;
import org.jotrs.ticket.TicketService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Issue 10, item 17: a stream whose browser went away cleans up on its own writer thread without
 * interrupting it, so removing its viewer row works and no pooled connection is broken.
 */
@Tag(OnEveryDatabase.OTHER_DATABASES_TAG)
class LiveStreamCloseTest {

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRESQL", "MYSQL"})
    void aStreamThatFailsRemovesItsViewerWithoutBreakingAConnection(DatabaseKind kind) {
        try (TestDatabase database = TestDatabase.create(kind);
                RunningJotrs jotrs = RunningJotrs.start(database, "--jotrs.live.heartbeat-interval=300ms")) {
            DSLContext db = jotrs.bean(DSLContext.class);
            LiveHub hub = jotrs.bean(LiveHub.class);
            Agents.customerCarla(db);
            long ticket = jotrs.bean(TicketService.class).createPhoneTicket(1,
                    new NewPhoneTicket(2, "carla", "Stream me", "Body.", null, null, null)).ticketId();
            HikariDataSource pool = jotrs.bean(HikariDataSource.class);
            for (int i = 0; i < 5; i++) {
                AtomicInteger sent = new AtomicInteger();
                // The browser goes away after the first event: the next write fails on the stream's own thread.
                StreamSink leaving = new StreamSink() {
                    @Override
                    public void send(LiveEvent event) throws IOException {
                        if (sent.incrementAndGet() > 1) {
                            throw new IOException("Broken pipe");
                        }
                    }

                    @Override
                    public void end() {
                    }
                };
                hub.open(1, session(jotrs), new OneTicket(ticket), leaving);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (db.fetchCount(JOTRS_LIVE_VIEWER) > 0 || hub.openStreams() > 0) {
                assertThat(System.nanoTime()).as("viewer rows and streams gone within 15 s").isLessThan(deadline);
                Thread.onSpinWait();
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }
            // Every connection the pool hands out still works: none was left broken by an interrupt.
            assertThat(pool.getHikariPoolMXBean().getTotalConnections()).isPositive();
            for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
                assertThat(db.fetchValue("SELECT 1", Integer.class)).isEqualTo(1);
            }
        }
    }

    private static String session(RunningJotrs jotrs) {
        @SuppressWarnings("unchecked")
        SessionRepository<Session> repository = jotrs.bean(SessionRepository.class);
        Session session = repository.createSession();
        repository.save(session);
        return session.getId();
    }
}
