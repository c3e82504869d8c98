package org.jotrs.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jotrs.platform.db.schema.Tables.NOTIFICATION_EVENT;
import static org.jotrs.platform.db.schema.Tables.NOTIFICATION_EVENT_ITEM;
import static org.jotrs.platform.db.schema.Tables.NOTIFICATION_EVENT_MESSAGE;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jotrs.testing.AgentHttp;
import org.jotrs.testing.Agents;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;
import org.jotrs.platform.DatabaseKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The notification screens over HTTP: the list of OTRS's notifications, editing one (items the
 * screen does not edit are kept, OTRS's rows are written as OTRS writes them), refusals with
 * nothing written, a new notification, administrators only.
 */
class NotificationAdminPagesTest {

    private static TestDatabase database;
    private static RunningJotrs jotrs;
    private static AgentHttp root;
    private static DSLContext db;

    @BeforeAll
    static void start() {
        database = TestDatabase.create(DatabaseKind.H2);
        jotrs = RunningJotrs.start(database);
        db = jotrs.bean(DSLContext.class);
        root = jotrs.agent();
        root.signIn("root@localhost", jotrs.firstStartPassword().orElseThrow());
    }

    @AfterAll
    static void stop() {
        jotrs.close();
        database.close();
    }

    @Test
    void listEditRefuseAndCreate() {
        String list = root.get("/admin/notifications").body();
        assertThat(list).contains("Ticket create notification").contains("NotificationNewTicket")
                .contains("Ticket queue update notification");
        assertThat(root.get("/admin").body()).contains("/admin/notifications");

        String form = root.get("/admin/notifications/1").body();
        assertThat(form).contains("value=\"Ticket create notification\"").contains("Ticket Created: &lt;OTRS_TICKET_Title");

        // No event: refused with a message, nothing written.
        long items = db.fetchCount(NOTIFICATION_EVENT_ITEM);
        HttpResponse<String> refused = root.submitAll("/admin/notifications/1", "/admin/notifications/1", List.of(
                Map.entry("name", "Ticket create notification"), Map.entry("validId", "1"),
                Map.entry("recipients", "AgentMyQueues"), Map.entry("textLanguage", "en"),
                Map.entry("textSubject", "New: <OTRS_TICKET_Title>"), Map.entry("textBody", "Hello")));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Choose at least one event.");
        assertThat(db.fetchCount(NOTIFICATION_EVENT_ITEM)).isEqualTo(items);

        // A valid change: only queue Raw (2), a German text added; OTRS's other items stay.
        List<Map.Entry<String, String>> fields = new ArrayList<>(List.of(
                Map.entry("name", "Ticket create notification"), Map.entry("validId", "1"),
                Map.entry("events", "NotificationNewTicket"), Map.entry("recipients", "AgentMyQueues"),
                Map.entry("recipients", "AgentOwner"), Map.entry("queueIds", "2"), Map.entry("visibleForAgent", "true"),
                Map.entry("enabledByDefault", "true"),
                Map.entry("textLanguage", "en"), Map.entry("textSubject", "New: <OTRS_TICKET_Title>"),
                Map.entry("textBody", "Hello <OTRS_NOTIFICATION_RECIPIENT_UserFirstname>"),
                Map.entry("textLanguage", "de"), Map.entry("textSubject", "Neu: <OTRS_TICKET_Title>"),
                Map.entry("textBody", "Hallo <OTRS_NOTIFICATION_RECIPIENT_UserFirstname>"),
                Map.entry("textLanguage", ""), Map.entry("textSubject", ""), Map.entry("textBody", "")));
        HttpResponse<String> saved = root.submitAll("/admin/notifications/1", "/admin/notifications/1", fields);
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(values(1, "QueueID")).containsExactly("2");
        assertThat(values(1, "Recipients")).containsExactlyInAnyOrder("AgentOwner", "AgentMyQueues");
        assertThat(values(1, "SendOnOutOfOffice")).containsExactly("1");
        assertThat(values(1, "AgentEnabledByDefault")).containsExactly("Email");
        assertThat(values(1, "Transports")).containsExactly("Email");
        assertThat(db.select(NOTIFICATION_EVENT_MESSAGE.LANGUAGE).from(NOTIFICATION_EVENT_MESSAGE)
                .where(NOTIFICATION_EVENT_MESSAGE.NOTIFICATION_ID.eq(1)).orderBy(NOTIFICATION_EVENT_MESSAGE.LANGUAGE)
                .fetch(NOTIFICATION_EVENT_MESSAGE.LANGUAGE)).containsExactly("de", "en");

        // Two texts in one language are refused.
        HttpResponse<String> twice = root.submitAll("/admin/notifications/new", "/admin/notifications/new", List.of(
                Map.entry("name", "Twice"), Map.entry("validId", "1"), Map.entry("events", "TicketStateUpdate"),
                Map.entry("recipients", "AgentOwner"),
                Map.entry("textLanguage", "en"), Map.entry("textSubject", "A"), Map.entry("textBody", "a"),
                Map.entry("textLanguage", "en"), Map.entry("textSubject", "B"), Map.entry("textBody", "b")));
        assertThat(twice.statusCode()).isEqualTo(422);
        assertThat(twice.body()).contains("one text per language");
        assertThat(db.fetchCount(NOTIFICATION_EVENT, NOTIFICATION_EVENT.NAME.eq("Twice"))).isZero();

        // A new notification on state changes, invalid for now.
        HttpResponse<String> created = root.submitAll("/admin/notifications/new", "/admin/notifications/new", List.of(
                Map.entry("name", "State changed"), Map.entry("validId", "2"), Map.entry("events", "TicketStateUpdate"),
                Map.entry("recipients", "AgentResponsible"), Map.entry("stateIds", "2"),
                Map.entry("textLanguage", "en"), Map.entry("textSubject", "State: <OTRS_TICKET_State>"),
                Map.entry("textBody", "Now <OTRS_TICKET_State>.")));
        assertThat(created.statusCode()).isEqualTo(302);
        int id = db.select(NOTIFICATION_EVENT.ID).from(NOTIFICATION_EVENT).where(NOTIFICATION_EVENT.NAME.eq("State changed"))
                .fetchSingle().value1();
        assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith("/admin/notifications/" + id);
        assertThat(values(id, "Events")).containsExactly("TicketStateUpdate");
        assertThat(values(id, "StateID")).containsExactly("2");
        assertThat(values(id, "VisibleForAgent")).containsExactly("0");
        assertThat(root.get("/admin/notifications").body()).contains("State changed");

        // Not for agents without admin rights.
        Agents.agent(db, "plain", "Plain", "Agent");
        AgentHttp plain = jotrs.agent();
        plain.signIn("plain", Agents.passwordOf("plain"));
        assertThat(plain.get("/admin/notifications").statusCode()).isEqualTo(403);
        assertThat(plain.get("/admin/notifications/1").statusCode()).isEqualTo(403);
    }

