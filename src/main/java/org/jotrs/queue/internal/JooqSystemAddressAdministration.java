package org.jotrs.queue.internal;

import static org.jotrs.platform.Messages.t;
import static org.jotrs.platform.AdminRows.shortId;
import static org.jotrs.platform.db.schema.Tables.QUEUE;
import static org.jotrs.platform.db.schema.Tables.SYSTEM_ADDRESS;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jotrs.access.AccessService;
import org.jotrs.platform.AdminRows;
import org.jotrs.platform.AuditLog.Change;
import org.jotrs.platform.InvalidInput;
import org.jotrs.platform.MailAddressSyntax;
import org.jotrs.platform.NoSuchEntry;
import org.jotrs.platform.db.schema.tables.records.SystemAddressRecord;
import org.jotrs.queue.QueueAdministration.Row;
import org.jotrs.queue.SystemAddressAdministration;
import org.jotrs.queue.SystemAddressSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** System addresses: a valid mail address, unique ignoring case, and the queue its mail goes to. */
@Service
class JooqSystemAddressAdministration implements SystemAddressAdministration {

    private final DSLContext db;
    private final AccessService access;
    private final AdminRows rows;

    JooqSystemAddressAdministration(DSLContext db, AccessService access, AdminRows rows) {
        this.db = db;
        this.access = access;
        this.rows = rows;
    }

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
        return settings(addressRow(systemAddressId));
    }

    @Override
    @Transactional
    public int createSystemAddress(int actorId, SystemAddressSettings settings) {
        access.requireAdmin(actorId);
        SystemAddressSettings clean = validate(settings, null);
        SystemAddressRecord row = db.newRecord(SYSTEM_ADDRESS);
        apply(row, clean);
        rows.created(actorId, row).store();
        rows.audit(actorId, "system-address", "address " + clean.address(), "create", changes(null, clean));
        return row.getId();
    }

    @Override
    @Transactional
    public void updateSystemAddress(int actorId, int systemAddressId, SystemAddressSettings settings) {
        access.requireAdmin(actorId);
        SystemAddressRecord row = addressRow(systemAddressId);
        SystemAddressSettings before = settings(row);
        SystemAddressSettings clean = validate(settings, row);
        apply(row, clean);
        rows.changed(actorId, row).update();
        rows.audit(actorId, "system-address", "address " + before.address(), "update", changes(before, clean));
    }

    private SystemAddressRecord addressRow(int id) {
        SystemAddressRecord row = db.selectFrom(SYSTEM_ADDRESS).where(SYSTEM_ADDRESS.ID.eq(shortId(id))).fetchOne();
        if (row == null) {
            throw new NoSuchEntry("not-found.system-address", String.valueOf(id));
        }
        return row;
    }

    private SystemAddressSettings validate(SystemAddressSettings in, SystemAddressRecord existing) {
        var errors = new InvalidInput.Collector();
        String address = errors.required("address", in.address(), SYSTEM_ADDRESS.VALUE0, t("validation.enter-mail-address"));
        if (address != null && !errors.has("address")) {
            if (!MailAddressSyntax.isAddress(address)) {
                errors.add("address", t("validation.not-a-mail-address", address));
            } else {
                Condition same = DSL.lower(SYSTEM_ADDRESS.VALUE0).eq(address.toLowerCase(Locale.ROOT));
                if (existing != null) {
                    same = same.and(SYSTEM_ADDRESS.ID.ne(existing.getId()));
                }
                if (db.fetchExists(SYSTEM_ADDRESS, same)) {
                    errors.add("address", t("validation.system-address.taken", address));
                }
            }
        }
        String displayName = errors.required("displayName", in.displayName(), SYSTEM_ADDRESS.VALUE1,
                t("validation.system-address.enter-display-name"));
        if (!db.fetchExists(QUEUE, QUEUE.ID.eq(in.queueId()))) {
            errors.add("queueId", t("validation.system-address.choose-queue"));
        }
        String comment = errors.optional("comment", in.comment(), SYSTEM_ADDRESS.COMMENTS);
        AdminRows.validity(errors, in.validId());
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

    private static SystemAddressSettings settings(SystemAddressRecord r) {
        return new SystemAddressSettings(r.getValue0(), r.getValue1(), r.getQueueId(), r.getComments(), r.getValidId());
    }

    private static List<Change> changes(SystemAddressSettings b, SystemAddressSettings a) {
        boolean c = b == null;
        return Arrays.asList(
                Change.of("address", c ? null : b.address(), a.address()),
                Change.of("displayName", c ? null : b.displayName(), a.displayName()),
                Change.of("queueId", c ? null : b.queueId(), a.queueId()),
                Change.of("comment", c ? null : b.comment(), a.comment()),
                AdminRows.validityChange(c ? null : b.validId(), a.validId()));
    }
}
