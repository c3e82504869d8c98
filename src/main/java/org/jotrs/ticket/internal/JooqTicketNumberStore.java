package org.jotrs.ticket.internal;

import static org.jotrs.platform.db.schema.Tables.TICKET;
import static org.jotrs.platform.db.schema.Tables.TICKET_NUMBER_COUNTER;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import javax.sql.DataSource;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * {@code ticket_number_counter} and {@code ticket} through jOOQ.
 *
 * <p>OTRS 6 inserts a row with counter 0 and a random {@code counter_uid}, then fills in the
 * counters of all unset rows up to its own from the row before each (by id). That is safe only if
 * a row is visible to everyone the moment its id is drawn; it is not: between drawing the id and
 * the commit, others skip the row and compute its counter again (OTRS sleeps 50 ms against it).
 * Run inside a transaction the row stays invisible until commit, and numbers repeat all the time.
 *
 * <p>Here the {@code counter_uid} itself is the claim: it names the counter value
 * ({@code jotrs-20240115-000000000042} for a daily counter, {@code jotrs-all-000000000042}
 * otherwise), so the unique index on {@code counter_uid} admits exactly one row per value, on any
 * number of nodes. Each claim is one INSERT that commits on its own (as OTRS's counter rows do,
 * OTRS runs in autocommit), through {@code claims}: a connection outside the caller's transaction.
 * A claim therefore never waits for another creator's transaction and never holds a lock beyond
 * its own statement, and a rolled-back ticket leaves a gap in the counter, as in OTRS. Claims
 * inside the caller's transaction would make every other creator wait until that transaction
 * ends, and on MariaDB two creators waiting for a claim that is rolled back deadlock (InnoDB then
 * aborts one of their transactions).
 *
 * <p>The rows keep OTRS's meaning (one row per counter handed out, in id order, with its
 * create_time); OTRS's own uids are hexadecimal and cannot collide with these, and OTRS would go
 * on counting from them if it ran on this database again.
 */
