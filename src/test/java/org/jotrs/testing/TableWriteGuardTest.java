package org.jotrs.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.jotrs.platform.DatabaseKind;
import org.jotrs.ticket.NewPhoneTicket;
import org.jotrs.ticket.TicketService;
import org.junit.jupiter.api.Test;

/** The guard knows who owns each table, refuses writes from other modules and is installed. */
class TableWriteGuardTest {

    private final TableWriteGuard guard = new TableWriteGuard();

    @Test
    void aModuleMayWriteItsOwnTables() {
        assertThat(guard.verdict("insert into ticket (tn) values (?)", "ticket")).isEmpty();
        assertThat(guard.verdict("UPDATE \"users\" SET pw = ?", "access")).isEmpty();
        assertThat(guard.verdict("insert ignore into `jotrs_change_feed` (kind) values (?)", "platform")).isEmpty();
        assertThat(guard.verdict("delete from \"public\".\"jotrs_session\" where id = ?", "access")).isEmpty();
    }

    @Test
    void aModuleMayReadAnyTable() {
        assertThat(guard.verdict("select * from ticket join users on users.id = ticket.user_id", "customer")).isEmpty();
    }

    @Test
    void writingAnotherModulesTableIsRefused() {
        assertThat(guard.verdict("update ticket set title = ?", "customer"))
                .hasValueSatisfying(message -> assertThat(message).contains("'customer'", "ticket", "'ticket' owns"));
        assertThat(guard.verdict("DELETE FROM group_user WHERE user_id = ?", "queue")).isPresent();
        assertThat(guard.verdict("merge into article_flag using (select 1) s on (1=1)", "ticket")).isPresent();
        assertThat(guard.verdict("select \"id\" from final table (insert into \"ticket\" (\"tn\") values (?))", "queue"))
                .isPresent();
    }

    @Test
    void aTableWithoutOwnerIsRefused() {
        assertThat(guard.verdict("insert into jotrs_new_thing (id) values (1)", "ticket"))
                .hasValueSatisfying(message -> assertThat(message).contains("no owner"));
    }

    @Test
    void everyRunningApplicationChecksItsWrites() {
        try (TestDatabase database = TestDatabase.create(DatabaseKind.H2); RunningJotrs jotrs = RunningJotrs.start(database)) {
            Agents.customerCarla(jotrs.bean(org.jooq.DSLContext.class));
            jotrs.bean(TicketService.class).createPhoneTicket(1,
                    new NewPhoneTicket(2, "carla", "Guarded", "Body", null, null, null));

            assertThat(jotrs.writeGuard().checkedWrites("ticket", "ticket")).isPositive();
            assertThat(jotrs.writeGuard().checkedWrites("platform", "jotrs_change_feed")).isPositive();
            assertThat(jotrs.writeGuard().violations()).isEmpty();
        }
    }
}
