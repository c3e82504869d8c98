package org.jotrs.platform;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

import org.jooq.Record;
import org.jotrs.platform.AuditLog.Change;
import org.springframework.stereotype.Component;

/**
 * What every admin use case does around the OTRS configuration row it writes (queue, salutation,
 * customer company, mail account, ...): OTRS's {@code create_time}/{@code create_by}/
 * {@code change_time}/{@code change_by} stamps, the {@code valid_id} check, and the audit entry
 * in the same transaction. One place, so that a new admin screen does not copy these rules. The
 * module stores the row itself: it owns the table ({@code TableOwners}), the platform does not.
 *
 * <pre>{@code
 * SalutationRecord row = db.newRecord(SALUTATION);
 * apply(row, clean);
 * rows.created(actorId, row).store();
 * rows.audit(actorId, "salutation", "salutation " + clean.name(), "create", changes(null, clean));
 * }</pre>
 */
@Component
public class AdminRows {

    private final AuditLog audit;
    private final Clock clock;

    AdminRows(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** Stamps a new row as created and changed now by the actor; the caller stores it. */
    public <R extends Record> R created(int actorId, R row) {
        RowStamps.created(row, actorId, clock);
        return row;
    }

    /** Stamps a row as changed now by the actor; the caller updates it. */
    public <R extends Record> R changed(int actorId, R row) {
        RowStamps.changed(row, actorId, clock);
        return row;
    }

    /**
     * Records the audit entry of the change ({@code create}, {@code update}, ...), in the caller's
     * transaction. Null changes are dropped; an {@code update} that changed nothing is not recorded.
     */
    public void audit(int actorId, String objectType, String objectKey, String action, List<Change> changes) {
        audit.record(actorId, objectType, objectKey, action, changes);
    }

    /** The time to stamp rows written without a record (assignment tables, sub-queue renames). */
    public LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    /** Adds "Choose valid, invalid or invalid-temporarily." (in the request's language) under {@code field} unless the id is one of OTRS's validities. */
    public static void validity(InvalidInput.Collector errors, String field, int validId) {
        if (Validity.of(validId).isEmpty()) {
            errors.add(field, Messages.t("validation.choose-validity"));
        }
    }

    /** {@link #validity(InvalidInput.Collector, String, int)} under the form field {@code validId}. */
    public static void validity(InvalidInput.Collector errors, int validId) {
        validity(errors, "validId", validId);
    }

    /** The audit change of a {@code valid_id} by label ({@code valid → invalid}); null when unchanged. */
    public static Change validityChange(Integer before, int after) {
        return Change.of("valid", before == null ? null : Validity.labelOf(before), Validity.labelOf(after));
    }

    /** OTRS keeps many ids in SMALLINT columns; a larger number cannot name a row, so it becomes 0 (no row). */
    public static short shortId(int id) {
        return id < Short.MIN_VALUE || id > Short.MAX_VALUE ? 0 : (short) id;
    }
}
