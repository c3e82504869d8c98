package org.jotrs.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jooq.DSLContext;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.platform.InvalidInput;
import org.jotrs.testing.Agents;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.OnEveryDatabase;
import org.jotrs.testing.TestDatabase;
import org.jotrs.ticket.NewPhoneTicket;
import org.jotrs.ticket.TicketAction;
import org.jotrs.ticket.TicketAction.LinkType;
import org.jotrs.ticket.TicketService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 11, item 6: merges and links lock their two tickets in a fixed order, so A->B and B->A at
 * the same moment never deadlock; and an agent without the right takes no row lock at all.
 */
@Tag(OnEveryDatabase.OTHER_DATABASES_TAG)
class TicketLockOrderTest {

    private static final int ROOT = 1;
    private static final int ROUNDS = 12;

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRESQL", "MYSQL"})
    void oppositeMergesAndLinksAtTheSameMomentDoNotDeadlock(DatabaseKind kind) throws Exception {
        try (TestDatabase database = TestDatabase.create(kind); RunningJotrs jotrs = RunningJotrs.start(database)) {
            DSLContext db = jotrs.bean(DSLContext.class);
            TicketService tickets = jotrs.bean(TicketService.class);
            Agents.customerCarla(db);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < ROUNDS; round++) {
                    long a = ticket(tickets, "A" + round);
                    long b = ticket(tickets, "B" + round);
                    String an = number(db, a);
                    String bn = number(db, b);
                    // Links both ways at once: both succeed (the second finds the link, or adds its own).
                    List<Throwable> linkFailures = race(pool,
                            () -> tickets.apply(ROOT, a, new TicketAction.LinkTo(bn, LinkType.NORMAL)),
                            () -> tickets.apply(ROOT, b, new TicketAction.LinkTo(an, LinkType.NORMAL)));
                    assertThat(linkFailures).as("links in round " + round).isEmpty();
                    // Merges both ways at once: one wins, the other is refused cleanly; no deadlock victim.
                    List<Throwable> mergeFailures = race(pool,
                            () -> tickets.apply(ROOT, a, new TicketAction.MergeInto(bn)),
                            () -> tickets.apply(ROOT, b, new TicketAction.MergeInto(an)));
                    assertThat(mergeFailures).as("merges in round " + round).hasSize(1)
                            .allSatisfy(failure -> assertThat(failure).isInstanceOf(InvalidInput.class));
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRESQL", "MYSQL"})
    void anAgentWithoutTheRightIsRefusedBeforeItWaitsForTheRowLock(DatabaseKind kind) throws Exception {
        try (TestDatabase database = TestDatabase.create(kind); RunningJotrs jotrs = RunningJotrs.start(database)) {
            DSLContext db = jotrs.bean(DSLContext.class);
            TicketService tickets = jotrs.bean(TicketService.class);
            Agents.customerCarla(db);
            int outsider = Agents.agent(db, "outsider", "Out", "Sider");
            long ticket = ticket(tickets, "Busy");
            try (java.sql.Connection other = database.connect()) {
                other.setAutoCommit(false);
                try (var lock = other.prepareStatement("SELECT id FROM ticket WHERE id = ? FOR UPDATE")) {
                    lock.setLong(1, ticket);
                    lock.executeQuery().close();
                }
                ExecutorService pool = Executors.newSingleThreadExecutor();
                try {
                    Future<?> attempt = pool.submit(() -> tickets.apply(outsider, ticket,
                            new TicketAction.AddNote("s", "b", false)));
                    // Refused at once, while the row is still locked by the other transaction.
                    assertThat(org.assertj.core.api.Assertions.catchThrowable(
                            () -> attempt.get(5, java.util.concurrent.TimeUnit.SECONDS)))
                            .isInstanceOf(java.util.concurrent.ExecutionException.class)
                            .cause().isInstanceOf(org.jotrs.ticket.NoSuchTicket.class);
                } finally {
                    pool.shutdownNow();
                    other.rollback();
                }
            }
        }
    }

    private static List<Throwable> race(ExecutorService pool, Runnable first, Runnable second) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<?>> runs = new ArrayList<>();
        for (Runnable action : List.of(first, second)) {
            runs.add(pool.submit(() -> {
                start.await();
                action.run();
                return null;
            }));
        }
        List<Throwable> failures = new ArrayList<>();
        for (Future<?> run : runs) {
            try {
                run.get();
            } catch (java.util.concurrent.ExecutionException e) {
                failures.add(e.getCause());
            }
        }
        return failures;
    }

    private static long ticket(TicketService tickets, String title) {
        return tickets.createPhoneTicket(ROOT, new NewPhoneTicket(2, "carla", title, "Body.", null, null, null)).ticketId();
    }

    private static String number(DSLContext db, long ticketId) {
        return db.fetchSingle("SELECT tn FROM ticket WHERE id = ?", ticketId).get(0, String.class);
    }
}
