package org.jotrs.queue.internal;

import static org.jotrs.platform.db.schema.Tables.FOLLOW_UP_POSSIBLE;
import static org.jotrs.platform.db.schema.Tables.QUEUE;
import static org.jotrs.platform.db.schema.Tables.QUEUE_STANDARD_TEMPLATE;
import static org.jotrs.platform.db.schema.Tables.SALUTATION;
import static org.jotrs.platform.db.schema.Tables.SIGNATURE;
import static org.jotrs.platform.db.schema.Tables.STANDARD_TEMPLATE;
import static org.jotrs.platform.db.schema.Tables.SYSTEM_ADDRESS;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jotrs.access.AccessService;
import org.jotrs.platform.AuditLog;
import org.jotrs.platform.AuditLog.Change;
import org.jotrs.platform.DatabaseSchema;
import org.jotrs.platform.InvalidInput;
import org.jotrs.platform.MailAddressSyntax;
import org.jotrs.platform.NoSuchEntry;
import org.jotrs.platform.RowStamps;
import org.jotrs.platform.Validity;
import org.jotrs.platform.db.schema.tables.PermissionGroups;
import org.jotrs.platform.db.schema.tables.records.QueueRecord;
import org.jotrs.platform.db.schema.tables.records.StandardTemplateRecord;
import org.jotrs.platform.db.schema.tables.records.SystemAddressRecord;
import org.jotrs.queue.QueueAdministration;
import org.jotrs.queue.QueueSettings;
import org.jotrs.queue.SystemAddressSettings;
import org.jotrs.queue.TemplateSettings;
import org.jotrs.queue.TextBlock;
import org.jotrs.queue.TextBlockKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The queue module's configuration tables with OTRS's rules: names unique ignoring case,
 * sub-queues named {@code Parent::Child} under an existing parent and renamed with it, plain
 * text stored as {@code text/plain; charset=utf-8}.
 */
@Service
class JooqQueueAdministration implements QueueAdministration {

    private static final String SUBQUEUE_SEPARATOR = "::";
    private static final int MAX_TEXT_BLOCK = 3000;
    // standard_template.text is a 16 MB column; a canned answer this long is a mistake, not a template
    private static final int MAX_TEMPLATE = 100_000;

    private final DSLContext db;
    private final AccessService access;
    private final AuditLog audit;
    private final DatabaseSchema schema;
    private final Clock clock;

    JooqQueueAdministration(DSLContext db, AccessService access, AuditLog audit, DatabaseSchema schema, Clock clock) {
        this.db = db;
        this.access = access;
        this.audit = audit;
        this.schema = schema;
        this.clock = clock;
    }

    // ---- queues

    @Override
    @Transactional(readOnly = true)
    public List<Row> queues(int actorId) {
        access.requireAdmin(actorId);
        PermissionGroups groups = schema.permissionGroups();
        return db.select(QUEUE.ID, QUEUE.NAME, groups.NAME, QUEUE.COMMENTS, QUEUE.VALID_ID)
                .from(QUEUE).leftJoin(groups).on(groups.ID.eq(QUEUE.GROUP_ID))
                .orderBy(QUEUE.NAME)
                .fetch(r -> new Row(r.value1(), r.value2(), Arrays.asList(r.value3(), r.value4()), r.value5()));
    }

    @Override
    @Transactional(readOnly = true)
    public QueueSettings queue(int actorId, int queueId) {
        access.requireAdmin(actorId);
        return settings(queueRow(queueId));
    }

    @Override
    @Transactional(readOnly = true)
    public QueueChoices queueChoices(int actorId) {
        access.requireAdmin(actorId);
        PermissionGroups groups = schema.permissionGroups();
        return new QueueChoices(
                db.select(groups.ID, groups.NAME).from(groups).where(groups.VALID_ID.eq(Validity.VALID.id()))
                        .orderBy(groups.NAME).fetch(r -> new Choice(r.value1(), r.value2())),
                db.select(SYSTEM_ADDRESS.ID, SYSTEM_ADDRESS.VALUE0, SYSTEM_ADDRESS.VALUE1).from(SYSTEM_ADDRESS)
                        .where(SYSTEM_ADDRESS.VALID_ID.eq(Validity.VALID.id())).orderBy(SYSTEM_ADDRESS.VALUE0)
                        .fetch(r -> new Choice(r.value1(), "\"" + r.value3() + "\" <" + r.value2() + ">")),
                choices(SALUTATION, SALUTATION.ID, SALUTATION.NAME, SALUTATION.VALID_ID),
                choices(SIGNATURE, SIGNATURE.ID, SIGNATURE.NAME, SIGNATURE.VALID_ID),
                choices(FOLLOW_UP_POSSIBLE, FOLLOW_UP_POSSIBLE.ID, FOLLOW_UP_POSSIBLE.NAME, FOLLOW_UP_POSSIBLE.VALID_ID));
    }

