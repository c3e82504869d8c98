package org.jotrs.platform.internal;

import static org.jotrs.platform.db.schema.Tables.JOTRS_AUDIT_LOG;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jotrs.platform.AuditLog;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores the changes as text, one line per field ({@code field\tbefore\tafter}, with tabs and
 * line breaks in values escaped), so the log stays readable with plain SQL.
 */
@Component
class JooqAuditLog implements AuditLog {

    private static final String NULL = "\\N";

    private final DSLContext db;
    private final Clock clock;

    JooqAuditLog(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(int actorId, String objectType, String objectKey, String action, List<Change> changes) {
        List<Change> real = changes.stream().filter(Objects::nonNull).toList();
        if (real.isEmpty() && "update".equals(action)) {
            return;
        }
        StringBuilder text = new StringBuilder();
        for (Change change : real) {
            text.append(escape(change.field())).append('\t').append(escape(change.before())).append('\t')
                    .append(escape(change.after())).append('\n');
        }
        db.insertInto(JOTRS_AUDIT_LOG)
                .set(JOTRS_AUDIT_LOG.CREATE_TIME, LocalDateTime.now(clock))
                .set(JOTRS_AUDIT_LOG.ACTOR_ID, actorId)
                .set(JOTRS_AUDIT_LOG.OBJECT_TYPE, objectType)
                .set(JOTRS_AUDIT_LOG.OBJECT_KEY, objectKey.length() > 200 ? objectKey.substring(0, 200) : objectKey)
                .set(JOTRS_AUDIT_LOG.ACTION, action)
                .set(JOTRS_AUDIT_LOG.CHANGES, text.toString())
                .execute();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Entry> recent(String objectType, String text, int offset, int limit) {
        return db.selectFrom(JOTRS_AUDIT_LOG)
                .where(filter(objectType, text))
                .orderBy(JOTRS_AUDIT_LOG.ID.desc())
                .offset(Math.max(0, offset)).limit(Math.max(1, limit))
                .fetch(r -> new Entry(r.getId(), r.getCreateTime(), r.getActorId(), r.getObjectType(), r.getObjectKey(),
                        r.getAction(), parse(r.getChanges())));
    }

    @Override
    @Transactional(readOnly = true)
    public int count(String objectType, String text) {
        return db.fetchCount(JOTRS_AUDIT_LOG, filter(objectType, text));
    }

    private static Condition filter(String objectType, String text) {
        Condition condition = DSL.noCondition();
        if (objectType != null && !objectType.isBlank()) {
            condition = condition.and(JOTRS_AUDIT_LOG.OBJECT_TYPE.eq(objectType));
        }
        if (text != null && !text.isBlank()) {
            condition = condition.and(JOTRS_AUDIT_LOG.OBJECT_KEY.containsIgnoreCase(text.strip())
                    .or(JOTRS_AUDIT_LOG.CHANGES.containsIgnoreCase(text.strip())));
        }
        return condition;
    }

    private static List<Change> parse(String text) {
        List<Change> changes = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\t", -1);
            if (parts.length == 3) {
                changes.add(new Change(unescape(parts[0]), unescape(parts[1]), unescape(parts[2])));
            }
        }
        return changes;
    }

    private static String escape(String value) {
        if (value == null) {
            return NULL;
        }
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescape(String value) {
        if (NULL.equals(value)) {
            return null;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(++i);
                out.append(switch (next) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
