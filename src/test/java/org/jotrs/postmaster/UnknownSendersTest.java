package org.jotrs.postmaster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jotrs.platform.db.schema.Tables.CUSTOMER_USER;
import static org.jotrs.platform.db.schema.Tables.TICKET;

import java.nio.charset.StandardCharsets;

import org.jooq.DSLContext;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.platform.Settings;
import org.jotrs.testing.Agents;
import org.jotrs.testing.OnEveryDatabase;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;

/**
 * Customer users on the fly (Admin › Settings, {@code postmaster.create-unknown-customers}): off,
 * an unknown sender's ticket names the address as customer, as OTRS's PostMaster does, and no
 * customer user is made; on, the sender becomes a customer user (names from the From header) once,
 * and a known sender's customer user is used as before.
 */
class UnknownSendersTest {

    private static final int ROOT = 1;

    @OnEveryDatabase
    void unknownSendersBecomeCustomerUsersWhenTheSettingIsOn(DatabaseKind kind) {
        try (TestDatabase database = TestDatabase.create(kind); RunningJotrs jotrs = RunningJotrs.start(database)) {
            DSLContext db = jotrs.bean(DSLContext.class);
            Postmaster postmaster = jotrs.bean(Postmaster.class);
            Settings settings = jotrs.bean(Settings.class);
            Agents.customerCarla(db);

            Delivery.Stored off = (Delivery.Stored) postmaster.deliver(mail("\"Dora Doe\" <dora@example.org>", "<off@example.org>"));
            assertThat(db.fetchCount(CUSTOMER_USER, CUSTOMER_USER.LOGIN.eq("dora@example.org"))).isZero();
            assertThat(customerOf(db, off.ticketId())).isEqualTo("dora@example.org/dora@example.org");

            String key = "postmaster.create-unknown-customers";
            settings.change(ROOT, key, "true", settings.state(ROOT, key).version());
            Delivery.Stored on = (Delivery.Stored) postmaster.deliver(mail("\"Eve Example\" <Eve@Example.org>", "<on@example.org>"));
            var eve = db.selectFrom(CUSTOMER_USER).where(CUSTOMER_USER.LOGIN.eq("eve@example.org")).fetchSingle();
            assertThat(eve.getEmail()).isEqualTo("eve@example.org");
            assertThat(eve.getCustomerId()).isEqualTo("eve@example.org");
            assertThat(eve.getFirstName()).isEqualTo("Eve");
            assertThat(eve.getLastName()).isEqualTo("Example");
            assertThat(eve.getPw()).isNull();
            assertThat(customerOf(db, on.ticketId())).isEqualTo("eve@example.org/eve@example.org");

            // Again from Eve: the same customer user; from Carla, who is known: hers.
            Delivery.Stored again = (Delivery.Stored) postmaster.deliver(mail("eve@example.org", "<again@example.org>"));
            assertThat(db.fetchCount(CUSTOMER_USER, CUSTOMER_USER.LOGIN.eq("eve@example.org"))).isEqualTo(1);
            assertThat(customerOf(db, again.ticketId())).isEqualTo("eve@example.org/eve@example.org");
            int customers = db.fetchCount(CUSTOMER_USER);
            Delivery.Stored carla = (Delivery.Stored) postmaster.deliver(mail("carla@example.com", "<carla@example.org>"));
            assertThat(db.fetchCount(CUSTOMER_USER)).isEqualTo(customers);
            assertThat(customerOf(db, carla.ticketId())).isEqualTo("carla/ACME");
        }
    }

    private static String customerOf(DSLContext db, long ticketId) {
        var row = db.select(TICKET.CUSTOMER_USER_ID, TICKET.CUSTOMER_ID).from(TICKET).where(TICKET.ID.eq(ticketId)).fetchSingle();
        return row.value1() + "/" + row.value2();
    }

    private static byte[] mail(String from, String messageId) {
        return ("From: " + from + "\r\nTo: jotrs@localhost\r\nSubject: Help " + messageId + "\r\nMessage-ID: " + messageId
                + "\r\nDate: Mon, 7 Dec 2026 01:00:00 +0000\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nPlease help.\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