    private List<Choice> choices(Table<?> table, Field<Short> id, Field<String> name, Field<Short> valid) {
        return db.select(id, name).from(table).where(valid.eq(Validity.VALID.id())).orderBy(id)
                .fetch(r -> new Choice(r.value1(), r.value2()));
    }

    @Override
    @Transactional
    public int createQueue(int actorId, QueueSettings settings) {
        access.requireAdmin(actorId);
        QueueSettings clean = validate(settings, null);
        QueueRecord row = db.newRecord(QUEUE);
        apply(row, clean);
        RowStamps.created(row, actorId, clock);
        row.store();
        audit.record(actorId, "queue", "queue " + clean.name(), "create", queueChanges(null, clean));
        return row.getId();
    }

    @Override
    @Transactional
    public void updateQueue(int actorId, int queueId, QueueSettings settings) {
        access.requireAdmin(actorId);
        QueueRecord row = queueRow(queueId);
        QueueSettings before = settings(row);
        QueueSettings clean = validate(settings, row);
        LocalDateTime now = LocalDateTime.now(clock);
        apply(row, clean);
        row.setChangeTime(now);
        row.setChangeBy(actorId);
        row.update();
        List<Change> changes = new ArrayList<>(queueChanges(before, clean));
        if (!before.name().equals(clean.name())) {
            String oldPrefix = before.name() + SUBQUEUE_SEPARATOR;
            for (var child : db.select(QUEUE.ID, QUEUE.NAME).from(QUEUE)
                    .where(QUEUE.NAME.startsWith(oldPrefix)).fetch()) {
                String renamed = clean.name() + SUBQUEUE_SEPARATOR + child.value2().substring(oldPrefix.length());
                db.update(QUEUE).set(QUEUE.NAME, renamed).set(QUEUE.CHANGE_TIME, now).set(QUEUE.CHANGE_BY, actorId)
                        .where(QUEUE.ID.eq(child.value1())).execute();
                changes.add(new Change("sub-queue", child.value2(), renamed));
            }
        }
        audit.record(actorId, "queue", "queue " + before.name(), "update", changes);
    }

    private QueueRecord queueRow(int queueId) {
        QueueRecord row = db.selectFrom(QUEUE).where(QUEUE.ID.eq(queueId)).fetchOne();
        if (row == null) {
            throw new NoSuchEntry("queue " + queueId);
        }
        return row;
    }

