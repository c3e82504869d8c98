package org.jotrs.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jotrs.platform.db.schema.Tables.JOTRS_AUDIT_LOG;
import static org.jotrs.platform.db.schema.Tables.TICKET_PRIORITY;
import static org.jotrs.platform.db.schema.Tables.TICKET_STATE;
import static org.jotrs.platform.db.schema.Tables.TICKET_TYPE;

import java.util.List;

import org.jooq.DSLContext;
import org.jotrs.access.PermissionDenied;
import org.jotrs.testing.Agents;
import org.jotrs.testing.OnEveryDatabase;
import org.jotrs.platform.AuditLog;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.platform.InvalidInput;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;
import org.jotrs.ticket.TicketSettingsAdministration.Changes;
import org.jotrs.ticket.TicketSettingsAdministration.Entry;
import org.jotrs.ticket.TicketSettingsAdministration.Setting;

/** States, priorities and types administered on every database, with the protection of what the system needs. */
class TicketSettingsAdministrationTest {

    private static final int ROOT = 1;
    private static final int NEW = 1;
    private static final int OPEN = 2;
    private static final int CLOSED = 3;

    @OnEveryDatabase
    void administersStatesPrioritiesAndTypes(DatabaseKind kind) {
        try (TestDatabase database = TestDatabase.create(kind); RunningJotrs jotrs = RunningJotrs.start(database)) {
            DSLContext db = jotrs.bean(DSLContext.class);
            TicketSettingsAdministration admin = jotrs.bean(TicketSettingsAdministration.class);
            TicketService tickets = jotrs.bean(TicketService.class);
            int outsider = Agents.anAgent("outsider").named("Out", "Sider").in(db);

            int waiting = admin.create(ROOT, Setting.STATE, new Changes("waiting for customer", OPEN, "asked back", 1));
            int urgent = admin.create(ROOT, Setting.PRIORITY, new Changes("6 urgent", 0, null, 1));
            int incident = admin.create(ROOT, Setting.TYPE, new Changes("Incident", 0, null, 1));
            assertThat(admin.entry(ROOT, Setting.STATE, waiting)).satisfies(state -> {
                assertThat(state.typeName()).isEqualTo("open");
                assertThat(state.comment()).isEqualTo("asked back");
                assertThat(state.protectedEntry()).isFalse();
            });
            assertThat(db.selectFrom(TICKET_PRIORITY).where(TICKET_PRIORITY.ID.eq((short) urgent)).fetchSingle().getColor())
                    .isNotBlank();
            assertThat(admin.list(ROOT, Setting.TYPE)).extracting(Entry::name).containsExactly("Unclassified", "Incident");
            assertThat(tickets.phoneTicketOptions(ROOT).states()).as("takes effect at once").contains("waiting for customer");
            assertThat(tickets.phoneTicketOptions(ROOT).priorities()).contains("6 urgent");

            admin.update(ROOT, Setting.STATE, waiting, new Changes("waiting", OPEN, null, 2));
            admin.update(ROOT, Setting.PRIORITY, urgent, new Changes("6 urgent", 0, null, 2));
            admin.update(ROOT, Setting.TYPE, incident, new Changes("Incidents", 0, null, 1));
            assertThat(tickets.phoneTicketOptions(ROOT).states()).doesNotContain("waiting", "waiting for customer");
            assertThat(tickets.phoneTicketOptions(ROOT).priorities()).doesNotContain("6 urgent");
            // "open" and "closed successful" are system states; a custom closed state can go as long as others remain
            admin.update(ROOT, Setting.STATE, 2, new Changes("closed successful", CLOSED, "renamed comment is fine", 1));

            List<AuditLog.Entry> entries = jotrs.bean(AuditLog.class).recent(null, null, 0, 10);
            assertThat(entries).extracting(AuditLog.Entry::objectType).containsExactly("ticket-state", "ticket-type",
                    "ticket-priority", "ticket-state", "ticket-type", "ticket-priority", "ticket-state");
            assertThat(entries.get(3).changes()).contains(new AuditLog.Change("name", "waiting for customer", "waiting"),
                    new AuditLog.Change("comment", "asked back", null), new AuditLog.Change("valid", "valid", "invalid"));

            // Refusals leave everything as it was.
            List<Integer> before = counts(db);
            String statesBefore = db.selectFrom(TICKET_STATE).orderBy(TICKET_STATE.ID).fetch().formatCSV();
            assertThatThrownBy(() -> admin.update(ROOT, Setting.STATE, 4, new Changes("opened", OPEN, null, 1)))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors().get("name")).contains("keeps its name"));
            assertThatThrownBy(() -> admin.update(ROOT, Setting.STATE, 9, new Changes("merged", OPEN, null, 2)))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).containsOnlyKeys("validId", "typeId"));
            assertThatThrownBy(() -> admin.update(ROOT, Setting.STATE, 1, new Changes("new", NEW, null, 2)))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors().get("validId")).contains("stays valid"));
            int custom = admin.create(ROOT, Setting.STATE, new Changes("fresh", NEW, null, 2));
            before = counts(db);
            statesBefore = db.selectFrom(TICKET_STATE).orderBy(TICKET_STATE.ID).fetch().formatCSV();
            assertThatThrownBy(() -> admin.create(ROOT, Setting.STATE, new Changes("OPEN", 99, null, 1)))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).containsOnlyKeys("name", "typeId"));
            assertThatThrownBy(() -> admin.create(ROOT, Setting.PRIORITY, new Changes("3 NORMAL", 0, null, 1)))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).containsOnlyKeys("name"));
            assertThatThrownBy(() -> admin.create(ROOT, Setting.TYPE, new Changes(" ", 0, null, 5)))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).containsOnlyKeys("name", "validId"));
            assertThatThrownBy(() -> admin.update(ROOT, Setting.PRIORITY, 3, new Changes("3 normal", 0, null, 2)))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors().get("validId")).contains("default priority"));
            assertThatThrownBy(() -> admin.update(ROOT, Setting.TYPE, 1, new Changes("Default", 0, null, 1)))
                    .isInstanceOf(InvalidInput.class);
            assertThatThrownBy(() -> admin.create(outsider, Setting.TYPE, new Changes("Mine", 0, null, 1)))
                    .isInstanceOf(PermissionDenied.class);
            assertThatThrownBy(() -> admin.update(outsider, Setting.PRIORITY, 1, new Changes("1 very low", 0, null, 2)))
                    .isInstanceOf(PermissionDenied.class);
            assertThatThrownBy(() -> admin.list(outsider, Setting.STATE)).isInstanceOf(PermissionDenied.class);
            assertThatThrownBy(() -> admin.update(ROOT, Setting.STATE, 9999, new Changes("x", OPEN, null, 1)))
                    .isInstanceOf(org.jotrs.platform.NoSuchEntry.class);
            assertThat(counts(db)).as("nothing written").isEqualTo(before);
            assertThat(db.selectFrom(TICKET_STATE).orderBy(TICKET_STATE.ID).fetch().formatCSV()).isEqualTo(statesBefore);
            assertThat(custom).isPositive();
        }
    }

    private static List<Integer> counts(DSLContext db) {
        return List.of(db.fetchCount(TICKET_STATE), db.fetchCount(TICKET_PRIORITY), db.fetchCount(TICKET_TYPE),
                db.fetchCount(JOTRS_AUDIT_LOG), db.fetchCount(TICKET_PRIORITY, TICKET_PRIORITY.VALID_ID.eq((short) 1)),
                db.fetchCount(TICKET_TYPE, TICKET_TYPE.VALID_ID.eq((short) 1)));
    }
}
