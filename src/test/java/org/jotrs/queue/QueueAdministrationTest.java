package org.jotrs.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jotrs.platform.db.schema.Tables.JOTRS_AUDIT_LOG;
import static org.jotrs.platform.db.schema.Tables.QUEUE;
import static org.jotrs.platform.db.schema.Tables.QUEUE_STANDARD_TEMPLATE;
import static org.jotrs.platform.db.schema.Tables.SALUTATION;
import static org.jotrs.platform.db.schema.Tables.SIGNATURE;
import static org.jotrs.platform.db.schema.Tables.STANDARD_TEMPLATE;
import static org.jotrs.platform.db.schema.Tables.SYSTEM_ADDRESS;

import java.util.List;
import java.util.Set;

import org.jooq.DSLContext;
import org.jotrs.access.PermissionDenied;
import org.jotrs.testing.Agents;
import org.jotrs.testing.OnEveryDatabase;
import org.jotrs.platform.AuditLog;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.platform.InvalidInput;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;

/** Queues, addresses, salutations, signatures and templates administered on every database; texts with placeholders. */
class QueueAdministrationTest {

    private static final int ROOT = 1;

    @OnEveryDatabase
    void administersQueuesAndTheirTexts(DatabaseKind kind) {
        try (TestDatabase database = TestDatabase.create(kind); RunningJotrs jotrs = RunningJotrs.start(database)) {
            DSLContext db = jotrs.bean(DSLContext.class);
            QueueAdministration admin = jotrs.bean(QueueAdministration.class);
            SystemAddressAdministration addresses = jotrs.bean(SystemAddressAdministration.class);
            TextBlockAdministration textBlocks = jotrs.bean(TextBlockAdministration.class);
            TemplateAdministration templates = jotrs.bean(TemplateAdministration.class);
            ResponseTexts texts = jotrs.bean(ResponseTexts.class);
            int outsider = agent(db);

            int salutation = textBlocks.createTextBlock(ROOT, TextBlockKind.SALUTATION,
                    new TextBlock("Formal", "Dear <OTRS_CUSTOMER_REALNAME>,\r\n", null, 1));
            int signature = textBlocks.createTextBlock(ROOT, TextBlockKind.SIGNATURE,
                    new TextBlock("Team", "-- \n<OTRS_CURRENT_UserFirstname> <OTRS_CURRENT_UserLastname>", "ours", 1));
            int address = addresses.createSystemAddress(ROOT, new SystemAddressSettings("support@example.com", "Support", 2, null, 1));
            int support = admin.createQueue(ROOT, new QueueSettings("Support", 1, address, salutation, signature, 3, true,
                    60, 120, 240, 480, "1", "first level", 1));
            int hardware = admin.createQueue(ROOT, new QueueSettings(" Support :: Hardware ", 1, 1, 1, 1, 1, false,
                    0, 0, 0, 0, null, null, 1));

            var stored = db.selectFrom(QUEUE).where(QUEUE.ID.eq(support)).fetchSingle();
            assertThat(stored.getSystemAddressId()).isEqualTo((short) address);
            assertThat(stored.getFollowUpId()).isEqualTo((short) 3);
            assertThat(stored.getFollowUpLock()).isEqualTo((short) 1);
            assertThat(stored.getSolutionTime()).isEqualTo(480);
            assertThat(stored.getCalendarName()).isEqualTo("1");
            assertThat(admin.queue(ROOT, hardware).name()).isEqualTo("Support::Hardware");
            assertThat(jotrs.bean(QueueService.class).validQueues()).extracting(Queue::name).contains("Support", "Support::Hardware");
            assertThat(db.select(SALUTATION.TEXT, SALUTATION.CONTENT_TYPE).from(SALUTATION)
                    .where(SALUTATION.ID.eq((short) salutation)).fetchSingle().value1()).isEqualTo("Dear <OTRS_CUSTOMER_REALNAME>,\n");

            // Renaming a queue renames its sub-queues, as OTRS does.
            admin.updateQueue(ROOT, support, new QueueSettings("Helpdesk", 1, address, salutation, signature, 1, false,
                    0, 120, 240, 480, "1", "first level", 1));
            assertThat(admin.queue(ROOT, hardware).name()).isEqualTo("Helpdesk::Hardware");

            int template = templates.createTemplate(ROOT, new TemplateSettings("Reset password",
                    "Your ticket <OTRS_TICKET_TicketNumber> (<OTRS_TICKET_Title>): see <OTRS_CONFIG_HttpType>.", "Answer", null, 1));
            templates.setQueuesOfTemplate(ROOT, template, Set.of(support, hardware));
            templates.setTemplatesOfQueue(ROOT, hardware, Set.of(1));
            assertThat(templates.queuesOfTemplate(ROOT, template)).containsExactly(support);
            assertThat(templates.templatesOfQueue(ROOT, support)).containsExactly(template);

            PlaceholderValues values = new PlaceholderValues("Carla Customer", "2026010110000012", "VPN down", "Anna",
                    "Agent", "Carla", "Customer", "carla@example.com");
            assertThat(texts.templates(support, "Answer")).extracting(ResponseTexts.TemplateChoice::name)
                    .containsExactly("Reset password");
            assertThat(texts.templates(support, "Note")).isEmpty();
            assertThat(texts.renderTemplate(support, template, values))
                    .hasValue("Your ticket 2026010110000012 (VPN down): see <OTRS_CONFIG_HttpType>.");
            assertThat(texts.renderTemplate(hardware, template, values)).as("not offered in that queue").isEmpty();
            assertThat(texts.salutation(support, values)).hasValue("Dear Carla Customer,\n");
            assertThat(texts.signature(support, values)).hasValue("-- \nAnna Agent");
            assertThat(texts.signature(2, values)).hasValueSatisfying(text -> assertThat(text).contains(" Anna Agent"));
            templates.updateTemplate(ROOT, template, new TemplateSettings("Reset password", "x", "Answer", null, 2));
            assertThat(texts.templates(support, "Answer")).as("invalid templates are not offered").isEmpty();

            List<AuditLog.Entry> entries = jotrs.bean(AuditLog.class).recent(null, null, 0, 20);
            assertThat(entries).extracting(AuditLog.Entry::objectType).containsSubsequence("template", "template-queues",
                    "template-queues", "template", "queue", "queue", "queue", "system-address", "signature", "salutation");
            assertThat(jotrs.bean(AuditLog.class).recent("queue", "Helpdesk", 0, 1)).singleElement().satisfies(entry ->
                    assertThat(entry.changes()).contains(new AuditLog.Change("name", "Support", "Helpdesk"),
                            new AuditLog.Change("sub-queue", "Support::Hardware", "Helpdesk::Hardware")));

            // Refusals leave everything as it was.
            List<Integer> before = counts(db);
            assertThatThrownBy(() -> admin.createQueue(ROOT, new QueueSettings("helpdesk", 999, 1, 1, 1, 9, false,
                    -1, null, 0, 0, null, null, 1)))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).containsOnlyKeys(
                            "name", "groupId", "followUpId", "unlockTimeout", "firstResponseTime"));
            assertThatThrownBy(() -> admin.createQueue(ROOT, new QueueSettings("Nowhere::Child", 1, 1, 1, 1, 1, false,
                    0, 0, 0, 0, null, null, 1)))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors().get("name")).contains("Nowhere"));
            assertThatThrownBy(() -> admin.updateQueue(ROOT, support, new QueueSettings("Helpdesk::Hardware::Sub", 1, 1, 1,
                    1, 1, false, 0, 0, 0, 0, null, null, 1))).isInstanceOf(InvalidInput.class);
            assertThatThrownBy(() -> addresses.createSystemAddress(ROOT, new SystemAddressSettings("SUPPORT@example.com", "",
                    999, null, 1)))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).containsOnlyKeys(
                            "address", "displayName", "queueId"));
            assertThatThrownBy(() -> addresses.createSystemAddress(ROOT, new SystemAddressSettings("no at sign", "x", 1, null, 1)))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).containsOnlyKeys("address"));
            assertThatThrownBy(() -> textBlocks.createTextBlock(ROOT, TextBlockKind.SIGNATURE, new TextBlock("TEAM", " ", null, 1)))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).containsOnlyKeys("name", "text"));
            assertThatThrownBy(() -> templates.createTemplate(ROOT, new TemplateSettings("reset PASSWORD", "", "Reply", null, 1)))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).containsOnlyKeys("name", "templateType"));
            assertThatThrownBy(() -> templates.setQueuesOfTemplate(ROOT, template, Set.of(support, 9999)))
                    .isInstanceOf(InvalidInput.class);
            assertThatThrownBy(() -> admin.createQueue(outsider, new QueueSettings("Mine", 1, 1, 1, 1, 1, false,
                    0, 0, 0, 0, null, null, 1))).isInstanceOf(PermissionDenied.class);
            assertThatThrownBy(() -> templates.setTemplatesOfQueue(outsider, support, Set.of())).isInstanceOf(PermissionDenied.class);
            assertThatThrownBy(() -> admin.queues(outsider)).isInstanceOf(PermissionDenied.class);
            assertThat(counts(db)).as("nothing written").isEqualTo(before);
            assertThat(admin.queue(ROOT, support).name()).isEqualTo("Helpdesk");
        }
    }

    private static int agent(DSLContext db) {
        return Agents.anAgent("outsider").named("Out", "Sider").in(db);
    }

    private static List<Integer> counts(DSLContext db) {
        return List.of(db.fetchCount(QUEUE), db.fetchCount(SYSTEM_ADDRESS), db.fetchCount(SALUTATION),
                db.fetchCount(SIGNATURE), db.fetchCount(STANDARD_TEMPLATE), db.fetchCount(QUEUE_STANDARD_TEMPLATE),
                db.fetchCount(JOTRS_AUDIT_LOG));
    }
}