    private QueueSettings validate(QueueSettings in, QueueRecord existing) {
        var errors = new InvalidInput.Collector();
        String name = errors.required("name", in.name(), QUEUE.NAME, "Enter the queue's name.");
        if (name != null && !errors.has("name")) {
            String[] parts = name.split(SUBQUEUE_SEPARATOR, -1);
            if (Arrays.stream(parts).anyMatch(String::isBlank)) {
                errors.add("name", "Each part of a sub-queue name (Parent::Child) needs a name.");
            } else {
                name = String.join(SUBQUEUE_SEPARATOR, Arrays.stream(parts).map(String::strip).toList());
                Condition sameName = DSL.lower(QUEUE.NAME).eq(name.toLowerCase(Locale.ROOT));
                if (existing != null) {
                    sameName = sameName.and(QUEUE.ID.ne(existing.getId()));
                }
                if (db.fetchExists(QUEUE, sameName)) {
                    errors.add("name", "There is already a queue named '" + name + "'.");
                } else if (parts.length > 1) {
                    String parent = name.substring(0, name.lastIndexOf(SUBQUEUE_SEPARATOR));
                    if (!db.fetchExists(QUEUE, QUEUE.NAME.eq(parent))) {
                        errors.add("name", "The parent queue '" + parent + "' does not exist; create it first.");
                    }
                }
                if (existing != null && name.toLowerCase(Locale.ROOT).startsWith(
                        existing.getName().toLowerCase(Locale.ROOT) + SUBQUEUE_SEPARATOR)) {
                    errors.add("name", "A queue cannot become a sub-queue of itself.");
                }
            }
        }
        PermissionGroups groups = schema.permissionGroups();
        if (!db.fetchExists(groups, groups.ID.eq(in.groupId()))) {
            errors.add("groupId", "Choose a group: there is no group with the id " + in.groupId() + ".");
        }
        if (!db.fetchExists(SYSTEM_ADDRESS, SYSTEM_ADDRESS.ID.eq(shortId(in.systemAddressId())))) {
            errors.add("systemAddressId", "Choose a system address.");
        }
        if (!db.fetchExists(SALUTATION, SALUTATION.ID.eq(shortId(in.salutationId())))) {
            errors.add("salutationId", "Choose a salutation.");
        }
        if (!db.fetchExists(SIGNATURE, SIGNATURE.ID.eq(shortId(in.signatureId())))) {
            errors.add("signatureId", "Choose a signature.");
        }
        if (!db.fetchExists(FOLLOW_UP_POSSIBLE, FOLLOW_UP_POSSIBLE.ID.eq(shortId(in.followUpId())))) {
            errors.add("followUpId", "Choose what happens to follow-ups of closed tickets.");
        }
        minutes(errors, "unlockTimeout", in.unlockTimeout());
        minutes(errors, "firstResponseTime", in.firstResponseTime());
        minutes(errors, "updateTime", in.updateTime());
        minutes(errors, "solutionTime", in.solutionTime());
        String calendar = errors.optional("calendarName", in.calendarName(), QUEUE.CALENDAR_NAME);
        String comment = errors.optional("comment", in.comment(), QUEUE.COMMENTS);
        validity(errors, in.validId());
        errors.throwIfAny();
        return new QueueSettings(name, in.groupId(), in.systemAddressId(), in.salutationId(), in.signatureId(),
                in.followUpId(), in.followUpLock(), in.unlockTimeout(), in.firstResponseTime(), in.updateTime(),
                in.solutionTime(), calendar, comment, in.validId());
    }

    private static void minutes(InvalidInput.Collector errors, String field, Integer value) {
        if (value == null || value < 0) {
            errors.add(field, "Enter a whole number of minutes, 0 for none.");
        }
    }

    private static void apply(QueueRecord row, QueueSettings s) {
        row.setName(s.name());
        row.setGroupId(s.groupId());
        row.setSystemAddressId(shortId(s.systemAddressId()));
        row.setSalutationId(shortId(s.salutationId()));
        row.setSignatureId(shortId(s.signatureId()));
        row.setFollowUpId(shortId(s.followUpId()));
        row.setFollowUpLock((short) (s.followUpLock() ? 1 : 0));
        row.setUnlockTimeout(s.unlockTimeout());
        row.setFirstResponseTime(s.firstResponseTime());
        row.setUpdateTime(s.updateTime());
        row.setSolutionTime(s.solutionTime());
        row.setCalendarName(s.calendarName());
        row.setComments(s.comment());
        row.setValidId((short) s.validId());
    }

    private static QueueSettings settings(QueueRecord r) {
        return new QueueSettings(r.getName(), r.getGroupId(), r.getSystemAddressId(), r.getSalutationId(),
                r.getSignatureId(), r.getFollowUpId(), r.getFollowUpLock() != null && r.getFollowUpLock() == 1,
                zeroIfNull(r.getUnlockTimeout()), zeroIfNull(r.getFirstResponseTime()), zeroIfNull(r.getUpdateTime()),
                zeroIfNull(r.getSolutionTime()), r.getCalendarName(), r.getComments(), r.getValidId());
    }

    private static List<Change> queueChanges(QueueSettings b, QueueSettings a) {
        boolean c = b == null;
        return Arrays.asList(
                Change.of("name", c ? null : b.name(), a.name()),
                Change.of("groupId", c ? null : b.groupId(), a.groupId()),
                Change.of("systemAddressId", c ? null : b.systemAddressId(), a.systemAddressId()),
                Change.of("salutationId", c ? null : b.salutationId(), a.salutationId()),
                Change.of("signatureId", c ? null : b.signatureId(), a.signatureId()),
                Change.of("followUpId", c ? null : b.followUpId(), a.followUpId()),
                Change.of("followUpLock", c ? null : b.followUpLock(), a.followUpLock()),
                Change.of("unlockTimeout", c ? null : b.unlockTimeout(), a.unlockTimeout()),
                Change.of("firstResponseTime", c ? null : b.firstResponseTime(), a.firstResponseTime()),
                Change.of("updateTime", c ? null : b.updateTime(), a.updateTime()),
                Change.of("solutionTime", c ? null : b.solutionTime(), a.solutionTime()),
                Change.of("calendarName", c ? null : b.calendarName(), a.calendarName()),
                Change.of("comment", c ? null : b.comment(), a.comment()),
                Change.of("valid", c ? null : Validity.labelOf(b.validId()), Validity.labelOf(a.validId())));
    }

