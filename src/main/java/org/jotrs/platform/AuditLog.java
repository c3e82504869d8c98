package org.jotrs.platform;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * What administrators changed, who changed it and when ({@code jotrs_audit_log}). Every admin
 * use case records its change here in the same transaction as the change itself, so the log
 * and the configuration can never disagree. Secrets are never recorded: a password change is
 * recorded as {@code password: (set)}.
 */
public interface AuditLog {

    /** One changed field; {@code before} is null for a creation, {@code after} null for a removal. */
    record Change(String field, String before, String after) {

        public Change {
            Objects.requireNonNull(field, "field");
        }

        /** A change, or null when the value stayed the same (so callers can list every field). */
        public static Change of(String field, Object before, Object after) {
            String was = before == null ? null : String.valueOf(before);
            String is = after == null ? null : String.valueOf(after);
            return Objects.equals(was, is) ? null : new Change(field, was, is);
        }

        /** A secret that was set, without its value. */
        public static Change secret(String field) {
            return new Change(field, null, "(set)");
        }
    }

    /** A recorded change. */
    record Entry(long id, LocalDateTime at, int actorId, String objectType, String objectKey, String action,
            List<Change> changes) {
    }

    /**
     * Records a change; joins the caller's transaction (and refuses to run outside one), so the
     * entry commits or rolls back with the change. Null changes are dropped; when nothing is
     * left for an {@code update}, nothing is recorded.
     *
     * @param objectType what kind of thing changed ({@code agent}, {@code queue}, {@code group-permission}, ...)
     * @param objectKey which one, readable ({@code login jdoe}, {@code queue Raw})
     * @param action {@code create}, {@code update}, {@code invalidate}, {@code grant}, {@code revoke}, ...
     */
    void record(int actorId, String objectType, String objectKey, String action, List<Change> changes);

    /**
     * Entries newest first, optionally narrowed to one object type and to keys or changes
     * containing {@code text} (case-insensitive).
     */
    List<Entry> recent(String objectType, String text, int offset, int limit);

    /** How many entries {@link #recent} would page through. */
    int count(String objectType, String text);
}
