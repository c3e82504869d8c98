package org.jotrs.ticket.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jotrs.platform.db.schema.Tables.TICKET;
import static org.jotrs.platform.db.schema.Tables.TICKET_NUMBER_COUNTER;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.jooq.tools.jdbc.JDBCUtils;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.OnEveryDatabase;
import org.jotrs.testing.TestDatabase;
import org.jotrs.ticket.internal.TicketNumberGenerator.AutoIncrement;
import org.jotrs.ticket.internal.TicketNumberGenerator.Date;
import org.jotrs.ticket.internal.TicketNumberGenerator.DateChecksum;
import org.jotrs.ticket.internal.TicketNumberGenerator.Hook;
import org.jotrs.ticket.internal.TicketNumberGenerator.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.jooq.autoconfigure.ExceptionTranslatorExecuteListener;
import org.springframework.boot.jooq.autoconfigure.SpringTransactionProvider;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariDataSource;

/**
 * ticket_number_counter on H2, PostgreSQL and MariaDB, wired as Spring Boot wires jOOQ (Spring
 * transactions, exception translation) but without starting the application.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TicketNumberCounterDatabaseTest {

    private static final int THREADS = 16;
    private static final int NUMBERS_PER_THREAD = 50;
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final Hook HOOK = new Hook("Ticket#", "", true);

    /**
     * One database per kind for the whole class, emptied before each test. Each test uses its
     * own SystemID so no ticket number repeats between tests: on MariaDB a new ticket whose
     * number equals a deleted, not yet purged one takes gap locks that block other inserts.
     */
    private final Map<DatabaseKind, Database> databases = new EnumMap<>(DatabaseKind.class);

    @OnEveryDatabase
    void sixteenThreadsGetEightHundredDistinctNumbersPerCounterGenerator(DatabaseKind kind) throws Exception {
        Database db = database(kind);
        Map<TicketNumberGenerator, LocalDate> runs = new LinkedHashMap<>();
        runs.put(new AutoIncrement("10", 5, HOOK), LocalDate.of(2024, 1, 15));
        runs.put(new Date("10", 1, HOOK), LocalDate.of(2024, 1, 16));
        runs.put(new DateChecksum("10", HOOK), LocalDate.of(2024, 1, 17));

        for (Map.Entry<TicketNumberGenerator, LocalDate> run : runs.entrySet()) {
            TicketNumberGenerator generator = run.getKey();
            LocalDate day = run.getValue();
            TicketNumberIssuer issuer = db.issuer(generator, new MovableClock(day.atTime(10, 0)));

            List<String> numbers = createConcurrently(db, issuer);

            assertThat(numbers).as("%s on %s", generator, kind)
                    .hasSize(THREADS * NUMBERS_PER_THREAD)
                    .doesNotHaveDuplicates();
            List<Long> counters = db.countersOf(day);
            // Strictly increasing by id, and no gaps: every claim was used by a committed ticket.
            assertThat(counters).as("counters of %s on %s, by id", day, kind)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, THREADS * NUMBERS_PER_THREAD).boxed()
                            .toList());
            assertThat(Set.copyOf(numbers)).isEqualTo(counters.stream()
                    .map(counter -> format(generator, day, counter))
                    .collect(Collectors.toSet()));
        }
        assertThat(db.dsl.fetchCount(TICKET)).isEqualTo(3 * THREADS * NUMBERS_PER_THREAD);
    }

    @OnEveryDatabase
    void dateBasedCountersStartAgainEveryDayAndAutoIncrementDoesNot(DatabaseKind kind) {
        Database db = database(kind);
        MovableClock clock = new MovableClock(LocalDateTime.of(2024, 1, 15, 23, 59, 59, 900_000_000));
        TicketNumberIssuer dateChecksum = db.issuer(new DateChecksum("11", HOOK), clock);
        TicketNumberIssuer date = db.issuer(new Date("11", 1, HOOK), clock);

        assertThat(List.of(db.create(dateChecksum), db.create(dateChecksum), db.create(date)))
                .containsExactly("2024011511000011", "2024011511000021", "20240115113");

        clock.set(LocalDateTime.of(2024, 1, 16, 0, 0, 0));
        assertThat(db.create(dateChecksum)).isEqualTo("2024011611000019");
        assertThat(db.create(date)).isEqualTo("20240116112");
        assertThat(db.countersOf(LocalDate.of(2024, 1, 15))).containsExactly(1L, 2L, 3L);
        assertThat(db.countersOf(LocalDate.of(2024, 1, 16))).containsExactly(1L, 2L);

        // AutoIncrement goes on from the newest row whatever its day, as OTRS does.
        TicketNumberIssuer autoIncrement = db.issuer(new AutoIncrement("11", 5, HOOK), clock);
        assertThat(db.create(autoIncrement)).isEqualTo("1100003");
        clock.set(LocalDateTime.of(2024, 1, 17, 8, 0));
        assertThat(db.create(autoIncrement)).isEqualTo("1100004");
    }

    @OnEveryDatabase
    void goesOnFromTheRowsOtrsLeft(DatabaseKind kind) {
        Database db = database(kind);
        LocalDateTime morning = LocalDateTime.of(2024, 1, 15, 8, 0);
        // As OTRS 6 leaves the table: random hexadecimal uids, yesterday's counters, today's,
        // and a claim with counter 0 that OTRS never filled in.
        db.dsl.insertInto(TICKET_NUMBER_COUNTER, TICKET_NUMBER_COUNTER.COUNTER, TICKET_NUMBER_COUNTER.COUNTER_UID,
                        TICKET_NUMBER_COUNTER.CREATE_TIME)
                .values(212L, "4711170530469581312341a9f0c2b7e1", morning.minusDays(1))
                .values(40L, "4711170530469581412341d3b5e7f901", morning.minusHours(1))
                .values(41L, "4712170530470012712341c0ffee0042", morning.minusMinutes(5))
                .values(0L, "4713170530470100012341deadbeef00", morning.minusMinutes(4))
                .execute();
        MovableClock clock = new MovableClock(morning);

        assertThat(db.create(db.issuer(new DateChecksum("12", HOOK), clock))).isEqualTo("2024011512000421");
        assertThat(db.dsl.fetchValue(TICKET_NUMBER_COUNTER.COUNTER_UID, TICKET_NUMBER_COUNTER.COUNTER.eq(42L)))
                .isEqualTo("jotrs-20240115-000000000042");
        assertThat(db.create(db.issuer(new AutoIncrement("12", 5, HOOK), clock))).isEqualTo("1200043");
    }

    @OnEveryDatabase
    void autoIncrementOnAnEmptyCounterTableGoesOnAfterTheNewestTicket(DatabaseKind kind) {
        Database db = database(kind);
        MovableClock clock = new MovableClock(LocalDateTime.of(2024, 1, 15, 8, 0));
        TicketNumberIssuer autoIncrement = db.issuer(new AutoIncrement("13", 5, HOOK), clock);

        // Ticket 1 is OTRS's welcome ticket and does not count. (No ticket is inserted here:
        // a fresh identity would draw id 1 again on PostgreSQL and H2.)
        db.insertTicket(db.dsl, 1L, "1300041");
        String first = new TransactionTemplate(db.transactions).execute(status -> autoIncrement.next());
        assertThat(first).isEqualTo("1300001");

        db.clean();
        // Ids far above what the identity hands out in these tests.
        db.insertTicket(db.dsl, 1_000_007L, "1300041");
        db.insertTicket(db.dsl, 1_000_009L, "1300057");
        assertThat(db.create(autoIncrement)).isEqualTo("1300058");
        assertThat(db.create(autoIncrement)).isEqualTo("1300059");
    }

    @OnEveryDatabase
    void aNumberATicketAlreadyHasIsSkipped(DatabaseKind kind) {
        Database db = database(kind);
        DateChecksum generator = new DateChecksum("14", HOOK);
        LocalDate day = LocalDate.of(2024, 1, 15);
        db.insertTicket(db.dsl, null, generator.format(day, 1));
        TicketNumberIssuer issuer = db.issuer(generator, new MovableClock(day.atTime(12, 0)));

        // Counter 1 is claimed but taken by a ticket; OTRS then claims with offset 2: 1 + 2 = 3.
        assertThat(db.create(issuer)).isEqualTo(generator.format(day, 3));
        assertThat(db.countersOf(day)).containsExactly(1L, 3L);
    }

    @OnEveryDatabase
    void randomDrawsAgainOnCollisionAndLeavesTheCounterAlone(DatabaseKind kind) {
        Database db = database(kind);
        db.insertTicket(db.dsl, null, "150001234567");
        TicketNumberIssuer issuer = new TicketNumberIssuer(new Random("15", HOOK), db.store,
                new MovableClock(LocalDateTime.of(2024, 1, 15, 8, 0)),
                new TicketNumberIssuerTest.FixedRandom(1_234_567L, 9_876_543_210L));

        assertThat(db.create(issuer)).isEqualTo("159876543210");
        assertThat(db.dsl.fetchCount(TICKET_NUMBER_COUNTER)).isZero();
    }

    @OnEveryDatabase
    void aClaimCommitsAtOnceSoNobodyWaitsAndARolledBackTicketLeavesAGap(DatabaseKind kind) throws Exception {
        Database db = database(kind);
        DateChecksum generator = new DateChecksum("16", HOOK);
        LocalDate day = LocalDate.of(2024, 1, 15);
        TicketNumberIssuer issuer = db.issuer(generator, new MovableClock(day.atTime(12, 0)));
        ExecutorService other = Executors.newSingleThreadExecutor();
        TransactionStatus open = db.transactions.getTransaction(new DefaultTransactionDefinition());
        String abandoned;
        try {
            abandoned = issuer.next();
            db.insertTicket(db.dsl, null, abandoned);
            // Another creator is not held up by the open transaction and gets the next counter
            // (a claim inside the transaction would make it wait until the rollback below).
            assertThat(other.submit(() -> db.create(issuer)).get(30, TimeUnit.SECONDS))
                    .isEqualTo(generator.format(day, 2));
        } finally {
            db.transactions.rollback(open);
            other.shutdownNow();
        }
        assertThat(abandoned).isEqualTo(generator.format(day, 1));
        assertThat(db.create(issuer)).isEqualTo(generator.format(day, 3));
        assertThat(db.countersOf(day)).containsExactly(1L, 2L, 3L);
        assertThat(db.dsl.select(TICKET.TN).from(TICKET).orderBy(TICKET.TN).fetch(TICKET.TN))
                .containsExactly(generator.format(day, 2), generator.format(day, 3));
    }

    private List<String> createConcurrently(Database db, TicketNumberIssuer issuer) throws InterruptedException {
        Queue<String> numbers = new ConcurrentLinkedQueue<>();
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int t = 0; t < THREADS; t++) {
                pool.submit(() -> {
                    try {
                        start.await();
                        for (int i = 0; i < NUMBERS_PER_THREAD; i++) {
                            numbers.add(db.create(issuer));
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                });
            }
            start.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).as("all threads finished").isTrue();
        } finally {
            pool.shutdownNow();
        }
        assertThat(failures).as("failures").isEmpty();
        return new ArrayList<>(numbers);
    }

    private static String format(TicketNumberGenerator generator, LocalDate day, long counter) {
        return switch (generator) {
            case AutoIncrement autoIncrement -> autoIncrement.format(counter);
            case Date date -> date.format(day, counter);
            case DateChecksum dateChecksum -> dateChecksum.format(day, counter);
            case Random random -> throw new IllegalArgumentException("Random uses no counter");
        };
    }

    private Database database(DatabaseKind kind) {
        Database db = databases.computeIfAbsent(kind, Database::open);
        db.clean();
        return db;
    }

    @AfterAll
    void closeDatabases() {
        databases.values().forEach(Database::close);
    }

    /** A migrated throwaway database with a DSLContext configured like Spring Boot's. */
    private record Database(TestDatabase database, HikariDataSource dataSource, DSLContext dsl,
            DataSourceTransactionManager transactions, JooqTicketNumberStore store) implements AutoCloseable {

        static Database open(DatabaseKind kind) {
            TestDatabase database = TestDatabase.create(kind);
            Flyway.configure()
                    .dataSource(database.url(), database.user(), database.password())
                    .locations("classpath:db/migration/" + kind.migrationFolder())
                    .table("jotrs_schema_history")
                    .load()
                    .migrate();
            HikariDataSource dataSource = new HikariDataSource();
            dataSource.setJdbcUrl(database.url());
            dataSource.setUsername(database.user());
            dataSource.setPassword(database.password());
            dataSource.setMaximumPoolSize(THREADS + 4);
            DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
            DefaultConfiguration configuration = new DefaultConfiguration();
            configuration.set(JDBCUtils.dialect(database.url()));
            configuration.set(new DataSourceConnectionProvider(new TransactionAwareDataSourceProxy(dataSource)));
            configuration.set(new SpringTransactionProvider(transactions));
            configuration.set(new DefaultExecuteListenerProvider(ExceptionTranslatorExecuteListener.DEFAULT));
            DSLContext dsl = DSL.using(configuration);
            return new Database(database, dataSource, dsl, transactions,
                    JooqTicketNumberStore.withOwnClaimPool(dsl, dataSource));
        }

        TicketNumberIssuer issuer(TicketNumberGenerator generator, Clock clock) {
            return new TicketNumberIssuer(generator, store, clock,
                    new TicketNumberIssuerTest.FixedRandom());
        }

        /** What ticket creation will do: a number and the ticket that carries it, in one transaction. */
        String create(TicketNumberIssuer issuer) {
            return new TransactionTemplate(transactions).execute(status -> {
                String number = issuer.next();
                insertTicket(dsl, null, number);
                return number;
            });
        }

        void insertTicket(DSLContext db, Long id, String number) {
            LocalDateTime now = LocalDateTime.of(2024, 1, 15, 8, 0);
            var insert = db.insertInto(TICKET)
                    .set(TICKET.TN, number)
                    .set(TICKET.TITLE, "ticket " + number)
                    .set(TICKET.QUEUE_ID, 2)
                    .set(TICKET.TICKET_LOCK_ID, (short) 1)
                    .set(TICKET.USER_ID, 1)
                    .set(TICKET.RESPONSIBLE_USER_ID, 1)
                    .set(TICKET.TICKET_PRIORITY_ID, (short) 3)
                    .set(TICKET.TICKET_STATE_ID, (short) 1)
                    .set(TICKET.TIMEOUT, 0)
                    .set(TICKET.UNTIL_TIME, 0)
                    .set(TICKET.ESCALATION_TIME, 0)
                    .set(TICKET.ESCALATION_UPDATE_TIME, 0)
                    .set(TICKET.ESCALATION_RESPONSE_TIME, 0)
                    .set(TICKET.ESCALATION_SOLUTION_TIME, 0)
                    .set(TICKET.CREATE_TIME, now)
                    .set(TICKET.CREATE_BY, 1)
                    .set(TICKET.CHANGE_TIME, now)
                    .set(TICKET.CHANGE_BY, 1);
            if (id != null) {
                insert = insert.set(TICKET.ID, id);
            }
            insert.execute();
        }

        /** The counters created on this day, in id order. */
        List<Long> countersOf(LocalDate day) {
            return dsl.select(TICKET_NUMBER_COUNTER.COUNTER)
                    .from(TICKET_NUMBER_COUNTER)
                    .where(TICKET_NUMBER_COUNTER.CREATE_TIME.ge(day.atStartOfDay()))
                    .and(TICKET_NUMBER_COUNTER.CREATE_TIME.lt(day.plusDays(1).atStartOfDay()))
                    .orderBy(TICKET_NUMBER_COUNTER.ID)
                    .fetch(TICKET_NUMBER_COUNTER.COUNTER);
        }

        void clean() {
            dsl.deleteFrom(TICKET).execute();
            dsl.deleteFrom(TICKET_NUMBER_COUNTER).execute();
        }

        @Override
        public void close() {
            try {
                store.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            dataSource.close();
            database.close();
        }
    }

    /** A clock in {@link #ZONE} that tests move by hand. */
    static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now = new AtomicReference<>();

        MovableClock(LocalDateTime start) {
            set(start);
        }

        void set(LocalDateTime local) {
            now.set(ZonedDateTime.of(local, ZONE).toInstant());
        }

        @Override
        public ZoneId getZone() {
            return ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
