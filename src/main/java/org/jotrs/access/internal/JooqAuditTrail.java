package org.jotrs.access.internal;

import static org.jotrs.platform.db.schema.Tables.USERS;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.jotrs.access.AccessService;
import org.jotrs.access.AuditTrail;
import org.jotrs.platform.AuditLog;
import org.jotrs.platform.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JooqAuditTrail implements AuditTrail {

    private final DSLContext db;
    private final AccessService access;
    private final AuditLog log;

    JooqAuditTrail(DSLContext db, AccessService access, AuditLog log) {
        this.db = db;
        this.access = access;
        this.log = log;
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Row> entries(int actorId, String objectType, String text, int page) {
        access.requireAdmin(actorId);
        int total = log.count(objectType, text);
        int current = Page.clamp(page, total, PAGE_SIZE);
        List<AuditLog.Entry> entries = log.recent(objectType, text, current * PAGE_SIZE, PAGE_SIZE);
        Set<Integer> actorIds = entries.stream().map(AuditLog.Entry::actorId).collect(Collectors.toSet());
        Map<Integer, String> names = new HashMap<>();
        db.select(USERS.ID, USERS.LOGIN, USERS.FIRST_NAME, USERS.LAST_NAME).from(USERS).where(USERS.ID.in(actorIds))
                .forEach(r -> names.put(r.value1(), r.value2() + " (" + (r.value3() + " " + r.value4()).strip() + ")"));
        return new Page<>(entries.stream().map(e -> new Row(e, names.getOrDefault(e.actorId(), "agent #" + e.actorId())))
                .toList(), current, PAGE_SIZE, total);
    }
}