    @Test
    void namedAgentsGroupsAndRolesAreStoredAsOtrsStoresThem() {
        int zoe = Agents.agent(db, "zoe", "Zoe", "Named");
        db.execute("INSERT INTO roles (name, comments, valid_id, create_time, create_by, change_time, change_by)"
                + " VALUES ('Night shift', '', 1, CURRENT_TIMESTAMP, 1, CURRENT_TIMESTAMP, 1)");
        int role = db.fetchOne("SELECT id FROM roles WHERE name = 'Night shift'").get(0, Integer.class);
        String form = root.get("/admin/notifications/new").body();
        assertThat(form).contains("These agents").contains("Zoe Named (zoe)").contains("Agents in these groups")
                .contains("Members of these roles").contains("Night shift").contains("NotificationLockTimeout");

        // Only named recipients (no recipient kind): enough. OTRS's items RecipientAgents/Groups/Roles hold the ids.
        HttpResponse<String> created = root.submitAll("/admin/notifications/new", "/admin/notifications/new", List.of(
                Map.entry("name", "Night watch"), Map.entry("validId", "1"), Map.entry("events", "NotificationLockTimeout"),
                Map.entry("agentIds", String.valueOf(zoe)), Map.entry("groupIds", "1"), Map.entry("roleIds", String.valueOf(role)),
                Map.entry("textLanguage", "en"), Map.entry("textSubject", "Unlocked: <OTRS_TICKET_Title>"),
                Map.entry("textBody", "It was unlocked.")));
        assertThat(created.statusCode()).isEqualTo(302);
        int id = db.select(NOTIFICATION_EVENT.ID).from(NOTIFICATION_EVENT).where(NOTIFICATION_EVENT.NAME.eq("Night watch"))
                .fetchSingle().value1();
        assertThat(values(id, "RecipientAgents")).containsExactly(String.valueOf(zoe));
        assertThat(values(id, "RecipientGroups")).containsExactly("1");
        assertThat(values(id, "RecipientRoles")).containsExactly(String.valueOf(role));
        assertThat(values(id, "Recipients")).isEmpty();
        assertThat(root.get("/admin/notifications/" + id).body())
                .containsPattern("name=\"agentIds\" value=\"" + zoe + "\" checked");

        // An unknown agent is refused with nothing written; no recipient at all too.
        long items = db.fetchCount(NOTIFICATION_EVENT_ITEM);
        HttpResponse<String> unknown = root.submitAll("/admin/notifications/" + id, "/admin/notifications/" + id, List.of(
                Map.entry("name", "Night watch"), Map.entry("validId", "1"), Map.entry("events", "NotificationLockTimeout"),
                Map.entry("agentIds", "99999"),
                Map.entry("textLanguage", "en"), Map.entry("textSubject", "S"), Map.entry("textBody", "B")));
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("There is no valid agent with id 99999.");
        HttpResponse<String> nobody = root.submitAll("/admin/notifications/" + id, "/admin/notifications/" + id, List.of(
                Map.entry("name", "Night watch"), Map.entry("validId", "1"), Map.entry("events", "NotificationLockTimeout"),
                Map.entry("textLanguage", "en"), Map.entry("textSubject", "S"), Map.entry("textBody", "B")));
        assertThat(nobody.statusCode()).isEqualTo(422);
        assertThat(nobody.body()).contains("Choose at least one group of recipients");
        assertThat(db.fetchCount(NOTIFICATION_EVENT_ITEM)).isEqualTo(items);
        assertThat(values(id, "RecipientAgents")).containsExactly(String.valueOf(zoe));
    }

    @Test
    void otrsZoomLinksLeadToTheZoom() {
        HttpResponse<String> link = root.get("/index.pl?Action=AgentTicketZoom;TicketID=42");
        assertThat(link.statusCode()).isEqualTo(302);
        assertThat(link.headers().firstValue("Location").orElseThrow()).endsWith("/tickets/42");
        assertThat(root.get("/index.pl?Action=AdminSysConfig").statusCode()).isEqualTo(404);
    }

    private static List<String> values(int id, String key) {
        return db.select(NOTIFICATION_EVENT_ITEM.EVENT_VALUE).from(NOTIFICATION_EVENT_ITEM)
                .where(NOTIFICATION_EVENT_ITEM.NOTIFICATION_ID.eq(id)).and(NOTIFICATION_EVENT_ITEM.EVENT_KEY.eq(key))
                .fetch(NOTIFICATION_EVENT_ITEM.EVENT_VALUE);
    }
}
