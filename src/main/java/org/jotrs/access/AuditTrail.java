package org.jotrs.access;

import java.util.List;

import org.jotrs.platform.AuditLog;

/** The administration audit log for admins, with the acting agent's name resolved. */
public interface AuditTrail {

    int PAGE_SIZE = 50;

    /** An entry and who made it ({@code login (First Last)}, or the id of an agent that no longer resolves). */
    record Row(AuditLog.Entry entry, String actor) {
    }


    /**
     * Entries newest first, narrowed like {@link AuditLog#recent}.
     *
     * @throws PermissionDenied for non-admins
     */
    org.jotrs.platform.Page<Row> entries(int actorId, String objectType, String text, int page);
}
