package org.jotrs.queue.internal;

import static org.jotrs.platform.Messages.t;
import static org.jotrs.platform.AdminRows.shortId;
import static org.jotrs.platform.db.schema.Tables.FOLLOW_UP_POSSIBLE;
import static org.jotrs.platform.db.schema.Tables.QUEUE;
import static org.jotrs.platform.db.schema.Tables.SALUTATION;
import static org.jotrs.platform.db.schema.Tables.SIGNATURE;
import static org.jotrs.platform.db.schema.Tables.SYSTEM_ADDRESS;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jotrs.access.AccessService;
import org.jotrs.platform.AdminRows;
import org.jotrs.platform.AuditLog.Change;
import org.jotrs.platform.DatabaseSchema;
import org.jotrs.platform.InvalidInput;
import org.jotrs.platform.NoSuchEntry;
import org.jotrs.platform.Validity;
import org.jotrs.platform.db.schema.tables.PermissionGroups;
import org.jotrs.platform.db.schema.tables.records.QueueRecord;
import org.jotrs.queue.QueueAdministration;
import org.jotrs.queue.QueueSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues with OTRS's rules: names unique ignoring case, sub-queues named {@code Parent::Child}
 * under an existing parent and renamed with it.
 */
@Service
class JooqQueueAdministration implements QueueAdministration {

    private static final String SUBQUEUE_SEPARATOR = "::";

    private final DSLContext db;
    private final AccessService access;
    private final AdminRows rows;
    private final DatabaseSchema schema;

