package org.jotrs.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jotrs.platform.db.schema.Tables.ARTICLE;
import static org.jotrs.platform.db.schema.Tables.CUSTOMER_USER;
import static org.jotrs.platform.db.schema.Tables.QUEUE;
import static org.jotrs.platform.db.schema.Tables.TICKET;
import static org.jotrs.platform.db.schema.Tables.TICKET_HISTORY;
import static org.jotrs.platform.db.schema.Tables.TICKET_STATE;
import static org.jotrs.platform.db.schema.Tables.USERS;

import org.jooq.DSLContext;
import org.jotrs.access.PermissionDenied;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.platform.InvalidInput;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/** The demo help desk: made through the facades on a fresh instance, refused on any other, and for non-admins. */
class DemoHelpDeskTest {

    @Test
    void aFreshInstanceGetsALivingHelpDeskOnce() {
        try (TestDatabase database = TestDatabase.create(DatabaseKind.H2); RunningJotrs jotrs = RunningJotrs.start(database)) {
            DSLContext db = jotrs.bean(DSLContext.class);
            DemoHelpDesk demo = jotrs.bean(DemoHelpDesk.class);
            assertThatThrownBy(() -> demo.fill(1, 0)).isInstanceOf(InvalidInput.class).hasMessageContaining("between 1 and 2000");

            DemoHelpDesk.Summary made = demo.fill(1, 40);

            assertThat(made.tickets()).isEqualTo(40);
            assertThat(db.fetchCount(TICKET)).isEqualTo(40);
            assertThat(db.fetchCount(ARTICLE)).isEqualTo(made.articles()).isGreaterThan(80);
            assertThat(db.fetchCount(QUEUE, QUEUE.NAME.in("Service Desk", "Hardware", "Network", "Billing"))).isEqualTo(4);
            assertThat(db.fetchCount(USERS, USERS.LOGIN.in(DemoHelpDesk.AGENTS))).isEqualTo(5);
            assertThat(db.fetchCount(CUSTOMER_USER)).isEqualTo(12);
            // tickets in several states, each with OTRS's history from the facades
            assertThat(db.selectDistinct(TICKET_STATE.NAME).from(TICKET).join(TICKET_STATE).on(TICKET_STATE.ID.eq(TICKET.TICKET_STATE_ID))
                    .fetch(TICKET_STATE.NAME)).contains("new", "open", "closed successful", "pending reminder");
            assertThat(db.fetchCount(TICKET_HISTORY)).isGreaterThan(200);
            // a demo agent signs in with the documented password
            assertThat(jotrs.agent().signIn("anna", DemoHelpDesk.AGENT_PASSWORD).headers().firstValue("Location").orElseThrow())
                    .doesNotContain("error");

            int tickets = db.fetchCount(TICKET);
            assertThatThrownBy(() -> demo.fill(1, 10)).isInstanceOf(InvalidInput.class).hasMessageContaining("fresh instance");
            int anna = db.select(USERS.ID).from(USERS).where(USERS.LOGIN.eq("anna")).fetchSingle(USERS.ID);
            assertThatThrownBy(() -> demo.fill(anna, 10)).isInstanceOf(PermissionDenied.class);
            assertThat(db.fetchCount(TICKET)).isEqualTo(tickets);
        }
    }
}