    // ---- system addresses

    @Override
    @Transactional(readOnly = true)
    public List<Row> systemAddresses(int actorId) {
        access.requireAdmin(actorId);
        return db.select(SYSTEM_ADDRESS.ID, SYSTEM_ADDRESS.VALUE0, SYSTEM_ADDRESS.VALUE1, QUEUE.NAME, SYSTEM_ADDRESS.VALID_ID)
                .from(SYSTEM_ADDRESS).leftJoin(QUEUE).on(QUEUE.ID.eq(SYSTEM_ADDRESS.QUEUE_ID))
                .orderBy(SYSTEM_ADDRESS.VALUE0)
                .fetch(r -> new Row(r.value1(), r.value2(), Arrays.asList(r.value3(), r.value4()), r.value5()));
    }

    @Override
    @Transactional(readOnly = true)
    public SystemAddressSettings systemAddress(int actorId, int systemAddressId) {
        access.requireAdmin(actorId);
        return addressSettings(addressRow(systemAddressId));
    }

    @Override
    @Transactional
    public int createSystemAddress(int actorId, SystemAddressSettings settings) {
        access.requireAdmin(actorId);
        SystemAddressSettings clean = validate(settings, null);
        SystemAddressRecord row = db.newRecord(SYSTEM_ADDRESS);
        apply(row, clean);
        RowStamps.created(row, actorId, clock);
        row.store();
        audit.record(actorId, "system-address", "address " + clean.address(), "create", addressChanges(null, clean));
        return row.getId();
    }

    @Override
    @Transactional
    public void updateSystemAddress(int actorId, int systemAddressId, SystemAddressSettings settings) {
        access.requireAdmin(actorId);
        SystemAddressRecord row = addressRow(systemAddressId);
        SystemAddressSettings before = addressSettings(row);
        SystemAddressSettings clean = validate(settings, row);
        apply(row, clean);
        RowStamps.changed(row, actorId, clock);
        row.update();
        audit.record(actorId, "system-address", "address " + before.address(), "update", addressChanges(before, clean));
    }

    private SystemAddressRecord addressRow(int id) {
        SystemAddressRecord row = db.selectFrom(SYSTEM_ADDRESS).where(SYSTEM_ADDRESS.ID.eq(shortId(id))).fetchOne();
        if (row == null) {
            throw new NoSuchEntry("system address " + id);
        }
        return row;
    }

    private SystemAddressSettings validate(SystemAddressSettings in, SystemAddressRecord existing) {
        var errors = new InvalidInput.Collector();
        String address = errors.required("address", in.address(), SYSTEM_ADDRESS.VALUE0, "Enter the mail address.");
        if (address != null && !errors.has("address")) {
            if (!MailAddressSyntax.isAddress(address)) {
                errors.add("address", "'" + address + "' is not a valid mail address.");
            } else {
                Condition same = DSL.lower(SYSTEM_ADDRESS.VALUE0).eq(address.toLowerCase(Locale.ROOT));
                if (existing != null) {
                    same = same.and(SYSTEM_ADDRESS.ID.ne(existing.getId()));
                }
                if (db.fetchExists(SYSTEM_ADDRESS, same)) {
                    errors.add("address", "The system address '" + address + "' exists already.");
                }
            }
        }
        String displayName = errors.required("displayName", in.displayName(), SYSTEM_ADDRESS.VALUE1, "Enter the name mail is sent under.");
        if (!db.fetchExists(QUEUE, QUEUE.ID.eq(in.queueId()))) {
            errors.add("queueId", "Choose the queue for new mail to this address.");
        }
        String comment = errors.optional("comment", in.comment(), SYSTEM_ADDRESS.COMMENTS);
        validity(errors, in.validId());
        errors.throwIfAny();
        return new SystemAddressSettings(address, displayName, in.queueId(), comment, in.validId());
    }

