package org.jotrs.mail.internal;

import static org.jotrs.platform.Messages.t;
import static org.jotrs.platform.db.schema.Tables.NOTIFICATION_EVENT;
import static org.jotrs.platform.db.schema.Tables.NOTIFICATION_EVENT_ITEM;
import static org.jotrs.platform.db.schema.Tables.NOTIFICATION_EVENT_MESSAGE;
import static org.jotrs.platform.db.schema.Tables.QUEUE;
import static org.jotrs.platform.db.schema.Tables.ROLES;
import static org.jotrs.platform.db.schema.Tables.TICKET_LOCK_TYPE;
import static org.jotrs.platform.db.schema.Tables.TICKET_PRIORITY;
import static org.jotrs.platform.db.schema.Tables.TICKET_STATE;
import static org.jotrs.platform.db.schema.Tables.TICKET_TYPE;
import static org.jotrs.platform.db.schema.Tables.USERS;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.jotrs.access.AccessService;
import org.jotrs.access.AgentPreferences;
import org.jotrs.mail.NotificationAdministration;
import org.jotrs.platform.AuditLog;
import org.jotrs.platform.DatabaseSchema;
import org.jotrs.platform.InvalidInput;
import org.jotrs.platform.NoSuchEntry;
import org.jotrs.platform.RowStamps;
import org.jotrs.platform.Validity;
import org.jotrs.platform.db.schema.tables.PermissionGroups;
import org.jotrs.platform.db.schema.tables.records.NotificationEventRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JooqNotificationAdministration implements NotificationAdministration {

    /** The items this screen owns; every other item of a notification is kept on save. */
    private static final Set<String> OWN_KEYS = Set.of("Events", "Recipients", "RecipientAgents", "RecipientGroups",
            "RecipientRoles", "QueueID", "StateID", "PriorityID", "TypeID", "LockID", "VisibleForAgent", "AgentEnabledByDefault");

    private final DSLContext db;
    private final AccessService access;
    private final AuditLog audit;
    private final Clock clock;
    private final DatabaseSchema schema;

    JooqNotificationAdministration(DSLContext db, AccessService access, AuditLog audit, Clock clock, DatabaseSchema schema) {
        this.db = db;
        this.schema = schema;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Summary> notifications(int actorId) {
        access.requireAdmin(actorId);
        Map<Integer, List<String>> events = new LinkedHashMap<>();
        db.select(NOTIFICATION_EVENT_ITEM.NOTIFICATION_ID, NOTIFICATION_EVENT_ITEM.EVENT_VALUE).from(NOTIFICATION_EVENT_ITEM)
                .where(NOTIFICATION_EVENT_ITEM.EVENT_KEY.eq("Events"))
                .forEach(r -> events.computeIfAbsent(r.value1(), id -> new ArrayList<>()).add(r.value2()));
        return db.select(NOTIFICATION_EVENT.ID, NOTIFICATION_EVENT.NAME, NOTIFICATION_EVENT.VALID_ID).from(NOTIFICATION_EVENT)
                .orderBy(NOTIFICATION_EVENT.NAME)
                .fetch(r -> new Summary(r.value1(), r.value2(), events.getOrDefault(r.value1(), List.of()), r.value3()));
    }

    @Override
    @Transactional(readOnly = true)
    public Settings notification(int actorId, int id) {
        access.requireAdmin(actorId);
        NotificationEventRecord row = row(id);
        Map<String, List<String>> items = items(id);
        List<Text> texts = db.select(NOTIFICATION_EVENT_MESSAGE.LANGUAGE, NOTIFICATION_EVENT_MESSAGE.SUBJECT,
                        NOTIFICATION_EVENT_MESSAGE.TEXT)
                .from(NOTIFICATION_EVENT_MESSAGE).where(NOTIFICATION_EVENT_MESSAGE.NOTIFICATION_ID.eq(id))
                .orderBy(NOTIFICATION_EVENT_MESSAGE.ID)
                .fetch(r -> new Text(r.value1(), r.value2(), r.value3()));
        return new Settings(row.getName(), row.getComments() == null ? "" : row.getComments(), row.getValidId(),
                new LinkedHashSet<>(items.getOrDefault("Events", List.of())),
                new LinkedHashSet<>(items.getOrDefault("Recipients", List.of())),
                ids(items, "RecipientAgents"), ids(items, "RecipientGroups"), ids(items, "RecipientRoles"),
                ids(items, "QueueID"), ids(items, "StateID"), ids(items, "PriorityID"), ids(items, "TypeID"),
                ids(items, "LockID"), "1".equals(first(items, "VisibleForAgent")),
                items.getOrDefault("AgentEnabledByDefault", List.of()).contains("Email"), texts);
    }

    @Override
    @Transactional(readOnly = true)
    public Options options(int actorId) {
        access.requireAdmin(actorId);
        return choices();
    }

    private Options choices() {
        PermissionGroups groups = schema.permissionGroups();
        return new Options(
                db.select(QUEUE.ID, QUEUE.NAME).from(QUEUE).where(QUEUE.VALID_ID.eq((short) 1)).orderBy(QUEUE.NAME)
                        .fetch(r -> new Choice(r.value1(), r.value2())),
                db.select(TICKET_STATE.ID, TICKET_STATE.NAME).from(TICKET_STATE).where(TICKET_STATE.VALID_ID.eq((short) 1))
                        .orderBy(TICKET_STATE.NAME).fetch(r -> new Choice(r.value1(), r.value2())),
                db.select(TICKET_PRIORITY.ID, TICKET_PRIORITY.NAME).from(TICKET_PRIORITY)
                        .where(TICKET_PRIORITY.VALID_ID.eq((short) 1)).orderBy(TICKET_PRIORITY.NAME)
                        .fetch(r -> new Choice(r.value1(), r.value2())),
                db.select(TICKET_TYPE.ID, TICKET_TYPE.NAME).from(TICKET_TYPE).where(TICKET_TYPE.VALID_ID.eq((short) 1))
                        .orderBy(TICKET_TYPE.NAME).fetch(r -> new Choice(r.value1(), r.value2())),
                db.select(TICKET_LOCK_TYPE.ID, TICKET_LOCK_TYPE.NAME).from(TICKET_LOCK_TYPE)
                        .where(TICKET_LOCK_TYPE.VALID_ID.eq((short) 1)).orderBy(TICKET_LOCK_TYPE.ID)
                        .fetch(r -> new Choice(r.value1(), r.value2())),
                db.select(USERS.ID, USERS.FIRST_NAME, USERS.LAST_NAME, USERS.LOGIN).from(USERS)
                        .where(USERS.VALID_ID.eq((short) 1)).orderBy(USERS.LAST_NAME, USERS.FIRST_NAME, USERS.LOGIN)
                        .fetch(r -> new Choice(r.value1(), (r.value2() + " " + r.value3()).strip() + " (" + r.value4() + ")")),
                db.select(groups.ID, groups.NAME).from(groups).where(groups.VALID_ID.eq((short) 1)).orderBy(groups.NAME)
                        .fetch(r -> new Choice(r.value1(), r.value2())),
                db.select(ROLES.ID, ROLES.NAME).from(ROLES).where(ROLES.VALID_ID.eq((short) 1)).orderBy(ROLES.NAME)
                        .fetch(r -> new Choice(r.value1(), r.value2())));
    }

    @Override
    @Transactional
    public int create(int actorId, Settings settings) {
        access.requireAdmin(actorId);
        Settings clean = validate(settings, null);
        NotificationEventRecord row = db.newRecord(NOTIFICATION_EVENT);
        row.setName(clean.name());
        row.setComments(clean.comment());
        row.setValidId((short) clean.validId());
        RowStamps.created(row, actorId, clock);
        row.store();
        writeItems(row.getId(), clean, Map.of("Transports", List.of("Email")));
        writeTexts(row.getId(), clean.texts());
        audit.record(actorId, "notification", clean.name(), "create", changes(null, clean));
        return row.getId();
    }

    @Override
    @Transactional
    public void update(int actorId, int id, Settings settings) {
        access.requireAdmin(actorId);
        NotificationEventRecord row = row(id);
        Settings before = notification(actorId, id);
        Settings clean = validate(settings, id);
        row.setName(clean.name());
        row.setComments(clean.comment());
        row.setValidId((short) clean.validId());
        RowStamps.changed(row, actorId, clock);
        row.update();
        Map<String, List<String>> kept = new LinkedHashMap<>(items(id));
        kept.keySet().removeAll(OWN_KEYS);
        db.deleteFrom(NOTIFICATION_EVENT_ITEM).where(NOTIFICATION_EVENT_ITEM.NOTIFICATION_ID.eq(id)).execute();
        writeItems(id, clean, kept);
        db.deleteFrom(NOTIFICATION_EVENT_MESSAGE).where(NOTIFICATION_EVENT_MESSAGE.NOTIFICATION_ID.eq(id)).execute();
        writeTexts(id, clean.texts());
        audit.record(actorId, "notification", before.name(), "update", changes(before, clean));
    }

    private NotificationEventRecord row(int id) {
        NotificationEventRecord row = db.selectFrom(NOTIFICATION_EVENT).where(NOTIFICATION_EVENT.ID.eq(id)).fetchOne();
        if (row == null) {
            throw new NoSuchEntry("not-found.notification", String.valueOf(id));
        }
        return row;
    }

    private Map<String, List<String>> items(int id) {
        Map<String, List<String>> items = new LinkedHashMap<>();
        db.select(NOTIFICATION_EVENT_ITEM.EVENT_KEY, NOTIFICATION_EVENT_ITEM.EVENT_VALUE).from(NOTIFICATION_EVENT_ITEM)
                .where(NOTIFICATION_EVENT_ITEM.NOTIFICATION_ID.eq(id))
                .forEach(r -> items.computeIfAbsent(r.value1(), key -> new ArrayList<>()).add(r.value2()));
        return items;
    }

    private static String first(Map<String, List<String>> items, String key) {
        List<String> values = items.getOrDefault(key, List.of());
        return values.isEmpty() ? null : values.getFirst();
    }

    private static Set<Integer> ids(Map<String, List<String>> items, String key) {
        Set<Integer> ids = new TreeSet<>();
        for (String value : items.getOrDefault(key, List.of())) {
            try {
                ids.add(Integer.parseInt(value.strip()));
            } catch (NumberFormatException e) {
                // OTRS allows names in some filters; the form edits ids only and keeps nothing else.
            }
        }
        return ids;
    }

    private Settings validate(Settings in, Integer id) {
        var errors = new InvalidInput.Collector();
        String name = errors.required("name", in.name(), NOTIFICATION_EVENT.NAME, t("validation.enter-name"));
        if (name != null && !errors.has("name")) {
            var same = NOTIFICATION_EVENT.NAME.eq(name);
            if (id != null) {
                same = same.and(NOTIFICATION_EVENT.ID.ne(id));
            }
            if (db.fetchExists(NOTIFICATION_EVENT, same)) {
                errors.add("name", t("validation.notification.name-taken", name));
            }
        }
        String comment = errors.optional("comment", in.comment(), NOTIFICATION_EVENT.COMMENTS);
        if (Validity.of(in.validId()).isEmpty()) {
            errors.add("validId", t("validation.choose-validity"));
        }
        Set<String> events = in.events() == null ? Set.of() : in.events();
        if (events.isEmpty()) {
            errors.add("events", t("validation.webhook.choose-event"));
        } else if (!EVENTS.containsAll(events)) {
            errors.add("events", t("validation.notification.events-from-list"));
        }
        Set<String> recipients = in.recipients() == null ? Set.of() : in.recipients();
        boolean named = !empty(in.agentIds()) || !empty(in.groupIds()) || !empty(in.roleIds());
        if (recipients.isEmpty() && !named) {
            errors.add("recipients", t("validation.notification.choose-recipients"));
        } else if (!RECIPIENTS.containsAll(recipients)) {
            errors.add("recipients", t("validation.notification.recipients-from-list"));
        }
        Options options = choices();
        known(errors, "agentIds", in.agentIds(), options.agents(), "agent");
        known(errors, "groupIds", in.groupIds(), options.groups(), "group");
        known(errors, "roleIds", in.roleIds(), options.roles(), "role");
        known(errors, "queueIds", in.queueIds(), options.queues(), "queue");
        known(errors, "stateIds", in.stateIds(), options.states(), "state");
        known(errors, "priorityIds", in.priorityIds(), options.priorities(), "priority");
        known(errors, "typeIds", in.typeIds(), options.types(), "type");
        known(errors, "lockIds", in.lockIds(), options.locks(), "lock");
        List<Text> texts = new ArrayList<>();
        Set<String> languages = new HashSet<>();
        List<Text> given = in.texts() == null ? List.of() : in.texts();
        for (int i = 0; i < given.size(); i++) {
            Text text = given.get(i);
            String language = InvalidInput.clean(text.language());
            String subject = InvalidInput.clean(text.subject());
            String body = text.body() == null || text.body().isBlank() ? null : text.body().replace("\r\n", "\n");
            if (language == null && subject == null && body == null) {
                continue;
            }
            String field = "texts" + i;
            if (language == null || !AgentPreferences.LANGUAGES.contains(language)) {
                errors.add(field, t("validation.notification.choose-language", String.join(", ", AgentPreferences.LANGUAGES)));
            } else if (!languages.add(language)) {
                errors.add(field, t("validation.notification.language-twice", language));
            }
            if (subject == null) {
                errors.add(field, t("validation.enter-subject"));
            } else if (subject.length() > NOTIFICATION_EVENT_MESSAGE.SUBJECT.getDataType().length()) {
                errors.add(field, t("validation.notification.subject-too-long",
                        String.valueOf(NOTIFICATION_EVENT_MESSAGE.SUBJECT.getDataType().length())));
            }
            if (body == null) {
                errors.add(field, t("validation.enter-text"));
            }
            texts.add(new Text(language, subject, body));
        }
        if (texts.isEmpty()) {
            errors.add("texts0", t("validation.notification.no-text"));
        }
        errors.throwIfAny();
        return new Settings(name, comment, in.validId(), new LinkedHashSet<>(EVENTS.stream().filter(events::contains).toList()),
                new LinkedHashSet<>(RECIPIENTS.stream().filter(recipients::contains).toList()), sorted(in.agentIds()),
                sorted(in.groupIds()), sorted(in.roleIds()), sorted(in.queueIds()),
                sorted(in.stateIds()), sorted(in.priorityIds()), sorted(in.typeIds()), sorted(in.lockIds()),
                in.visibleForAgent(), in.enabledByDefault(), texts);
    }

    private static boolean empty(Set<Integer> ids) {
        return ids == null || ids.isEmpty();
    }

    private static Set<Integer> sorted(Set<Integer> ids) {
        return ids == null ? new TreeSet<>() : new TreeSet<>(ids);
    }

    private static void known(InvalidInput.Collector errors, String field, Set<Integer> ids, List<Choice> choices, String what) {
        if (ids == null) {
            return;
        }
        Set<Integer> valid = choices.stream().map(Choice::id).collect(Collectors.toSet());
        for (int id : ids) {
            if (!valid.contains(id)) {
                errors.add(field, t("validation.notification.unknown-" + what, String.valueOf(id)));
                return;
            }
        }
    }

    private void writeItems(int id, Settings s, Map<String, List<String>> others) {
        Map<String, List<String>> items = new LinkedHashMap<>();
        items.put("Events", List.copyOf(s.events()));
        items.put("Recipients", List.copyOf(s.recipients()));
        items.put("RecipientAgents", strings(s.agentIds()));
        items.put("RecipientGroups", strings(s.groupIds()));
        items.put("RecipientRoles", strings(s.roleIds()));
        items.put("QueueID", strings(s.queueIds()));
        items.put("StateID", strings(s.stateIds()));
        items.put("PriorityID", strings(s.priorityIds()));
        items.put("TypeID", strings(s.typeIds()));
        items.put("LockID", strings(s.lockIds()));
        items.put("VisibleForAgent", List.of(s.visibleForAgent() ? "1" : "0"));
        if (s.enabledByDefault()) {
            items.put("AgentEnabledByDefault", List.of("Email"));
        }
        others.forEach(items::putIfAbsent);
        var insert = db.insertInto(NOTIFICATION_EVENT_ITEM, NOTIFICATION_EVENT_ITEM.NOTIFICATION_ID,
                NOTIFICATION_EVENT_ITEM.EVENT_KEY, NOTIFICATION_EVENT_ITEM.EVENT_VALUE);
        boolean any = false;
        for (var item : items.entrySet()) {
            for (String value : item.getValue()) {
                insert = insert.values(id, item.getKey(), value);
                any = true;
            }
        }
        if (any) {
            insert.execute();
        }
    }

    private static List<String> strings(Set<Integer> ids) {
        return ids.stream().map(String::valueOf).toList();
    }

    private void writeTexts(int id, List<Text> texts) {
        for (Text text : texts) {
            db.insertInto(NOTIFICATION_EVENT_MESSAGE)
                    .set(NOTIFICATION_EVENT_MESSAGE.NOTIFICATION_ID, id)
                    .set(NOTIFICATION_EVENT_MESSAGE.LANGUAGE, text.language())
                    .set(NOTIFICATION_EVENT_MESSAGE.SUBJECT, text.subject())
                    .set(NOTIFICATION_EVENT_MESSAGE.TEXT, text.body())
                    .set(NOTIFICATION_EVENT_MESSAGE.CONTENT_TYPE, "text/plain")
                    .execute();
        }
    }

    private static List<AuditLog.Change> changes(Settings before, Settings after) {
        List<AuditLog.Change> changes = new ArrayList<>();
        add(changes, "name", before == null ? null : before.name(), after.name());
        add(changes, "comment", before == null ? null : before.comment(), after.comment());
        add(changes, "events", before == null ? null : String.join(", ", before.events()), String.join(", ", after.events()));
        add(changes, "recipients", before == null ? null : String.join(", ", before.recipients()),
                String.join(", ", after.recipients()));
        add(changes, "agents", before == null ? null : sorted(before.agentIds()).toString(), sorted(after.agentIds()).toString());
        add(changes, "groups", before == null ? null : sorted(before.groupIds()).toString(), sorted(after.groupIds()).toString());
        add(changes, "roles", before == null ? null : sorted(before.roleIds()).toString(), sorted(after.roleIds()).toString());
        add(changes, "queues", before == null ? null : sorted(before.queueIds()).toString(), sorted(after.queueIds()).toString());
        add(changes, "states", before == null ? null : sorted(before.stateIds()).toString(), sorted(after.stateIds()).toString());
        add(changes, "priorities", before == null ? null : sorted(before.priorityIds()).toString(),
                sorted(after.priorityIds()).toString());
        add(changes, "types", before == null ? null : sorted(before.typeIds()).toString(), sorted(after.typeIds()).toString());
        add(changes, "locks", before == null ? null : sorted(before.lockIds()).toString(), sorted(after.lockIds()).toString());
        add(changes, "visible-for-agent", before == null ? null : String.valueOf(before.visibleForAgent()),
                String.valueOf(after.visibleForAgent()));
        add(changes, "enabled-by-default", before == null ? null : String.valueOf(before.enabledByDefault()),
                String.valueOf(after.enabledByDefault()));
        add(changes, "texts", before == null ? null : before.texts().toString(), after.texts().toString());
        add(changes, "valid", before == null ? null : String.valueOf(before.validId()), String.valueOf(after.validId()));
        return changes;
    }

    private static void add(List<AuditLog.Change> changes, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(new AuditLog.Change(field, before, after));
        }
    }
}