final class JooqTicketNumberStore implements TicketNumberStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JooqTicketNumberStore.class);

    /**
     * A refused claim means another claim of that value has committed, so this bound is reached
     * only if the table is broken.
     */
    static final int MAX_CLAIM_ATTEMPTS = 10_000;

    /** Claims are single short statements; two connections keep a node's claims flowing. */
    static final int CLAIM_POOL_SIZE = 2;

    private final DSLContext db;
    private final DSLContext claims;
    private final AutoCloseable ownedPool;

    /**
     * @param db joins the caller's transaction
     * @param claims autocommits every statement, outside any transaction of the caller
     * @param ownedPool closed with this store
     */
    private JooqTicketNumberStore(DSLContext db, DSLContext claims, AutoCloseable ownedPool) {
        this.db = db;
        this.claims = claims;
        this.ownedPool = ownedPool;
    }

    /**
     * A store whose claims go through a pool of their own, configured like the application's: a
     * claim taken from the application's pool while the caller holds one of its connections
     * would deadlock the pool once every connection is held by a waiting creator.
     */
    static JooqTicketNumberStore withOwnClaimPool(DSLContext db, DataSource applicationPool) {
        HikariDataSource pool = claimPool(applicationPool);
        // Same dialect, settings and exception translation as the application's DSLContext.
        DSLContext claims = db.configuration().derive(new DataSourceConnectionProvider(pool)).dsl();
        return new JooqTicketNumberStore(db, claims, pool);
    }

    private static HikariDataSource claimPool(DataSource applicationPool) {
        HikariConfig config = new HikariConfig();
        try {
            if (!applicationPool.isWrapperFor(HikariDataSource.class)) {
                throw new IllegalStateException("ticket numbers need the application's DataSource to be HikariCP, "
                        + "Spring Boot's default; found " + applicationPool.getClass().getName());
            }
            HikariDataSource hikari = applicationPool.unwrap(HikariDataSource.class);
            hikari.copyStateTo(config);
            config.setPoolName((hikari.getPoolName() == null ? "jotrs" : hikari.getPoolName()) + "-ticket-numbers");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the application's connection pool settings", e);
        }
        config.setMaximumPoolSize(CLAIM_POOL_SIZE);
        if (config.getJdbcUrl() != null && config.getJdbcUrl().startsWith("jdbc:postgresql:")) {
            // A claim need not wait for its own disk flush: the ticket that uses the number commits
            // synchronously after it, and flushing that commit flushes the WAL before it, claim
            // included. A crash before the ticket commits can lose the claim, but then no ticket
            // holds the number. It saves one WAL flush per ticket created.
            config.setConnectionInitSql("SET synchronous_commit TO off");
        }
        config.setMinimumIdle(0);
        config.setAutoCommit(true);
        // Connect on first use, not while the application context starts.
        config.setInitializationFailTimeout(-1);
        config.setRegisterMbeans(false);
        return new HikariDataSource(config);
    }

    @Override
    public long claimCounter(LocalDateTime now, boolean daily, long offset, long floor) {
        if (offset < 1) {
            throw new IllegalArgumentException("offset must be at least 1, was " + offset);
        }
        // create_time has whole seconds; PostgreSQL and MySQL round (not cut) a fraction, which
        // at 23:59:59.5 would move the row into the next day.
        LocalDateTime createTime = now.truncatedTo(ChronoUnit.SECONDS);
        LocalDate day = daily ? createTime.toLocalDate() : null;
        long candidate = Math.max(lastCounter(day) + offset, floor);
        for (int attempt = 1; attempt <= MAX_CLAIM_ATTEMPTS; attempt++) {
            switch (tryClaim(candidate, claimUid(day, candidate), createTime)) {
                case CLAIMED -> {
                    return candidate;
                }
                // OTRS adds the offset once; after that, values follow one by one. The re-read
                // (autocommit: always the newest committed state) skips what others took meanwhile.
                case TAKEN -> candidate = Math.max(candidate, lastCounter(day)) + 1;
                case TRY_AGAIN -> {
                }
            }
        }
        throw new IllegalStateException("no ticket number counter could be claimed in " + MAX_CLAIM_ATTEMPTS
                + " attempts; ticket_number_counter needs attention");
    }

    private enum Claim { CLAIMED, TAKEN, TRY_AGAIN }

    /**
     * The counter of the newest row (by id) of the day, or of all rows: OTRS continues from the
     * previous row, not from the highest value. Rows with counter 0 are OTRS claims never filled.
     */
    private long lastCounter(LocalDate day) {
        Condition scope = day == null ? DSL.noCondition() : TICKET_NUMBER_COUNTER.CREATE_TIME.ge(day.atStartOfDay());
        Long last = claims.select(TICKET_NUMBER_COUNTER.COUNTER)
                .from(TICKET_NUMBER_COUNTER)
                .where(TICKET_NUMBER_COUNTER.COUNTER.gt(0L))
                .and(scope)
                .orderBy(TICKET_NUMBER_COUNTER.ID.desc())
                .limit(1)
                .fetchOne(TICKET_NUMBER_COUNTER.COUNTER);
        return last == null ? 0 : last;
    }

    private Claim tryClaim(long counter, String uid, LocalDateTime createTime) {
        try {
            // A taken value inserts nothing (ON CONFLICT DO NOTHING, INSERT IGNORE, MERGE)
            // rather than failing: under contention that is the normal case, and a failure would
            // put an error line into the database server's log for every refused claim.
            int inserted = claims.insertInto(TICKET_NUMBER_COUNTER)
                    .set(TICKET_NUMBER_COUNTER.COUNTER, counter)
                    .set(TICKET_NUMBER_COUNTER.COUNTER_UID, uid)
                    .set(TICKET_NUMBER_COUNTER.CREATE_TIME, createTime)
                    .onDuplicateKeyIgnore()
                    .execute();
            if (inserted == 1) {
                return Claim.CLAIMED;
            }
            log.debug("ticket number counter taken, trying the next: counter_uid={}", uid);
            return Claim.TAKEN;
        } catch (RuntimeException e) {
            String state = sqlState(e);
            // Class 23: the only constraint this insert can break is the unique counter_uid
            // (H2's MERGE can still meet a row inserted at the same moment).
            if (state.startsWith("23")) {
                log.debug("ticket number counter taken, trying the next: counter_uid={}", uid);
                return Claim.TAKEN;
            }
            // Class 40 (deadlock, serialization) and H2's lock timeout undo only this one
            // autocommitted statement, so trying it again is safe.
            if (state.startsWith("40") || state.equals("HYT00")) {
                log.debug("ticket number claim interrupted, trying again: counter_uid={} sqlstate={}", uid, state);
                return Claim.TRY_AGAIN;
            }
            throw e;
        }
    }

    private static String sqlState(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return "";
    }

    /** Day-scoped uids sort by day, then by counter (zero-padded), so new claims append to the index. */
    static String claimUid(LocalDate day, long counter) {
        String padded = String.format("%012d", counter);
        return day == null ? "jotrs-all-" + padded : "jotrs-" + TicketNumberGenerator.DAY.format(day) + "-" + padded;
    }

    @Override
    public boolean counterIsEmpty() {
        return !db.fetchExists(TICKET_NUMBER_COUNTER);
    }

    @Override
    public boolean ticketExists(String ticketNumber) {
        return db.fetchExists(TICKET, TICKET.TN.eq(ticketNumber));
    }

    @Override
    public Optional<String> newestTicketNumber() {
        Long newest = db.select(DSL.max(TICKET.ID)).from(TICKET).fetchOne(0, Long.class);
        if (newest == null || newest == 1) {
            return Optional.empty();
        }
        return db.select(TICKET.TN).from(TICKET).where(TICKET.ID.eq(newest)).fetchOptional(TICKET.TN);
    }

    @Override
    public void close() throws Exception {
        if (ownedPool != null) {
            ownedPool.close();
        }
    }
}