    private static void apply(SystemAddressRecord row, SystemAddressSettings s) {
        row.setValue0(s.address());
        row.setValue1(s.displayName());
        row.setQueueId(s.queueId());
        row.setComments(s.comment());
        row.setValidId((short) s.validId());
    }

    private static SystemAddressSettings addressSettings(SystemAddressRecord r) {
        return new SystemAddressSettings(r.getValue0(), r.getValue1(), r.getQueueId(), r.getComments(), r.getValidId());
    }

    private static List<Change> addressChanges(SystemAddressSettings b, SystemAddressSettings a) {
        boolean c = b == null;
        return Arrays.asList(
                Change.of("address", c ? null : b.address(), a.address()),
                Change.of("displayName", c ? null : b.displayName(), a.displayName()),
                Change.of("queueId", c ? null : b.queueId(), a.queueId()),
                Change.of("comment", c ? null : b.comment(), a.comment()),
                Change.of("valid", c ? null : Validity.labelOf(b.validId()), Validity.labelOf(a.validId())));
    }

    // ---- salutations and signatures: two tables of the same shape

    private record TextTable(Table<? extends Record> table, Field<Short> id, Field<String> name, Field<String> text,
            Field<String> contentType, Field<String> comments, Field<Short> validId, Field<LocalDateTime> createTime,
            Field<Integer> createBy, Field<LocalDateTime> changeTime, Field<Integer> changeBy) {
    }

    private static TextTable table(TextBlockKind kind) {
        return switch (kind) {
            case SALUTATION -> new TextTable(SALUTATION, SALUTATION.ID, SALUTATION.NAME, SALUTATION.TEXT,
                    SALUTATION.CONTENT_TYPE, SALUTATION.COMMENTS, SALUTATION.VALID_ID, SALUTATION.CREATE_TIME,
                    SALUTATION.CREATE_BY, SALUTATION.CHANGE_TIME, SALUTATION.CHANGE_BY);
            case SIGNATURE -> new TextTable(SIGNATURE, SIGNATURE.ID, SIGNATURE.NAME, SIGNATURE.TEXT,
                    SIGNATURE.CONTENT_TYPE, SIGNATURE.COMMENTS, SIGNATURE.VALID_ID, SIGNATURE.CREATE_TIME,
                    SIGNATURE.CREATE_BY, SIGNATURE.CHANGE_TIME, SIGNATURE.CHANGE_BY);
        };
    }

    @Override
    @Transactional(readOnly = true)
    public List<Row> textBlocks(int actorId, TextBlockKind kind) {
        access.requireAdmin(actorId);
        TextTable t = table(kind);
        return db.select(t.id(), t.name(), t.comments(), t.validId()).from(t.table()).orderBy(t.name())
                .fetch(r -> new Row(r.value1(), r.value2(), Arrays.asList(r.value3()), r.value4()));
    }

    @Override
    @Transactional(readOnly = true)
    public TextBlock textBlock(int actorId, TextBlockKind kind, int id) {
        access.requireAdmin(actorId);
        return textBlockRow(kind, id);
    }

    private TextBlock textBlockRow(TextBlockKind kind, int id) {
        TextTable t = table(kind);
        return db.select(t.name(), t.text(), t.comments(), t.validId()).from(t.table()).where(t.id().eq(shortId(id)))
                .fetchOptional(r -> new TextBlock(r.value1(), r.value2(), r.value3(), r.value4()))
                .orElseThrow(() -> new NoSuchEntry(kind.key() + " " + id));
    }

    @Override
    @Transactional
    public int createTextBlock(int actorId, TextBlockKind kind, TextBlock block) {
        access.requireAdmin(actorId);
        TextTable t = table(kind);
        TextBlock clean = validate(kind, block, null);
        LocalDateTime now = LocalDateTime.now(clock);
        Short id = db.insertInto(t.table())
                .set(t.name(), clean.name()).set(t.text(), clean.text()).set(t.contentType(), PLAIN_TEXT)
                .set(t.comments(), clean.comment()).set(t.validId(), (short) clean.validId())
                .set(t.createTime(), now).set(t.createBy(), actorId).set(t.changeTime(), now).set(t.changeBy(), actorId)
                .returningResult(t.id()).fetchSingle().value1();
        audit.record(actorId, kind.key(), kind.key() + " " + clean.name(), "create", textChanges(null, clean));
        return id;
    }