    JooqQueueAdministration(DSLContext db, AccessService access, AdminRows rows, DatabaseSchema schema) {
        this.db = db;
        this.access = access;
        this.rows = rows;
        this.schema = schema;
    }

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
        rows.created(actorId, row).store();
        rows.audit(actorId, "queue", "queue " + clean.name(), "create", changes(null, clean));
        return row.getId();
    }

    @Override
    @Transactional
    public void updateQueue(int actorId, int queueId, QueueSettings settings) {
        access.requireAdmin(actorId);
        QueueRecord row = queueRow(queueId);
        QueueSettings before = settings(row);
        QueueSettings clean = validate(settings, row);
        apply(row, clean);
        rows.changed(actorId, row).update();
        List<Change> changes = new ArrayList<>(changes(before, clean));
        if (!before.name().equals(clean.name())) {
            LocalDateTime now = row.getChangeTime();
            String oldPrefix = before.name() + SUBQUEUE_SEPARATOR;
            for (var child : db.select(QUEUE.ID, QUEUE.NAME).from(QUEUE)
                    .where(QUEUE.NAME.startsWith(oldPrefix)).fetch()) {
                String renamed = clean.name() + SUBQUEUE_SEPARATOR + child.value2().substring(oldPrefix.length());
                db.update(QUEUE).set(QUEUE.NAME, renamed).set(QUEUE.CHANGE_TIME, now).set(QUEUE.CHANGE_BY, actorId)
                        .where(QUEUE.ID.eq(child.value1())).execute();
                changes.add(new Change("sub-queue", child.value2(), renamed));
            }
        }
        rows.audit(actorId, "queue", "queue " + before.name(), "update", changes);
    }

    private QueueRecord queueRow(int queueId) {
        QueueRecord row = db.selectFrom(QUEUE).where(QUEUE.ID.eq(queueId)).fetchOne();
        if (row == null) {
            throw new NoSuchEntry("not-found.queue", String.valueOf(queueId));
        }
        return row;
    }

    private QueueSettings validate(QueueSettings in, QueueRecord existing) {
        var errors = new InvalidInput.Collector();
        String name = errors.required("name", in.name(), QUEUE.NAME, t("validation.queue.enter-name"));
        if (name != null && !errors.has("name")) {
            String[] parts = name.split(SUBQUEUE_SEPARATOR, -1);
            if (Arrays.stream(parts).anyMatch(String::isBlank)) {
                errors.add("name", t("validation.queue.blank-part"));
            } else {
                name = String.join(SUBQUEUE_SEPARATOR, Arrays.stream(parts).map(String::strip).toList());
                Condition sameName = DSL.lower(QUEUE.NAME).eq(name.toLowerCase(Locale.ROOT));
                if (existing != null) {
                    sameName = sameName.and(QUEUE.ID.ne(existing.getId()));
                }
                if (db.fetchExists(QUEUE, sameName)) {
                    errors.add("name", t("validation.queue.name-taken", name));
                } else if (parts.length > 1) {
                    String parent = name.substring(0, name.lastIndexOf(SUBQUEUE_SEPARATOR));
                    if (!db.fetchExists(QUEUE, QUEUE.NAME.eq(parent))) {
                        errors.add("name", t("validation.queue.no-parent", parent));
                    }
                }
                if (existing != null && name.toLowerCase(Locale.ROOT).startsWith(
                        existing.getName().toLowerCase(Locale.ROOT) + SUBQUEUE_SEPARATOR)) {
                    errors.add("name", t("validation.queue.own-sub-queue"));
                }
            }
        }
        PermissionGroups groups = schema.permissionGroups();
        if (!db.fetchExists(groups, groups.ID.eq(in.groupId()))) {
            errors.add("groupId", t("validation.queue.choose-group", String.valueOf(in.groupId())));
        }
        if (!db.fetchExists(SYSTEM_ADDRESS, SYSTEM_ADDRESS.ID.eq(shortId(in.systemAddressId())))) {
            errors.add("systemAddressId", t("validation.queue.choose-system-address"));
        }
        if (!db.fetchExists(SALUTATION, SALUTATION.ID.eq(shortId(in.salutationId())))) {
            errors.add("salutationId", t("validation.queue.choose-salutation"));
        }
        if (!db.fetchExists(SIGNATURE, SIGNATURE.ID.eq(shortId(in.signatureId())))) {
            errors.add("signatureId", t("validation.queue.choose-signature"));
        }
        if (!db.fetchExists(FOLLOW_UP_POSSIBLE, FOLLOW_UP_POSSIBLE.ID.eq(shortId(in.followUpId())))) {
            errors.add("followUpId", t("validation.queue.choose-follow-up"));
        }
        minutes(errors, "unlockTimeout", in.unlockTimeout());
        minutes(errors, "firstResponseTime", in.firstResponseTime());
        minutes(errors, "updateTime", in.updateTime());
        minutes(errors, "solutionTime", in.solutionTime());
        percent(errors, "firstResponseNotify", in.firstResponseNotify());
        percent(errors, "updateNotify", in.updateNotify());
        percent(errors, "solutionNotify", in.solutionNotify());
        String calendar = errors.optional("calendarName", in.calendarName(), QUEUE.CALENDAR_NAME);
        String comment = errors.optional("comment", in.comment(), QUEUE.COMMENTS);
        AdminRows.validity(errors, in.validId());
        errors.throwIfAny();
        return new QueueSettings(name, in.groupId(), in.systemAddressId(), in.salutationId(), in.signatureId(),
                in.followUpId(), in.followUpLock(), in.unlockTimeout(), in.firstResponseTime(), in.updateTime(),
                in.solutionTime(), in.firstResponseNotify(), in.updateNotify(), in.solutionNotify(), calendar, comment,
                in.validId());
    }

    /** OTRS's *_notify: the share of the escalation time after which the warning goes out. */
    private static void percent(InvalidInput.Collector errors, String field, Integer value) {
        if (value == null || value < 0 || value > 99) {
            errors.add(field, t("validation.queue.percentage"));
        }
    }

    private static void minutes(InvalidInput.Collector errors, String field, Integer value) {
        if (value == null || value < 0) {
            errors.add(field, t("validation.queue.minutes"));
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
        row.setFirstResponseNotify(s.firstResponseNotify().shortValue());
        row.setUpdateNotify(s.updateNotify().shortValue());
        row.setSolutionNotify(s.solutionNotify().shortValue());
        row.setCalendarName(s.calendarName());
        row.setComments(s.comment());
        row.setValidId((short) s.validId());
    }

    private static QueueSettings settings(QueueRecord r) {
        return new QueueSettings(r.getName(), r.getGroupId(), r.getSystemAddressId(), r.getSalutationId(),
                r.getSignatureId(), r.getFollowUpId(), r.getFollowUpLock() != null && r.getFollowUpLock() == 1,
                zeroIfNull(r.getUnlockTimeout()), zeroIfNull(r.getFirstResponseTime()), zeroIfNull(r.getUpdateTime()),
                zeroIfNull(r.getSolutionTime()), zeroIfNull(r.getFirstResponseNotify()), zeroIfNull(r.getUpdateNotify()),
                zeroIfNull(r.getSolutionNotify()), r.getCalendarName(), r.getComments(), r.getValidId());
    }

    private static List<Change> changes(QueueSettings b, QueueSettings a) {
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
                Change.of("firstResponseNotify", c ? null : b.firstResponseNotify(), a.firstResponseNotify()),
                Change.of("updateNotify", c ? null : b.updateNotify(), a.updateNotify()),
                Change.of("solutionNotify", c ? null : b.solutionNotify(), a.solutionNotify()),
                Change.of("calendarName", c ? null : b.calendarName(), a.calendarName()),
                Change.of("comment", c ? null : b.comment(), a.comment()),
                AdminRows.validityChange(c ? null : b.validId(), a.validId()));
    }

    private static int zeroIfNull(Integer value) {
        return value == null ? 0 : value;
    }

    private static int zeroIfNull(Short value) {
        return value == null ? 0 : value;
    }
}
