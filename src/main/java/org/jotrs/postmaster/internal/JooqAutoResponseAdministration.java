package org.jotrs.postmaster.internal;

import static org.jotrs.platform.Messages.t;
import static org.jotrs.platform.db.schema.Tables.AUTO_RESPONSE;
import static org.jotrs.platform.db.schema.Tables.AUTO_RESPONSE_TYPE;
import static org.jotrs.platform.db.schema.Tables.QUEUE;
import static org.jotrs.platform.db.schema.Tables.QUEUE_AUTO_RESPONSE;
import static org.jotrs.platform.db.schema.Tables.SYSTEM_ADDRESS;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jooq.DSLContext;
import org.jotrs.access.AccessService;
import org.jotrs.platform.AdminRows;
import org.jotrs.platform.AuditLog.Change;
import org.jotrs.platform.InvalidInput;
import org.jotrs.platform.NoSuchEntry;
import org.jotrs.platform.db.schema.tables.records.AutoResponseRecord;
import org.jotrs.postmaster.AutoResponseAdministration;
import org.jotrs.postmaster.AutoResponseSettings;
import org.jotrs.ticket.AutoResponse;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JooqAutoResponseAdministration implements AutoResponseAdministration {

    /** OTRS's types in its order (auto_response_type ids 1 to 5). */
    static final List<String> TYPES = List.of("auto reply", "auto reject", "auto follow up", "auto reply/new ticket", "auto remove");

    private final DSLContext db;
    private final AccessService access;
    private final AdminRows rows;

    JooqAutoResponseAdministration(DSLContext db, AccessService access, AdminRows rows) {
        this.db = db;
        this.access = access;
        this.rows = rows;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Summary> autoResponses(int actorId) {
        access.requireAdmin(actorId);
        Map<Integer, List<String>> queues = new LinkedHashMap<>();
        db.select(QUEUE_AUTO_RESPONSE.AUTO_RESPONSE_ID, QUEUE.NAME).from(QUEUE_AUTO_RESPONSE)
                .join(QUEUE).on(QUEUE.ID.eq(QUEUE_AUTO_RESPONSE.QUEUE_ID)).orderBy(QUEUE.NAME)
                .forEach(r -> queues.computeIfAbsent(r.value1(), id -> new ArrayList<>()).add(r.value2()));
        return db.select(AUTO_RESPONSE.ID, AUTO_RESPONSE.NAME, AUTO_RESPONSE_TYPE.NAME, SYSTEM_ADDRESS.VALUE0, AUTO_RESPONSE.VALID_ID)
                .from(AUTO_RESPONSE)
                .join(AUTO_RESPONSE_TYPE).on(AUTO_RESPONSE_TYPE.ID.eq(AUTO_RESPONSE.TYPE_ID))
                .leftJoin(SYSTEM_ADDRESS).on(SYSTEM_ADDRESS.ID.eq(AUTO_RESPONSE.SYSTEM_ADDRESS_ID))
                .orderBy(AUTO_RESPONSE.NAME)
                .fetch(r -> new Summary(r.value1(), r.value2(), r.value3(), r.value4(), queues.getOrDefault(r.value1(), List.of()),
                        r.value5()));
    }

    @Override
    @Transactional(readOnly = true)
    public AutoResponseSettings autoResponse(int actorId, int id) {
        access.requireAdmin(actorId);
        AutoResponseRecord row = row(id);
        String type = db.select(AUTO_RESPONSE_TYPE.NAME).from(AUTO_RESPONSE_TYPE).where(AUTO_RESPONSE_TYPE.ID.eq(row.getTypeId()))
                .fetchOne(AUTO_RESPONSE_TYPE.NAME);
        Set<Integer> queues = new HashSet<>(db.select(QUEUE_AUTO_RESPONSE.QUEUE_ID).from(QUEUE_AUTO_RESPONSE)
                .where(QUEUE_AUTO_RESPONSE.AUTO_RESPONSE_ID.eq(id)).fetch(QUEUE_AUTO_RESPONSE.QUEUE_ID));
        return new AutoResponseSettings(row.getName(), type, row.getSystemAddressId(), row.getText0(), row.getText1(),
                row.getComments(), row.getValidId(), queues);
    }

    @Override
    @Transactional(readOnly = true)
    public Options options(int actorId) {
        access.requireAdmin(actorId);
        List<Choice> addresses = db.select(SYSTEM_ADDRESS.ID, SYSTEM_ADDRESS.VALUE0, SYSTEM_ADDRESS.VALUE1).from(SYSTEM_ADDRESS)
                .where(SYSTEM_ADDRESS.VALID_ID.eq((short) 1)).orderBy(SYSTEM_ADDRESS.VALUE0)
                .fetch(r -> new Choice(r.value1(), r.value3() == null || r.value3().isBlank() ? r.value2()
                        : r.value3() + " <" + r.value2() + ">"));
        List<Choice> queues = db.select(QUEUE.ID, QUEUE.NAME).from(QUEUE).where(QUEUE.VALID_ID.eq((short) 1)).orderBy(QUEUE.NAME)
                .fetch(r -> new Choice(r.value1(), r.value2()));
        return new Options(TYPES, addresses, queues);
    }

    @Override
    @Transactional
    public int create(int actorId, AutoResponseSettings settings) {
        access.requireAdmin(actorId);
        AutoResponseSettings clean = validate(settings, null);
        AutoResponseRecord row = db.newRecord(AUTO_RESPONSE);
        apply(row, clean);
        rows.created(actorId, row).store();
        assignQueues(actorId, row.getId(), row.getTypeId(), clean.queueIds());
        rows.audit(actorId, "auto-response", clean.name(), "create", changes(null, clean));
        return row.getId();
    }

    @Override
    @Transactional
    public void update(int actorId, int id, AutoResponseSettings settings) {
        access.requireAdmin(actorId);
        AutoResponseRecord row = row(id);
        AutoResponseSettings before = autoResponse(actorId, id);
        AutoResponseSettings clean = validate(settings, id);
        apply(row, clean);
        rows.changed(actorId, row).update();
        assignQueues(actorId, id, row.getTypeId(), clean.queueIds());
        rows.audit(actorId, "auto-response", before.name(), "update", changes(before, clean));
    }

    private AutoResponseRecord row(int id) {
        AutoResponseRecord row = db.selectFrom(AUTO_RESPONSE).where(AUTO_RESPONSE.ID.eq(id)).fetchOne();
        if (row == null) {
            throw new NoSuchEntry("not-found.auto-response", String.valueOf(id));
        }
        return row;
    }

    private AutoResponseSettings validate(AutoResponseSettings in, Integer id) {
        var errors = new InvalidInput.Collector();
        String name = errors.required("name", in.name(), AUTO_RESPONSE.NAME, t("validation.enter-name"));
        if (name != null && !errors.has("name")) {
            var same = AUTO_RESPONSE.NAME.eq(name);
            if (id != null) {
                same = same.and(AUTO_RESPONSE.ID.ne(id));
            }
            if (db.fetchExists(AUTO_RESPONSE, same)) {
                errors.add("name", t("validation.auto-response.name-taken", name));
            }
        }
        if (in.type() == null || !AutoResponse.TYPES.contains(in.type())) {
            errors.add("type", t("validation.choose-one-of", String.join(", ", TYPES)));
        }
        if (in.systemAddressId() < 1 || in.systemAddressId() > Short.MAX_VALUE
                || !db.fetchExists(SYSTEM_ADDRESS, SYSTEM_ADDRESS.ID.eq((short) in.systemAddressId()))) {
            errors.add("systemAddressId", t("validation.auto-response.choose-address"));
        }
        String subject = errors.required("subject", in.subject(), AUTO_RESPONSE.TEXT0, t("validation.enter-subject"));
        String body = errors.required("body", in.body(), AUTO_RESPONSE.TEXT1, t("validation.enter-text"));
        String comment = errors.optional("comment", in.comment(), AUTO_RESPONSE.COMMENTS);
        AdminRows.validity(errors, in.validId());
        for (int queueId : in.queueIds()) {
            if (!db.fetchExists(QUEUE, QUEUE.ID.eq(queueId))) {
                errors.add("queueIds", t("validation.no-such-queue-id", String.valueOf(queueId)));
            }
        }
        errors.throwIfAny();
        return new AutoResponseSettings(name, in.type(), in.systemAddressId(), subject, body, comment, in.validId(), in.queueIds());
    }

    private void apply(AutoResponseRecord row, AutoResponseSettings s) {
        short typeId = db.select(AUTO_RESPONSE_TYPE.ID).from(AUTO_RESPONSE_TYPE).where(AUTO_RESPONSE_TYPE.NAME.eq(s.type()))
                .fetchOptional(AUTO_RESPONSE_TYPE.ID)
                .orElseThrow(() -> InvalidInput.of("type", t("validation.auto-response.type-missing", s.type())));
        row.setName(s.name());
        row.setTypeId(typeId);
        row.setSystemAddressId((short) s.systemAddressId());
        row.setText0(s.subject());
        row.setText1(s.body());
        row.setContentType("text/plain");
        row.setComments(s.comment());
        row.setValidId((short) s.validId());
    }

    /** The queues of this response; a chosen queue drops its other response of the same type (one per type and queue). */
    private void assignQueues(int actorId, int id, short typeId, Set<Integer> queueIds) {
        db.deleteFrom(QUEUE_AUTO_RESPONSE).where(QUEUE_AUTO_RESPONSE.AUTO_RESPONSE_ID.eq(id)).execute();
        if (queueIds.isEmpty()) {
            return;
        }
        db.deleteFrom(QUEUE_AUTO_RESPONSE)
                .where(QUEUE_AUTO_RESPONSE.QUEUE_ID.in(queueIds))
                .and(QUEUE_AUTO_RESPONSE.AUTO_RESPONSE_ID.in(db.select(AUTO_RESPONSE.ID).from(AUTO_RESPONSE)
                        .where(AUTO_RESPONSE.TYPE_ID.eq(typeId))))
                .execute();
        LocalDateTime now = rows.now();
        for (int queueId : new TreeSet<>(queueIds)) {
            db.insertInto(QUEUE_AUTO_RESPONSE)
                    .set(QUEUE_AUTO_RESPONSE.QUEUE_ID, queueId)
                    .set(QUEUE_AUTO_RESPONSE.AUTO_RESPONSE_ID, id)
                    .set(QUEUE_AUTO_RESPONSE.CREATE_TIME, now).set(QUEUE_AUTO_RESPONSE.CREATE_BY, actorId)
                    .set(QUEUE_AUTO_RESPONSE.CHANGE_TIME, now).set(QUEUE_AUTO_RESPONSE.CHANGE_BY, actorId)
                    .execute();
        }
    }

    private static List<Change> changes(AutoResponseSettings before, AutoResponseSettings after) {
        boolean c = before == null;
        return Arrays.asList(
                Change.of("name", c ? null : before.name(), after.name()),
                Change.of("type", c ? null : before.type(), after.type()),
                Change.of("system-address", c ? null : before.systemAddressId(), after.systemAddressId()),
                Change.of("subject", c ? null : before.subject(), after.subject()),
                Change.of("text", c ? null : before.body(), after.body()),
                Change.of("queues", c ? null : new TreeSet<>(before.queueIds()), new TreeSet<>(after.queueIds())),
                Change.of("valid", c ? null : before.validId(), after.validId()));
    }
}