    @Override
    @Transactional
    public void updateTextBlock(int actorId, TextBlockKind kind, int id, TextBlock block) {
        access.requireAdmin(actorId);
        TextTable t = table(kind);
        TextBlock before = textBlockRow(kind, id);
        TextBlock clean = validate(kind, block, id);
        db.update(t.table())
                .set(t.name(), clean.name()).set(t.text(), clean.text()).set(t.contentType(), PLAIN_TEXT)
                .set(t.comments(), clean.comment()).set(t.validId(), (short) clean.validId())
                .set(t.changeTime(), LocalDateTime.now(clock)).set(t.changeBy(), actorId)
                .where(t.id().eq(shortId(id))).execute();
        audit.record(actorId, kind.key(), kind.key() + " " + before.name(), "update", textChanges(before, clean));
    }

    private TextBlock validate(TextBlockKind kind, TextBlock in, Integer existingId) {
        TextTable t = table(kind);
        var errors = new InvalidInput.Collector();
        String name = errors.required("name", in.name(), t.name(), "Enter a name.");
        if (name != null && !errors.has("name")) {
            Condition same = DSL.lower(t.name()).eq(name.toLowerCase(Locale.ROOT));
            if (existingId != null) {
                same = same.and(t.id().ne(shortId(existingId)));
            }
            if (db.fetchExists(t.table(), same)) {
                errors.add("name", "There is already a " + kind.key() + " named '" + name + "'.");
            }
        }
        String text = in.text() == null ? "" : in.text().replace("\r\n", "\n");
        if (text.isBlank()) {
            errors.add("text", "Enter the text.");
        } else if (text.length() > MAX_TEXT_BLOCK) {
            errors.add("text", "At most " + MAX_TEXT_BLOCK + " characters.");
        }
        String comment = errors.optional("comment", in.comment(), t.comments());
        validity(errors, in.validId());
        errors.throwIfAny();
        return new TextBlock(name, text, comment, in.validId());
    }

    private static List<Change> textChanges(TextBlock b, TextBlock a) {
        boolean c = b == null;
        return Arrays.asList(
                Change.of("name", c ? null : b.name(), a.name()),
                Change.of("text", c ? null : b.text(), a.text()),
                Change.of("comment", c ? null : b.comment(), a.comment()),
                Change.of("valid", c ? null : Validity.labelOf(b.validId()), Validity.labelOf(a.validId())));
    }

    // ---- templates

    @Override
    @Transactional(readOnly = true)
    public List<Row> templates(int actorId) {
        access.requireAdmin(actorId);
        return db.select(STANDARD_TEMPLATE.ID, STANDARD_TEMPLATE.NAME, STANDARD_TEMPLATE.TEMPLATE_TYPE,
                        STANDARD_TEMPLATE.COMMENTS, STANDARD_TEMPLATE.VALID_ID)
                .from(STANDARD_TEMPLATE).orderBy(STANDARD_TEMPLATE.NAME)
                .fetch(r -> new Row(r.value1(), r.value2(), Arrays.asList(r.value3(), r.value4()), r.value5()));
    }

    @Override
    @Transactional(readOnly = true)
    public TemplateSettings template(int actorId, int templateId) {
        access.requireAdmin(actorId);
        return templateSettings(templateRow(templateId));
    }

    @Override
    @Transactional
    public int createTemplate(int actorId, TemplateSettings settings) {
        access.requireAdmin(actorId);
        TemplateSettings clean = validate(settings, null);
        StandardTemplateRecord row = db.newRecord(STANDARD_TEMPLATE);
        apply(row, clean);
        RowStamps.created(row, actorId, clock);
        row.store();
        audit.record(actorId, "template", "template " + clean.name(), "create", templateChanges(null, clean));
        return row.getId();
    }

    @Override
    @Transactional
    public void updateTemplate(int actorId, int templateId, TemplateSettings settings) {
        access.requireAdmin(actorId);
        StandardTemplateRecord row = templateRow(templateId);
        TemplateSettings before = templateSettings(row);
        TemplateSettings clean = validate(settings, row);
        apply(row, clean);
        RowStamps.changed(row, actorId, clock);
        row.update();
        audit.record(actorId, "template", "template " + before.name(), "update", templateChanges(before, clean));
    }

    private StandardTemplateRecord templateRow(int id) {
        StandardTemplateRecord row = db.selectFrom(STANDARD_TEMPLATE).where(STANDARD_TEMPLATE.ID.eq(id)).fetchOne();
        if (row == null) {
            throw new NoSuchEntry("template " + id);
        }
        return row;
    }

    private TemplateSettings validate(TemplateSettings in, StandardTemplateRecord existing) {
        var errors = new InvalidInput.Collector();
        String name = errors.required("name", in.name(), STANDARD_TEMPLATE.NAME, "Enter a name.");
        if (name != null && !errors.has("name")) {
            Condition same = DSL.lower(STANDARD_TEMPLATE.NAME).eq(name.toLowerCase(Locale.ROOT));
            if (existing != null) {
                same = same.and(STANDARD_TEMPLATE.ID.ne(existing.getId()));
            }
            if (db.fetchExists(STANDARD_TEMPLATE, same)) {
                errors.add("name", "There is already a template named '" + name + "'.");
            }
        }
        // OTRS ships "empty answer" with an empty text, so an empty template is allowed
        String text = in.text() == null ? "" : in.text().replace("\r\n", "\n");
        if (text.length() > MAX_TEMPLATE) {
            errors.add("text", "At most " + MAX_TEMPLATE + " characters.");
        }
        if (!TEMPLATE_TYPES.contains(in.templateType())) {
            errors.add("templateType", "Choose one of " + String.join(", ", TEMPLATE_TYPES) + ".");
        }
        String comment = errors.optional("comment", in.comment(), STANDARD_TEMPLATE.COMMENTS);
        validity(errors, in.validId());
        errors.throwIfAny();
        return new TemplateSettings(name, text, in.templateType(), comment, in.validId());
    }

    private static void apply(StandardTemplateRecord row, TemplateSettings s) {
        row.setName(s.name());
        row.setText(s.text());
        row.setTemplateType(s.templateType());
        row.setContentType(PLAIN_TEXT);
        row.setComments(s.comment());
        row.setValidId((short) s.validId());
    }

    private static TemplateSettings templateSettings(StandardTemplateRecord r) {
        return new TemplateSettings(r.getName(), r.getText() == null ? "" : r.getText(), r.getTemplateType(),
                r.getComments(), r.getValidId());
    }

    private static List<Change> templateChanges(TemplateSettings b, TemplateSettings a) {
        boolean c = b == null;
        return Arrays.asList(
                Change.of("name", c ? null : b.name(), a.name()),
                Change.of("templateType", c ? null : b.templateType(), a.templateType()),
                Change.of("text", c ? null : b.text(), a.text()),
                Change.of("comment", c ? null : b.comment(), a.comment()),
                Change.of("valid", c ? null : Validity.labelOf(b.validId()), Validity.labelOf(a.validId())));
    }

    // ---- template <-> queue

    @Override
    @Transactional(readOnly = true)
    public Set<Integer> queuesOfTemplate(int actorId, int templateId) {
        access.requireAdmin(actorId);
        templateRow(templateId);
        return new HashSet<>(db.select(QUEUE_STANDARD_TEMPLATE.QUEUE_ID).from(QUEUE_STANDARD_TEMPLATE)
                .where(QUEUE_STANDARD_TEMPLATE.STANDARD_TEMPLATE_ID.eq(templateId)).fetch(QUEUE_STANDARD_TEMPLATE.QUEUE_ID));
    }

    @Override
    @Transactional
    public void setQueuesOfTemplate(int actorId, int templateId, Set<Integer> queueIds) {
        access.requireAdmin(actorId);
        String template = templateRow(templateId).getName();
        Map<Integer, String> queues = names(QUEUE, QUEUE.ID, QUEUE.NAME);
        requireKnown(queueIds, queues, "queues", "queue");
        Set<Integer> before = queuesOfTemplate(actorId, templateId);
        replaceAssignments(actorId, QUEUE_STANDARD_TEMPLATE.STANDARD_TEMPLATE_ID.eq(templateId), before, queueIds,
                queueId -> new int[] {queueId, templateId});
        audit.record(actorId, "template-queues", "template " + template, "update",
                assignmentChanges(before, queueIds, queues, "queue"));
    }

    @Override
    @Transactional(readOnly = true)
    public Set<Integer> templatesOfQueue(int actorId, int queueId) {
        access.requireAdmin(actorId);
        queueRow(queueId);
        return new HashSet<>(db.select(QUEUE_STANDARD_TEMPLATE.STANDARD_TEMPLATE_ID).from(QUEUE_STANDARD_TEMPLATE)
                .where(QUEUE_STANDARD_TEMPLATE.QUEUE_ID.eq(queueId)).fetch(QUEUE_STANDARD_TEMPLATE.STANDARD_TEMPLATE_ID));
    }

    @Override
    @Transactional
    public void setTemplatesOfQueue(int actorId, int queueId, Set<Integer> templateIds) {
        access.requireAdmin(actorId);
        String queue = queueRow(queueId).getName();
        Map<Integer, String> templates = names(STANDARD_TEMPLATE, STANDARD_TEMPLATE.ID, STANDARD_TEMPLATE.NAME);
        requireKnown(templateIds, templates, "templates", "template");
        Set<Integer> before = templatesOfQueue(actorId, queueId);
        replaceAssignments(actorId, QUEUE_STANDARD_TEMPLATE.QUEUE_ID.eq(queueId), before, templateIds,
                templateId -> new int[] {queueId, templateId});
        audit.record(actorId, "template-queues", "queue " + queue, "update",
                assignmentChanges(before, templateIds, templates, "template"));
    }

    private Map<Integer, String> names(Table<?> table, Field<Integer> id, Field<String> name) {
        Map<Integer, String> names = new HashMap<>();
        db.select(id, name).from(table).fetch().forEach(r -> names.put(r.value1(), r.value2()));
        return names;
    }

    private static void requireKnown(Set<Integer> ids, Map<Integer, String> known, String field, String what) {
        for (Integer id : ids) {
            if (!known.containsKey(id)) {
                throw InvalidInput.of(field, "There is no " + what + " with the id " + id + ".");
            }
        }
    }

    /** Deletes the rows no longer wanted and inserts the new ones; rows kept keep their create time. */
    private void replaceAssignments(int actorId, Condition owner, Set<Integer> before, Set<Integer> after,
            java.util.function.IntFunction<int[]> queueAndTemplate) {
        LocalDateTime now = LocalDateTime.now(clock);
        for (int removed : before) {
            if (!after.contains(removed)) {
                int[] key = queueAndTemplate.apply(removed);
                db.deleteFrom(QUEUE_STANDARD_TEMPLATE).where(owner)
                        .and(QUEUE_STANDARD_TEMPLATE.QUEUE_ID.eq(key[0]))
                        .and(QUEUE_STANDARD_TEMPLATE.STANDARD_TEMPLATE_ID.eq(key[1])).execute();
            }
        }
        for (int added : after) {
            if (!before.contains(added)) {
                int[] key = queueAndTemplate.apply(added);
                db.insertInto(QUEUE_STANDARD_TEMPLATE)
                        .set(QUEUE_STANDARD_TEMPLATE.QUEUE_ID, key[0])
                        .set(QUEUE_STANDARD_TEMPLATE.STANDARD_TEMPLATE_ID, key[1])
                        .set(QUEUE_STANDARD_TEMPLATE.CREATE_TIME, now).set(QUEUE_STANDARD_TEMPLATE.CREATE_BY, actorId)
                        .set(QUEUE_STANDARD_TEMPLATE.CHANGE_TIME, now).set(QUEUE_STANDARD_TEMPLATE.CHANGE_BY, actorId)
                        .execute();
            }
        }
    }

    private static List<Change> assignmentChanges(Set<Integer> before, Set<Integer> after, Map<Integer, String> names,
            String what) {
        List<Change> changes = new ArrayList<>();
        for (int id : new TreeSet<>(after)) {
            if (!before.contains(id)) {
                changes.add(new Change(what + " " + names.get(id), null, "assigned"));
            }
        }
        for (int id : new TreeSet<>(before)) {
            if (!after.contains(id)) {
                changes.add(new Change(what + " " + names.get(id), "assigned", null));
            }
        }
        return changes;
    }

    // ---- shared rules

    private static void validity(InvalidInput.Collector errors, int validId) {
        if (Validity.of(validId).isEmpty()) {
            errors.add("validId", "Choose valid, invalid or invalid-temporarily.");
        }
    }

    /** OTRS keeps these ids in SMALLINT columns; larger numbers cannot name a row. */
    private static short shortId(int id) {
        return id < Short.MIN_VALUE || id > Short.MAX_VALUE ? 0 : (short) id;
    }

    private static int zeroIfNull(Integer value) {
        return value == null ? 0 : value;
    }
}
